// Backups in words, one set for the lead's strip, the backup page and `madoguchi backup list`.
import { tokyoDateTime } from '../tokyo-date';

export const BACKUP_REASON_LABELS = { 'day-close': '日締め', manual: '手動' } as const;

/** A reason as people say it; one a newer version wrote is shown as written. */
export function backupReasonLabel(reason: string): string {
  return (BACKUP_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}

/**
 * When there is no known-good backup to restore from: none checked within the days set, or those checked are no
 * longer on their medium. What to say, short enough for the strip's second line (null when one is at hand).
 */
export function backupOverdueText(r: {
  readonly overdue: boolean;
  readonly goneFromMedium: boolean;
  readonly lastGood: string | null;
  readonly checkDays: number;
}): string | null {
  if (r.goneFromMedium && r.lastGood !== null) return `確認済みのバックアップが媒体に見当たりません（最後: ${tokyoDateTime(r.lastGood)}）`;
  if (!r.overdue) return null;
  return r.lastGood === null
    ? 'バックアップがまだ確認されていません'
    : `バックアップが${r.checkDays}日以上確認されていません（最後: ${tokyoDateTime(r.lastGood)}）`;
}

/** What the lead can do about it, after the reminder (backup list, the page): plug the medium back in, or make one. */
export function backupReminderAdvice(r: { readonly goneFromMedium: boolean }): string {
  return r.goneFromMedium
    ? 'バックアップの入ったUSBメモリを差し直すか、今すぐバックアップしてください'
    : 'バックアップを作るか、媒体のバックアップを確認してください';
}
