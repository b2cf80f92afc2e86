// The backup reminder in words, the same on the lead's strip and at the top of the backup page (and, for the
// overdue part, in `madoguchi backup list`: shared/backup/backup-words.ts).
import type { BackupReminderView } from '../../shared/ipc/contract/backup';
import { backupOverdueText } from '../../shared/backup/backup-words';

export { BACKUP_REASON_LABELS, backupReminderAdvice } from '../../shared/backup/backup-words';

/** What the lead should hear about backups, or null when a backup was known good within the days set. */
export function backupReminderText(r: BackupReminderView): string | null {
  // No folder: 日締め makes no backup, whatever was done by hand before, so this is said first. Short, as the
  // strip's second line holds it at 1280×640 (a third line pushed the counter's outcome under the action bar).
  if (!r.folderSet) return 'バックアップ先が未設定です';
  return backupOverdueText(r);
}
