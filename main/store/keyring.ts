// A data folder's database key: 256 random bits, sealed in keyring.json under the folder's
// passphrase. Destroying this file (crypto-erasure) makes the database unreadable for good.
// A second slot may hold the key for this OS user on this PC (os-key-slot.ts): the passphrase slot always stays.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SITE_IDS, type SiteId } from '../../shared/venues/venues';
import { StationId } from '../../shared/events/event';
import { err, ok, type Result } from '../../shared/result';
import { openWithPassphrase, PassphraseSealed, sealWithPassphrase } from '../crypto/passphrase-seal';
import { DB_KEY_BYTES } from '../db/connection';
import { parseJsonOrUndefined } from '../files/safe-json';

const PassphraseSlot = z.strictObject({ type: z.literal('passphrase'), box: PassphraseSealed });

// Still version 1: a keyring without an 'os' slot is what every earlier one was. A slot of another type is
// kept as written and not read here (an 'os' slot that is damaged never stops the passphrase), but a damaged
// passphrase slot is a damaged keyring, and one without any passphrase slot is none of ours.
const KeyringFile = z.strictObject({
  format: z.literal('madoguchi-keyring'),
  version: z.literal(1),
  // Named `venue` since version 1; it holds the site, 'hq' for headquarters' own folder.
  venue: z.enum(SITE_IDS),
  stationId: StationId,
  slots: z
    .array(z.union([PassphraseSlot, z.looseObject({ type: z.string().refine((t) => t !== 'passphrase') })]))
    .refine((slots) => slots.some((s) => s.type === 'passphrase')),
});
type KeyringFile = z.infer<typeof KeyringFile>;

export interface KeyringIdentity {
  readonly site: SiteId;
  readonly stationId: string;
}

export type KeyringProblemCode = 'not-a-keyring' | 'wrong-passphrase' | 'unsafe-parameters';

export function createKeyring(identity: KeyringIdentity, passphrase: string): { text: string; dbKey: Buffer } {
  const dbKey = randomBytes(DB_KEY_BYTES);
  const box = sealWithPassphrase(dbKey, passphrase, aad(identity));
  const file: KeyringFile = {
    format: 'madoguchi-keyring',
    version: 1,
    venue: identity.site,
    stationId: identity.stationId,
    slots: [{ type: 'passphrase', box }],
  };
  return { text: keyringText(file), dbKey };
}

const NOT_A_KEYRING = { code: 'not-a-keyring', message: 'keyring.json が壊れているか、Madoguchi のものではありません' } as const;

/** The keyring as written, its identity and every slot (an 'os' slot unread: os-key-slot.ts reads it). */
export function readKeyring(text: string): Result<KeyringFile, typeof NOT_A_KEYRING> {
  const parsed = KeyringFile.safeParse(parseJsonOrUndefined(text));
  return parsed.success ? ok(parsed.data) : err(NOT_A_KEYRING);
}

export function keyringText(file: KeyringFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

export function peekKeyring(text: string): Result<KeyringIdentity, { code: KeyringProblemCode; message: string }> {
  const parsed = readKeyring(text);
  if (!parsed.ok) return parsed;
  return ok({ site: parsed.value.venue, stationId: parsed.value.stationId });
}

export function unlockKeyring(
  text: string,
  passphrase: string,
): Result<KeyringIdentity & { dbKey: Buffer }, { code: KeyringProblemCode; message: string }> {
  const parsed = readKeyring(text);
  if (!parsed.ok) return parsed;
  const identity = { site: parsed.value.venue, stationId: parsed.value.stationId };
  let unsafe = false;
  for (const slot of parsed.value.slots) {
    if (!isPassphraseSlot(slot)) continue;
    const key = openWithPassphrase(slot.box, passphrase, aad(identity));
    if (key === 'unsafe-parameters') unsafe = true;
    else if (key !== 'wrong-passphrase' && key.length === DB_KEY_BYTES) return ok({ ...identity, dbKey: key });
  }
  return unsafe
    ? err({ code: 'unsafe-parameters', message: 'keyring.json の鍵導出パラメータが許容範囲外です' })
    : err({ code: 'wrong-passphrase', message: 'データフォルダのパスフレーズが違います' });
}

function isPassphraseSlot(slot: KeyringFile['slots'][number]): slot is z.infer<typeof PassphraseSlot> {
  return slot.type === 'passphrase';
}

/** What every slot's seal is bound to: the folder's site and station, so a slot copied into another keyring opens nothing. */
export function aad(identity: KeyringIdentity): Buffer {
  return Buffer.from(`madoguchi-keyring\n${identity.site}\n${identity.stationId}`);
}
