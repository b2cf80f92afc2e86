// Backups in the app: the lead's page (a venue's station; HQ staff of HQ's own folder) lists this station's
// backups from its access record, makes one now to the set folder, and checks one on its medium with the open
// folder's key (no passphrase). A check names a backup by a path this station's own record already holds:
// the renderer never points main at an arbitrary folder. Where backups go is the lead's to set here too
// (main checks the folder before saving it); in Electron main's own folder dialog may pick it.
import { z } from 'zod';
import { BOTH, channel } from './channel';
import { Empty } from './common';
import { BACKUP_CHECK_DAYS, BACKUP_FOLDER_MAX, BACKUP_KEEP } from '../../backup/backup-limits';

/** The lead's reminder: no backup known good within the days set (or none ever), and whether a folder is set. */
export const BackupReminderView = z.strictObject({
  folderSet: z.boolean(),
  lastGood: z.string().nullable(),
  checkDays: z.number(),
  overdue: z.boolean(),
  /** Known good within the days set, but none of those is on its medium now (the USB stick taken away, pruned). */
  goneFromMedium: z.boolean(),
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

/** A whole number within its range; whatever is wrong with it (empty, 2.5, 0) is said in the one sentence. */
function wholeNumber(range: { readonly min: number; readonly max: number }, words: string) {
  return z.number({ error: words }).int(words).min(range.min, words).max(range.max, words);
}

export const backupContract = {
  'backup:list': channel(
    Empty,
    z.strictObject({
      folder: z.string().nullable(),
      /** How many of this station's backups the folder keeps (backup-keep). */
      keep: z.number(),
      /** Whether main can open the OS's folder dialog (Electron); browser mode has none, the path is typed. */
      folderPicker: z.boolean(),
      reminder: BackupReminderView,
      backups: z.array(BackupRow),
    }),
    LEAD_OR_HQ,
    BOTH,
  ),
  /**
   * Where backups go, how many are kept there and after how many days the lead is reminded: saved only once main
   * has found the folder usable (absolute, there, writable, not the data folder's own nor the sync outbox), the
   * change written to the access record. A refusal's message names what is wrong.
   */
  'backup:set-folder': channel(
    z.strictObject({
      folder: z
        .string()
        .trim()
        .min(1, 'バックアップ先のフォルダを入力してください')
        .max(BACKUP_FOLDER_MAX, `フォルダの場所は${BACKUP_FOLDER_MAX}文字までです`),
      keep: wholeNumber(BACKUP_KEEP, `残す数は${BACKUP_KEEP.min}〜${BACKUP_KEEP.max}の整数で入力してください`),
      checkDays: wholeNumber(BACKUP_CHECK_DAYS, `確認の間隔は${BACKUP_CHECK_DAYS.min}〜${BACKUP_CHECK_DAYS.max}日の整数で入力してください`),
    }),
    z.strictObject({ folder: z.string(), keep: z.number(), checkDays: z.number() }),
    LEAD_OR_HQ,
    BOTH,
  ),
  /** Electron: main's folder dialog, starting at the folder set; the folder chosen (not yet saved), or null if cancelled. */
  'backup:choose-folder': channel(Empty, z.strictObject({ folder: z.string().nullable() }), LEAD_OR_HQ, BOTH),
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
