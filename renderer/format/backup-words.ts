// The backup reminder in words, the same on the lead's strip and at the top of the backup page.
import type { BackupReminderView } from '../../shared/ipc/contract/backup';
import { tokyoDateTime } from './dates';

/** What the lead should hear about backups, or null when a backup was known good within the days set. */
export function backupReminderText(r: BackupReminderView): string | null {
  // No folder: 日締め makes no backup, whatever was done by hand before, so this is said first. Short, as the
  // strip's second line holds it at 1280×640 (a third line pushed the counter's outcome under the action bar).
  if (!r.folderSet) return 'バックアップ先が未設定です';
  if (!r.overdue) return null;
  return r.lastGood === null
    ? 'バックアップがまだ確認されていません'
    : `バックアップが${r.checkDays}日以上確認されていません（最後: ${tokyoDateTime(r.lastGood)}）`;
}

export const BACKUP_REASON_LABELS = { 'day-close': '日締め', manual: '手動' } as const;
