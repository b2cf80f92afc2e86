// A data folder's database key: 256 random bits, sealed in keyring.json under the folder's
// passphrase. Destroying this file (crypto-erasure) makes the database unreadable for good.
// Slots leave room for other unlockers (e.g. the OS keychain through Electron's safeStorage).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SITE_IDS, type SiteId } from '../../shared/venues/venues';
import { StationId } from '../../shared/events/event';
import { err, ok, type Result } from '../../shared/result';
import { openWithPassphrase, PassphraseSealed, sealWithPassphrase } from '../crypto/passphrase-seal';
import { DB_KEY_BYTES } from '../db/connection';
import { parseJsonOrUndefined } from '../files/safe-json';

const KeyringFile = z.strictObject({
  format: z.literal('madoguchi-keyring'),
  version: z.literal(1),
  // Named `venue` since version 1; it holds the site, 'hq' for headquarters' own folder.
  venue: z.enum(SITE_IDS),
  stationId: StationId,
  slots: z.array(z.strictObject({ type: z.literal('passphrase'), box: PassphraseSealed })).min(1),
});

export interface KeyringIdentity {
  readonly site: SiteId;
  readonly stationId: string;
}

export type KeyringProblemCode = 'not-a-keyring' | 'wrong-passphrase' | 'unsafe-parameters';

export function createKeyring(identity: KeyringIdentity, passphrase: string): { text: string; dbKey: Buffer } {
  const dbKey = randomBytes(DB_KEY_BYTES);
  const box = sealWithPassphrase(dbKey, passphrase, aad(identity));
  const file: z.infer<typeof KeyringFile> = {
    format: 'madoguchi-keyring',
    version: 1,
    venue: identity.site,
    stationId: identity.stationId,
    slots: [{ type: 'passphrase', box }],
  };
  return { text: JSON.stringify(file, null, 2) + '\n', dbKey };
}

export function peekKeyring(text: string): Result<KeyringIdentity, { code: KeyringProblemCode; message: string }> {
  const parsed = KeyringFile.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err({ code: 'not-a-keyring', message: 'keyring.json が壊れているか、Madoguchi のものではありません' });
  return ok({ site: parsed.data.venue, stationId: parsed.data.stationId });
}

export function unlockKeyring(
  text: string,
  passphrase: string,
): Result<KeyringIdentity & { dbKey: Buffer }, { code: KeyringProblemCode; message: string }> {
  const parsed = KeyringFile.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err({ code: 'not-a-keyring', message: 'keyring.json が壊れているか、Madoguchi のものではありません' });
  const identity = { site: parsed.data.venue, stationId: parsed.data.stationId };
  let unsafe = false;
  for (const slot of parsed.data.slots) {
    const key = openWithPassphrase(slot.box, passphrase, aad(identity));
    if (key === 'unsafe-parameters') unsafe = true;
    else if (key !== 'wrong-passphrase' && key.length === DB_KEY_BYTES) return ok({ ...identity, dbKey: key });
  }
  return unsafe
    ? err({ code: 'unsafe-parameters', message: 'keyring.json の鍵導出パラメータが許容範囲外です' })
    : err({ code: 'wrong-passphrase', message: 'データフォルダのパスフレーズが違います' });
}

function aad(identity: KeyringIdentity): Buffer {
  return Buffer.from(`madoguchi-keyring\n${identity.site}\n${identity.stationId}`);
}
