// Backups in the app: the lead's page (a venue's station; HQ staff of HQ's own folder) lists this station's
// backups from its access record, makes one now to the set folder, and checks one on its medium with the open
// folder's key (no passphrase). A check names a backup by a path this station's own record already holds:
// the renderer never points main at an arbitrary folder.
import { z } from 'zod';
import { BOTH, channel } from './channel';
import { Empty } from './common';

/** The lead's reminder: no backup known good within the days set (or none ever), and whether a folder is set. */
export const BackupReminderView = z.strictObject({
  folderSet: z.boolean(),
  lastGood: z.string().nullable(),
  checkDays: z.number(),
  overdue: z.boolean(),
});
export type BackupReminderView = z.infer<typeof BackupReminderView>;

const BackupRow = z.strictObject({
  path: z.string(),
  at: z.string(),
  /** Who made it, by name (or 日締め's lead). */
  by: z.string(),
  reason: z.enum(['day-close', 'manual']),
  lastCheck: z.strictObject({ at: z.string(), ok: z.boolean(), problem: z.string().nullable() }).nullable(),
  /** Whether the backup is on the medium now (a USB stick taken away, or the newest-N pruning removed it). */
  present: z.boolean(),
});

const LEAD_OR_HQ = ['lead', 'hq'] as const;

export const backupContract = {
  'backup:list': channel(
    Empty,
    z.strictObject({ folder: z.string().nullable(), reminder: BackupReminderView, backups: z.array(BackupRow) }),
    LEAD_OR_HQ,
    BOTH,
  ),
  /** A backup now, to the set folder; the folder made, the older ones removed, what the copy's records say. */
  'backup:create': channel(
    Empty,
    z.strictObject({ path: z.string(), removed: z.array(z.string()), recordsProblem: z.string().nullable() }),
    LEAD_OR_HQ,
    BOTH,
  ),
  /** Checks one of this station's backups on its medium; ok false says what is wrong with it (also recorded). */
  'backup:verify': channel(
    z.strictObject({ path: z.string().min(1).max(4096) }),
    z.strictObject({ ok: z.boolean(), problem: z.string().nullable(), recordsProblem: z.string().nullable() }),
    LEAD_OR_HQ,
    BOTH,
  ),
} as const;
