// HQ retires a venue's encryption key when the venue is re-keyed (its key file lost, or a station holding it
// stolen): HQ's folder remembers the key as revoked, and `ledger build --hq-data` refuses to seal a ledger to
// it, so an old toyosu.pub left in venue-pubs/ cannot send residents' rows to whoever holds the lost key.
import { err, ok, type Result } from '../../shared/result';
import { personText } from '../../shared/text/person-text';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { metaValue, metaWithPrefix, putMeta } from '../db/queries/meta';
import type { PublicKeyHandle } from '../crypto/key-files';
import { tokyoDateTime } from '../../shared/tokyo-date';

const PREFIX = 'revoked-venue-key:';
const Reason = personText('取り消しの理由', 200, true);

interface RevokedVenueKey {
  readonly keyId: string;
  readonly venue: VenueId;
  readonly at: string;
  readonly reason: string;
  readonly by: string;
}

export function revokeVenueKey(
  db: Db,
  clock: Clock,
  key: PublicKeyHandle,
  reasonTyped: string,
  by: string,
): Result<{ status: 'revoked' | 'already-revoked' } & RevokedVenueKey, { code: 'bad-reason' | 'not-a-venue-key'; message: string }> {
  if (key.role !== 'venue' || key.venue === null)
    return err({ code: 'not-a-venue-key', message: '会場の公開鍵（<venue>.pub）を指定してください' });
  const reason = Reason.safeParse(reasonTyped);
  if (!reason.success) return err({ code: 'bad-reason', message: reason.error.issues[0]!.message });
  const held = revokedVenueKey(db, key.keyId);
  if (held) return ok({ status: 'already-revoked', ...held });
  const entry: RevokedVenueKey = { keyId: key.keyId, venue: key.venue, at: clock.now().toISOString(), reason: reason.data, by };
  putMeta(db, PREFIX + key.keyId, JSON.stringify(entry));
  return ok({ status: 'revoked', ...entry });
}

function revokedVenueKey(db: Db, keyId: string): RevokedVenueKey | null {
  const text = metaValue(db, PREFIX + keyId);
  return text === undefined ? null : (JSON.parse(text) as RevokedVenueKey);
}

export function revokedVenueKeys(db: Db): RevokedVenueKey[] {
  return metaWithPrefix(db, PREFIX).map((r) => JSON.parse(r.value) as RevokedVenueKey);
}

/** A build's venue keys checked against the revoked ones: the first revoked, in words, or null. */
export function revokedVenueKeyProblem(db: Db, keys: readonly PublicKeyHandle[]): string | null {
  for (const k of keys) {
    const r = revokedVenueKey(db, k.keyId);
    if (r)
      return (
        `${VENUES[r.venue].name}の会場鍵（鍵ID ${r.keyId}）は ${tokyoDateTime(r.at)} に取り消し済みです（${r.reason}）。` +
        `会場の新しい <venue>.pub を --venue-pubs のフォルダに置いてください。何も書き出していません`
      );
  }
  return null;
}
