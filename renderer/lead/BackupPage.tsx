// バックアップ (venue lead; HQ staff of HQ's own folder, renderer/hq/HqBackupScreen.tsx): where backups go (set
// here: BackupSettingsForm.tsx), this station's backups from its access record (when, 日締め or by
// hand, who, the last check and its outcome, whether the medium still has it), one made now, one checked on its
// medium. Buttons in tab order; only the table scrolls. Main makes, checks and records each.
import { useEffect } from 'react';
import { unsavedBackupSettings, useBackupStore } from '../stores/backup-store';
import { tokyoDateTime } from '../format/dates';
import { BACKUP_REASON_LABELS, backupReminderAdvice, backupReminderText } from '../format/backup-words';
import { BackupSettingsForm } from './BackupSettingsForm';
import { AutoOpenSetting } from './AutoOpenSetting';

export function BackupPage() {
  return <BackupView className="lead-page" Heading="h1" />;
}

/** The page's body, in the lead's workspace or HQ's screen (their own column and heading level). */
export function BackupView({ className, Heading }: { readonly className: string; readonly Heading: 'h1' | 'h2' }) {
  const s = useBackupStore();
  const load = useBackupStore((x) => x.load);
  useEffect(() => void load(), [load]);
  // No folder is said under the folder's own field (with what to do): not twice.
  const reminder = s.list && s.list.folder !== null && backupReminderText(s.list.reminder);
  return (
    <section className={className} data-testid="backup-page" aria-labelledby="backup-title">
      <div className="page-head">
        <Heading id="backup-title">バックアップ</Heading>
        <button
          className="btn btn-primary"
          type="button"
          // A folder typed but not saved: the backup would go to the old one, so it waits for 保存.
          disabled={s.busy !== null || s.list?.folder === null || unsavedBackupSettings(s).folder}
          onClick={() => void s.create()}
        >
          {s.busy === 'create' ? 'バックアップ中…' : '今すぐバックアップ'}
        </button>
      </div>
      {s.list && <BackupSettingsForm folderPicker={s.list.folderPicker} />}
      <AutoOpenSetting />
      {s.list?.folder === null && (
        <p className="verdict verdict-missing" data-testid="backup-folder-unset">
          バックアップ先が未設定です。USBメモリなどのフォルダを{s.list.folderPicker ? '選ぶか入力して' : '入力して'}「保存」を押してください
        </p>
      )}
      {s.list &&
        (reminder ? (
          <p className="verdict verdict-missing" data-testid="backup-reminder">
            {reminder}。{backupReminderAdvice(s.list.reminder)}
          </p>
        ) : (
          s.list.reminder.lastGood && (
            <p className="verdict verdict-ok" data-testid="backup-reminder">
              最後に正常を確かめたバックアップ: {tokyoDateTime(s.list.reminder.lastGood)}
            </p>
          )
        ))}
      {s.error && (
        <p className="form-error" role="alert" data-testid="backup-error">
          {s.error}
        </p>
      )}
      {s.message && (
        <p className="verdict verdict-ok" role="status" data-testid="backup-message">
          {s.message}
        </p>
      )}
      {s.list === null ? (
        <p aria-busy="true">読み込み中…</p>
      ) : s.list.backups.length === 0 ? (
        <p data-testid="backup-none">この端末のバックアップはまだありません</p>
      ) : (
        <div className="table-scroll">
          <table className="shipments backups" data-testid="backup-table">
            <thead>
              <tr>
                <th scope="col">作成</th>
                <th scope="col">種類</th>
                <th scope="col">作成者</th>
                <th scope="col">最後の確認</th>
                <th scope="col">媒体</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {s.list.backups.map((b) => (
                <tr key={b.path} data-testid="backup-row">
                  <td title={b.path}>{tokyoDateTime(b.at)}</td>
                  <td>{BACKUP_REASON_LABELS[b.reason]}</td>
                  <td>{b.by}</td>
                  <td
                    className={b.lastCheck === null ? '' : b.lastCheck.ok ? 'status-good' : 'status-bad'}
                    title={b.lastCheck?.problem ?? undefined}
                  >
                    {b.lastCheck === null ? '未確認' : `${b.lastCheck.ok ? '正常' : '異常'}（${tokyoDateTime(b.lastCheck.at)}）`}
                  </td>
                  <td className={b.present ? '' : 'status-bad'}>{b.present ? 'あり' : '見当たりません'}</td>
                  <td>
                    <button
                      className="btn"
                      type="button"
                      disabled={s.busy !== null || !b.present}
                      aria-label={`${tokyoDateTime(b.at)} のバックアップを確認`}
                      onClick={() => void s.verify(b.path)}
                    >
                      {s.busy === b.path ? '確認中…' : '確認'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
