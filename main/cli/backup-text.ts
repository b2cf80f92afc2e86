// `backup` commands as text: what a backup holds in counts (never a name), and a station's backups with when
// each was last checked — the words the lead's screen uses, Tokyo times, counts with separators.
import type { BackupBody } from '../backup/manifest';
import type { BackupHistoryEntry, BackupReminder } from '../backup/backup-record';
import { count } from '../../shared/numbers';
import { tokyoDateTime } from '../../shared/tokyo-date';
import { backupOverdueText, backupReasonLabel, backupReminderAdvice } from '../../shared/backup/backup-words';

/** `by`: who made it as people name them where the folder is at hand (its staff), else the id the manifest keeps. */
export function backupBodyText(b: BackupBody, by: string): string {
  return [
    `  作成 ${tokyoDateTime(b.createdAt)}（${backupReasonLabel(b.reason)}）・${by}`,
    `  住民の行 ${count(b.counts.residentRows)}  業務記録 ${count(b.counts.events)}（この端末 ${count(b.counts.ownEvents)}）  個人情報取扱台帳 ${count(b.counts.accessRows)}  職員 ${count(b.counts.staff)}`,
    `  同期ファイル ${b.lastSyncFile === null ? 'まだ送っていません' : `#${b.lastSyncFile} まで送信済み`}`,
  ]
    .map((l) => `${l}\n`)
    .join('');
}

export function backupHistoryText(
  list: readonly (BackupHistoryEntry & { present: boolean })[],
  o: { folder: string | null } & BackupReminder,
): string {
  const lines = [`バックアップ先: ${o.folder ?? '未設定（日締めではバックアップしません。madoguchi settings で backup-folder を設定）'}`];
  if (list.length === 0) lines.push('バックアップはまだありません');
  for (const b of list) {
    const check = b.lastCheck === null ? '未確認' : `${b.lastCheck.ok ? '正常' : '異常'}（${tokyoDateTime(b.lastCheck.at)} 確認）`;
    lines.push(
      `  ${tokyoDateTime(b.at)} ${backupReasonLabel(b.reason)} ${b.by}  ${check}  ${b.present ? '' : '［媒体に見当たりません］'}${b.path}`,
    );
  }
  const overdue = backupOverdueText(o);
  if (overdue !== null) lines.push(`注意: ${overdue}。${backupReminderAdvice(o)}`);
  return lines.map((l) => `${l}\n`).join('');
}

/** 日締め's backup in a line, as the lead's screen says it. */
export function closeDayBackupText(r: { backup: string | null; backupProblem: string | null }): string {
  if (r.backup !== null) return `バックアップ: ${r.backup}\n${r.backupProblem === null ? '' : `${r.backupProblem}\n`}`;
  if (r.backupProblem !== null) return `バックアップは作っていません：${r.backupProblem}\n`;
  return 'バックアップは作っていません：バックアップ先が未設定です（madoguchi settings で backup-folder を設定）\n';
}
