// Time the station can trust (issue 13): its own last record says when it last wrote, so a clock now earlier
// than that has been put back, or was ahead before. In the trial a clock a day ahead, then corrected, closed
// the real day under-counted and left the next one unclosable; the strip says so to everyone, and 日締め waits
// until the clock is past the last record (a lead closing then freezes figures counted on the wrong days).
import type { Db } from '../db/connection';
import { lastOwnEventTime } from '../db/queries/events';
import { tokyoDateTime } from '../../shared/tokyo-date';

/** A clock a minute behind is a PC never synchronised; more is put back. */
const SLACK_MS = 60_000;

export interface ClockBehind {
  readonly lastRecorded: string;
  readonly message: string;
}

export function clockBehind(db: Db, stationId: string, now: Date): ClockBehind | null {
  const last = lastOwnEventTime(db, stationId);
  if (last === null || Date.parse(last) - now.getTime() <= SLACK_MS) return null;
  return {
    lastRecorded: last,
    message: `この端末の時計（${tokyoDateTime(now.toISOString())}）が、最後に記録した時刻（${tokyoDateTime(last)}）より前を指しています。時計を確認してください。直るまで日締めはできません（コード: CLOCK-BEHIND）`,
  };
}
