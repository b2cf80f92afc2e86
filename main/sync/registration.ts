// What two sides exchange once, at provisioning, to trust each other's sync files — public keys and TLS
// certificate fingerprints only, as small JSON files staff carry:
//   <stationId>.station.json  a station's signing key and TLS certificate → registered at HQ (and at its
//                             venue lead's station, which pulls its siblings)
//   hq-sync.json              HQ's inbox key and TLS certificate → set at every station, which seals to it
import { z } from 'zod';
import { StationId } from '../../shared/events/event';
import { VENUE_IDS, VENUES, type VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import type { Db } from '../db/connection';
import { recipientRows, replaceRecipients } from '../db/queries/sync-recipients';
import { insertStation, stationRegistrationKeys, stationRevocation, stationRows, updateStationTls } from '../db/queries/sync-stations';
import type { Clock } from '../clock';
import { decodePublicKeyFile, keyIdOf, publicKeyFromRaw, rawPublicKey, type PublicKeyHandle } from '../crypto/key-files';
import { parseJsonOrUndefined } from '../files/safe-json';
import { certificateFingerprint } from './tls-identity';
import { ensureInboxKey, ensureSigningKey, ensureTlsIdentity } from './sync-keys';
import type { KeyObject } from 'node:crypto';
import { writeTransaction } from '../db/transaction';

const KeyId = z.string().regex(/^[0-9a-f]{16}$/);
const RawKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);
const Tls = z.strictObject({ certPem: z.string().max(8192), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

export const StationRegistration = z.strictObject({
  format: z.literal('madoguchi-station-registration'),
  version: z.literal(1),
  venue: z.enum(VENUE_IDS),
  stationId: StationId,
  signingKey: z.strictObject({ keyId: KeyId, publicKey: RawKey }),
  tls: Tls,
});
export type StationRegistration = z.infer<typeof StationRegistration>;

export const HqSyncInfo = z.strictObject({
  format: z.literal('madoguchi-hq-sync'),
  version: z.literal(1),
  inbox: z.strictObject({ keyId: KeyId, publicKey: RawKey }),
  tls: Tls,
});
export type HqSyncInfo = z.infer<typeof HqSyncInfo>;

export interface RegistrationProblem {
  readonly code:
    | 'not-a-registration'
    | 'other-venue'
    | 'itself'
    | 'key-changed'
    | 'unsigned'
    | 'bad-signature'
    | 'hq-key-mismatch'
    | 'not-pinned'
    | 'revoked';
  readonly message: string;
}

/** Makes the station's keys if needed and describes them for HQ. */
export function stationRegistration(db: Db, venue: VenueId, stationId: string): StationRegistration {
  const signing = ensureSigningKey(db);
  const tls = ensureTlsIdentity(db, stationId);
  return {
    format: 'madoguchi-station-registration',
    version: 1,
    venue,
    stationId,
    signingKey: { keyId: signing.keyId, publicKey: rawPublicKey(signing.publicKey).toString('base64') },
    tls: { certPem: tls.certPem, fingerprint: tls.fingerprint },
  };
}

/** Makes HQ's inbox key and TLS identity if needed and describes them for the stations. */
export function hqSyncInfo(db: Db, stationId: string): HqSyncInfo {
  const inbox = ensureInboxKey(db);
  const tls = ensureTlsIdentity(db, stationId);
  return {
    format: 'madoguchi-hq-sync',
    version: 1,
    inbox: { keyId: inbox.keyId, publicKey: rawPublicKey(inbox.publicKey).toString('base64') },
    tls: { certPem: tls.certPem, fingerprint: tls.fingerprint },
  };
}

export function parseStationRegistration(text: string): Result<StationRegistration, RegistrationProblem> {
  return parseExchanged(StationRegistration, text, '端末の登録ファイル', (r) => ({ alg: 'ed25519', key: r.signingKey, tls: r.tls }));
}

/** HQ's description inside hq-sync.json; the file itself, from outside, is read by parseHqSyncFile (signed). */
export function parseHqSyncInfo(text: string): Result<HqSyncInfo, RegistrationProblem> {
  return parseExchanged(HqSyncInfo, text, '事務センターの同期鍵ファイル', (r) => ({ alg: 'x25519', key: r.inbox, tls: r.tls }));
}

/** Schema first, then that the stated key id and certificate fingerprint are those of the key and certificate. */
function parseExchanged<T>(
  schema: z.ZodType<T>,
  text: string,
  what: string,
  parts: (value: T) => {
    alg: 'ed25519' | 'x25519';
    key: { keyId: string; publicKey: string };
    tls: { certPem: string; fingerprint: string };
  },
): Result<T, RegistrationProblem> {
  const parsed = schema.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) return err({ code: 'not-a-registration', message: `${what}ではありません（形式が違うか、壊れています）` });
  const { alg, key, tls } = parts(parsed.data);
  let fingerprint: string;
  try {
    fingerprint = certificateFingerprint(tls.certPem);
  } catch {
    return err({ code: 'not-a-registration', message: `${what}の証明書を読めません` });
  }
  if (keyIdOf(publicKeyFromRaw(alg, Buffer.from(key.publicKey, 'base64'))) !== key.keyId || fingerprint !== tls.fingerprint) {
    return err({ code: 'not-a-registration', message: `${what}の鍵IDまたは証明書の指紋が内容と一致しません` });
  }
  return ok(parsed.data);
}

/** A station sets whom it seals its files to: HQ's inbox, and its own venue's key (its lead reads siblings). */
export function setRecipients(
  db: Db,
  hq: Pick<HqSyncInfo, 'inbox' | 'tls'>,
  venuePub: PublicKeyHandle,
  venue: VenueId,
): Result<null, RegistrationProblem> {
  if (venuePub.role !== 'venue' || venuePub.venue !== venue) {
    return err({ code: 'other-venue', message: `会場の公開鍵が${VENUES[venue].name}のものではありません` });
  }
  writeTransaction(db, () =>
    replaceRecipients(db, [
      { key_id: hq.inbox.keyId, role: 'hq', public_key: hq.inbox.publicKey, tls_fingerprint: hq.tls.fingerprint },
      { key_id: venuePub.keyId, role: 'venue', public_key: rawPublicKey(venuePub.publicKey).toString('base64'), tls_fingerprint: null },
    ]),
  );
  return ok(null);
}

export function recipients(db: Db): { keyId: string; role: 'hq' | 'venue'; publicKey: KeyObject; tlsFingerprint: string | null }[] {
  return recipientRows(db).map((r) => ({
    keyId: r.key_id,
    role: r.role,
    publicKey: publicKeyFromRaw('x25519', Buffer.from(r.public_key, 'base64')),
    tlsFingerprint: r.tls_fingerprint,
  }));
}

export function decodeVenuePub(text: string): Result<PublicKeyHandle, RegistrationProblem> {
  const r = decodePublicKeyFile(text);
  if (!r.ok || r.value.role !== 'venue')
    return err({ code: 'not-a-registration', message: '会場の公開鍵ファイル（<venue>.pub）ではありません' });
  return ok(r.value);
}

/**
 * Trusts a station's files from now on. At a venue's folder only that venue's other stations (its lead pulls
 * them); at HQ any station. Registering the same station again may change its source, never its key.
 */
export function registerStation(
  db: Db,
  clock: Clock,
  site: { venue: VenueId | 'hq'; stationId: string },
  reg: StationRegistration,
  source: string | null,
): Result<{ status: 'registered' | 'updated'; previousTlsFingerprint: string | null }, RegistrationProblem> {
  if (site.venue !== 'hq' && reg.venue !== site.venue) {
    return err({
      code: 'other-venue',
      message: `${reg.stationId} は${VENUES[reg.venue].name}の端末です（この端末は${VENUES[site.venue].name}）`,
    });
  }
  if (reg.stationId === site.stationId) return err({ code: 'itself', message: 'この端末自身は登録できません' });
  const existing = stationRegistrationKeys(db, reg.stationId);
  if (existing && stationRevocation(db, reg.stationId))
    return err({
      code: 'revoked',
      message: `${reg.stationId} は取り消し済みの端末です。鍵を作り直した端末は、新しいデータフォルダ（新しい端末ID）で登録してください`,
    });
  if (existing && existing.signing_key_id !== reg.signingKey.keyId) {
    return err({
      code: 'key-changed',
      message: `${reg.stationId} は別の署名鍵（${existing.signing_key_id}）で登録済みです。鍵の入れ替えは登録を確認してから行ってください`,
    });
  }
  if (existing) {
    updateStationTls(db, reg.stationId, reg.tls.fingerprint, source);
    // A new certificate is allowed (a reinstalled PC), but the caller must say so out loud.
    return ok({
      status: 'updated',
      previousTlsFingerprint: existing.tls_fingerprint !== reg.tls.fingerprint ? existing.tls_fingerprint : null,
    });
  }
  insertStation(db, {
    station_id: reg.stationId,
    venue: reg.venue,
    signing_key_id: reg.signingKey.keyId,
    signing_public_key: reg.signingKey.publicKey,
    tls_fingerprint: reg.tls.fingerprint,
    source,
    registered_at: clock.now().toISOString(),
  });
  return ok({ status: 'registered', previousTlsFingerprint: null });
}

/** A source as staff may paste it: a folder, or the station's https://host:port (a trailing /outbox/ is fine). */
export function normalizeSource(source: string): Result<string, RegistrationProblem> {
  if (!/^https:\/\//i.test(source)) return ok(source);
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return err({ code: 'not-a-registration', message: `取得元の URL が正しくありません: ${source}` });
  }
  if (!['', '/', '/outbox', '/outbox/'].includes(url.pathname) || url.search || url.hash || url.username) {
    return err({ code: 'not-a-registration', message: `取得元は https://<アドレス>:<ポート> の形で指定してください: ${source}` });
  }
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]')
    return err({ code: 'not-a-registration', message: '取得元には端末の実際のアドレスを指定してください（0.0.0.0 ではなく）' });
  return ok(`https://${url.host}`);
}

export interface RegisteredStation {
  readonly stationId: string;
  readonly venue: VenueId;
  readonly signingKeyId: string;
  readonly signingPublicKey: KeyObject;
  readonly tlsFingerprint: string | null;
  readonly source: string | null;
  readonly registeredAt: string;
  /** Its keys revoked (lost or stolen): files it signed are refused from then on; those held before stay. */
  readonly revoked: { readonly at: string; readonly reason: string; readonly by: string; readonly afterSeq: number } | null;
}

export function registeredStations(db: Db): RegisteredStation[] {
  return stationRows(db).map((r) => ({
    stationId: r.station_id,
    venue: r.venue,
    signingKeyId: r.signing_key_id,
    signingPublicKey: publicKeyFromRaw('ed25519', Buffer.from(r.signing_public_key, 'base64')),
    tlsFingerprint: r.tls_fingerprint,
    source: r.source,
    registeredAt: r.registered_at,
    revoked:
      r.revoked_at === null
        ? null
        : { at: r.revoked_at, reason: r.revoked_reason ?? '', by: r.revoked_by ?? '', afterSeq: r.revoked_after_seq ?? 0 },
  }));
}
