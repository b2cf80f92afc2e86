// Revoking a station whose keys are lost (a stolen PC, a folder whose passphrase got out): from then on this
// folder refuses every file signed by the station's key, and any that is offered is kept as an alert. The files
// taken in before stay, with their events: they were signed while the key was the station's alone.
import { err, ok, type Result } from '../../shared/result';
import { personText } from '../../shared/text/person-text';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { revokeStationRow, stationRevocation, stationRows } from '../db/queries/sync-stations';
import { writeTransaction } from '../db/transaction';

export interface Revoked {
  readonly stationId: string;
  readonly status: 'revoked' | 'already-revoked';
  /** The highest file number held, kept (0: none). */
  readonly keptThroughSeq: number;
  readonly at: string;
}

export interface RevocationProblem {
  readonly code: 'unknown-station' | 'bad-reason';
  readonly message: string;
}

const Reason = personText('取り消しの理由', 200, true);

export function revokeStation(
  db: Db,
  clock: Clock,
  stationId: string,
  reasonTyped: string,
  by: string,
): Result<Revoked, RevocationProblem> {
  const reason = Reason.safeParse(reasonTyped);
  if (!reason.success) return err({ code: 'bad-reason', message: reason.error.issues[0]!.message });
  return writeTransaction(db, () => {
    if (!stationRows(db).some((s) => s.station_id === stationId))
      return err({
        code: 'unknown-station' as const,
        message: `端末 ${stationId} は登録されていません（madoguchi status で登録済みの端末を確かめてください）`,
      });
    const at = clock.now().toISOString();
    const fresh = revokeStationRow(db, stationId, at, reason.data, by);
    const row = stationRevocation(db, stationId)!;
    return ok({
      stationId,
      status: fresh ? ('revoked' as const) : ('already-revoked' as const),
      keptThroughSeq: row.revoked_after_seq ?? 0,
      at: row.revoked_at!,
    });
  });
}
