// Backups in words, one set for the lead's strip, the backup page and `madoguchi backup list`.
import { tokyoDateTime } from '../tokyo-date';

export const BACKUP_REASON_LABELS = { 'day-close': '日締め', manual: '手動' } as const;

/** A reason as people say it; one a newer version wrote is shown as written. */
export function backupReasonLabel(reason: string): string {
  return (BACKUP_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}

/** When no backup was known good within the days set: what to say (null when one was). */
export function backupOverdueText(r: {
  readonly overdue: boolean;
  readonly lastGood: string | null;
  readonly checkDays: number;
}): string | null {
  if (!r.overdue) return null;
  return r.lastGood === null
    ? 'バックアップがまだ確認されていません'
    : `バックアップが${r.checkDays}日以上確認されていません（最後: ${tokyoDateTime(r.lastGood)}）`;
}
