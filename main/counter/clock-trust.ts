// Time the station can trust (issue 13). Its own last record says when it last wrote, so a clock now earlier
// than that has been put back, or was ahead before: in the trial a clock a day ahead, then corrected, closed the
// real day under-counted and left the next one unclosable. The strip says so to everyone, and 日締め waits until
// the clock is past the last record (a lead closing then freezes figures counted on the wrong days). A clock far
// past everything the station knows (its own, its siblings' and the ledgers' times) is asked about, not refused:
// a venue closed for the New Year is quiet that long too, and the first record of the day clears it.
import type { Db } from '../db/connection';
import { latestEventTime, lastOwnEventTime } from '../db/queries/events';
import { tokyoDateTime } from '../../shared/tokyo-date';

/** A clock a minute behind is a PC never synchronised; more is put back. */
const SLACK_MS = 60_000;
/** Longer than any break a venue takes without a single record (the New Year holidays). */
const FAR_AHEAD_MS = 10 * 24 * 3600_000;

export interface ClockDoubt {
  readonly kind: 'behind' | 'far-ahead';
  readonly lastRecorded: string;
  readonly message: string;
}

export function clockDoubt(db: Db, stationId: string, now: Date): ClockDoubt | null {
  const own = lastOwnEventTime(db, stationId);
  const shown = tokyoDateTime(now.toISOString());
  if (own !== null && Date.parse(own) - now.getTime() > SLACK_MS)
    return {
      kind: 'behind',
      lastRecorded: own,
      message: `この端末の時計（${shown}）が、最後に記録した時刻（${tokyoDateTime(own)}）より前を指しています。時計を確認してください。直るまで日締めはできません（コード: CLOCK-BEHIND）`,
    };
  // Only a station quiet that long reads the whole log's latest time (no index serves it): the strip asks for
  // this on every refresh, and the station's own last record, found through its sequence, settles it at once.
  if (own !== null && now.getTime() - Date.parse(own) <= FAR_AHEAD_MS) return null;
  const known = latestEventTime(db);
  if (known !== null && now.getTime() - Date.parse(known) > FAR_AHEAD_MS)
    return {
      kind: 'far-ahead',
      lastRecorded: known,
      message: `この端末の時計は ${shown} です。最後の記録（${tokyoDateTime(known)}）から10日以上たっています。時計が進んでいないか確認してください（コード: CLOCK-AHEAD）`,
    };
  return null;
}
