// keyring.json's second slot: the database key for this OS user on this PC, so the station opens without the
// passphrase (os-key-store.ts). The OS seals a random 256-bit wrapping key; the database key is sealed under
// that with AES-256-GCM and the same identity (site, station) as the passphrase slot, so a slot copied into
// another folder's keyring opens nothing there. The passphrase slot is never touched: whatever happens to this
// slot (another Windows user, a reinstalled OS, a damaged file), the passphrase still opens the folder.
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { DB_KEY_BYTES } from '../db/connection';
import { aad, keyringText, readKeyring, type KeyringIdentity } from './keyring';
import type { OsKeyStore } from './os-key-store';
import { KEYRING_FILE } from './folder-files';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const OsSlot = z.strictObject({
  type: z.literal('os'),
  /** The wrapping key, as the OS sealed it (DPAPI's blob on Windows). */
  osSealed: b64,
  cipher: z.literal('aes-256-gcm'),
  iv: b64,
  /** The database key under the wrapping key, tag appended. */
  sealed: b64,
});
type OsSlot = z.infer<typeof OsSlot>;

type OsOpenProblemCode = 'not-a-keyring' | 'no-os-slot' | 'os-unavailable' | 'os-refused' | 'os-slot-damaged';
export interface OsOpenProblem {
  readonly code: OsOpenProblemCode;
  readonly message: string;
}

const SETTING = '「この端末で自動的に開く」設定';
const PASSPHRASE_STILL = 'パスフレーズを入力して開いてください（開いた後、会場責任者がこの設定をし直せます）';

/** Whether the keyring holds an OS slot (of any shape: a damaged one is there too); null for no keyring of ours. */
export function hasOsSlot(text: string): boolean | null {
  const parsed = readKeyring(text);
  return parsed.ok ? parsed.value.slots.some((s) => s.type === 'os') : null;
}

/** Whether the folder's keyring holds an OS slot (false with no keyring, or none of ours). */
export function folderHasOsSlot(dir: string): boolean {
  const file = join(dir, KEYRING_FILE);
  return existsSync(file) && hasOsSlot(readFileSync(file, 'utf8')) === true;
}

/** The keyring with an OS slot for `dbKey` in place of any it had; the passphrase slots as they were. */
export function withOsSlot(text: string, dbKey: Buffer, os: Pick<OsKeyStore, 'seal' | 'open'>): string {
  const parsed = readKeyring(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const file = parsed.value;
  const wrap = randomBytes(32);
  try {
    const osSealed = os.seal(wrap);
    // Opened again at once: a store that seals what it cannot open is found now, not at tomorrow's start.
    const back = os.open(osSealed);
    if (back.length !== wrap.length || !timingSafeEqual(back, wrap)) throw new Error('the OS key store did not give back what it sealed');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', wrap, iv, { authTagLength: 16 });
    cipher.setAAD(aad({ site: file.venue, stationId: file.stationId }));
    const sealed = Buffer.concat([cipher.update(dbKey), cipher.final(), cipher.getAuthTag()]);
    const slot: OsSlot = {
      type: 'os',
      osSealed: osSealed.toString('base64'),
      cipher: 'aes-256-gcm',
      iv: iv.toString('base64'),
      sealed: sealed.toString('base64'),
    };
    return keyringText({ ...file, slots: [...file.slots.filter((s) => s.type !== 'os'), slot] });
  } finally {
    wrap.fill(0);
  }
}

/** The keyring without its OS slot (unchanged when it has none). */
export function withoutOsSlot(text: string): string {
  const parsed = readKeyring(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return keyringText({ ...parsed.value, slots: parsed.value.slots.filter((s) => s.type !== 'os') });
}

/** The database key from the OS slot, or why not in words for the unlock screen (the passphrase still opens it). */
export function unlockKeyringWithOs(text: string, os: OsKeyStore): Result<KeyringIdentity & { dbKey: Buffer }, OsOpenProblem> {
  const parsed = readKeyring(text);
  if (!parsed.ok) return parsed;
  const identity = { site: parsed.value.venue, stationId: parsed.value.stationId };
  const found = parsed.value.slots.find((s) => s.type === 'os');
  if (found === undefined) return err({ code: 'no-os-slot', message: `${SETTING}はありません` });
  if (!os.available())
    return err({
      code: 'os-unavailable',
      message: `${SETTING}がありますが、この端末では OS の資格情報（鍵の保管庫）が使えないため、自動では開けませんでした。${PASSPHRASE_STILL}`,
    });
  const slot = OsSlot.safeParse(found);
  const damaged = {
    code: 'os-slot-damaged',
    message: `${SETTING}の鍵が壊れているか、このデータフォルダのものではありません。${PASSPHRASE_STILL}`,
  } as const;
  if (!slot.success) return err(damaged);
  let wrap: Buffer;
  try {
    wrap = os.open(Buffer.from(slot.data.osSealed, 'base64'));
  } catch {
    return err({
      code: 'os-refused',
      message: `${SETTING}がありますが、OS の資格情報で鍵を取り出せませんでした（設定した時と違う Windows のユーザーでサインインしているか、OS の再インストールなどで資格情報が変わった可能性があります）。${PASSPHRASE_STILL}`,
    });
  }
  try {
    const sealed = Buffer.from(slot.data.sealed, 'base64');
    const iv = Buffer.from(slot.data.iv, 'base64');
    if (wrap.length !== 32 || iv.length !== 12 || sealed.length !== DB_KEY_BYTES + 16) return err(damaged);
    const decipher = createDecipheriv('aes-256-gcm', wrap, iv, { authTagLength: 16 });
    decipher.setAAD(aad(identity));
    decipher.setAuthTag(sealed.subarray(DB_KEY_BYTES));
    return ok({ ...identity, dbKey: Buffer.concat([decipher.update(sealed.subarray(0, DB_KEY_BYTES)), decipher.final()]) });
  } catch {
    return err(damaged);
  } finally {
    wrap.fill(0);
  }
}
