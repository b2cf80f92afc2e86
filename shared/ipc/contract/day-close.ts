// 日締め: the lead closes the business day (figures frozen), and its sync file goes to the outbox.
import { z } from 'zod';
import { LEAD, VENUE, channel } from './channel';
import { FreeSpaceWarning, IsoDate } from './common';
import { DailyReportView } from './reconciliation';

export const dayCloseContract = {
  /**
   * Closes the day; with sync set up, the day's sync file is written to the outbox too (its name, else null).
   * freeSpace: the data folder's disk running low after the close (the close itself is done either way).
   * backup: the backup made to the set backup folder; backupProblem: why none was made (or what it found).
   * Both null: no backup folder is set.
   */
  'day:close': channel(
    z.strictObject({ date: IsoDate }),
    DailyReportView.extend({
      syncFile: z.string().nullable(),
      syncProblem: z.string().nullable(),
      freeSpace: FreeSpaceWarning,
      backup: z.string().nullable(),
      backupProblem: z.string().nullable(),
    }),
    LEAD,
    VENUE,
  ),
} as const;
