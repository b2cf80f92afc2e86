// HQ's own backups, opened from the 事務センター screen: the same page as the venue lead's (HQ's folder, HQ staff
// as who), over the same channels. Esc or 戻る returns to the office screen.
import { useEffect } from 'react';
import { Key } from '../components/Key';
import { useSessionStore } from '../stores/session-store';
import { useBackupStore } from '../stores/backup-store';
import { BackupView } from '../lead/BackupPage';

export function HqBackupScreen({ onBack }: { readonly onBack: () => void }) {
  const session = useSessionStore((s) => s.session);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && document.querySelector('dialog[open]') === null) {
        e.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      useBackupStore.getState().reset();
    };
  }, [onBack]);
  return (
    <main className="hq" data-testid="hq-backup">
      <header className="hq-header hq-bar">
        <h1>事務センター</h1>
        <p>{session?.displayName} さん。事務センターのデータフォルダのバックアップです。</p>
        <button className="btn" type="button" onClick={onBack}>
          戻る <Key k="Esc" />
        </button>
      </header>
      <div className="hq-body hq-panes">
        <BackupView className="hq-pane" Heading="h2" />
      </div>
    </main>
  );
}
