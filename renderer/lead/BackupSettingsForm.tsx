// Where backups go, on the backup page: the folder (typed; in Electron also chosen with the OS's dialog, which
// main opens), how many of this station's backups it keeps and after how many days the lead is reminded. One
// line of fields in tab order (short labels, so it stays one line at 1280 px; a number out of range is said with
// its range when saved); Enter in any of them saves. Main checks the folder before saving and says what is wrong.
import type { FormEvent } from 'react';
import { unsavedBackupSettings, useBackupStore } from '../stores/backup-store';
import { LabeledInput } from '../components/LabeledInput';
import { BACKUP_FOLDER_MAX } from '../../shared/backup/backup-limits';

export function BackupSettingsForm({ folderPicker }: { readonly folderPicker: boolean }) {
  const s = useBackupStore();
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void s.saveSettings();
  };
  return (
    <form className="inline-form backup-settings" onSubmit={onSave} aria-label="バックアップ先の設定" data-testid="backup-settings">
      <LabeledInput
        id="backup-folder-input"
        label="バックアップ先"
        value={s.draft.folder}
        onChange={(folder) => s.setDraft({ folder })}
        maxLength={BACKUP_FOLDER_MAX}
        placeholder="例: E:\madoguchi"
        size={34}
      />
      {folderPicker && (
        <button className="btn" type="button" disabled={s.busy !== null} onClick={() => void s.chooseFolder()}>
          フォルダを選ぶ…
        </button>
      )}
      <LabeledInput
        id="backup-keep-input"
        label="残す数"
        value={s.draft.keep}
        onChange={(keep) => s.setDraft({ keep })}
        maxLength={3}
        size={3}
        inputMode="numeric"
      />
      <LabeledInput
        id="backup-check-days-input"
        label="確認の間隔（日）"
        value={s.draft.checkDays}
        onChange={(checkDays) => s.setDraft({ checkDays })}
        maxLength={2}
        size={2}
        inputMode="numeric"
      />
      <button className="btn" type="submit" disabled={s.busy !== null}>
        {s.busy === 'settings' ? '確認中…' : '保存'}
      </button>
      {unsavedBackupSettings(s).any && (
        <span className="hint" data-testid="backup-unsaved">
          まだ保存していません
        </span>
      )}
    </form>
  );
}
