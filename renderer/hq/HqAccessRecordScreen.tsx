// HQ's own 個人情報取扱台帳, opened from the 事務センター screen: HQ staff's sign-ins, ledger prints and views of
// this record, by day, staff and resident; printable like the lead's. HQ has no scanner: the numbers are typed.
// Esc or 戻る returns to the office screen.
import { useEffect } from 'react';
import { AccessRecordView } from '../access/AccessRecordView';
import { PrintPreview } from '../print/PrintPreview';
import { Key } from '../components/Key';
import { useSessionStore } from '../stores/session-store';
import { useAccessStore } from '../stores/access-store';

export function HqAccessRecordScreen({ onBack }: { readonly onBack: () => void }) {
  const session = useSessionStore((s) => s.session);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Esc in the print preview closes the preview, not this page.
      if (e.key === 'Escape' && !e.defaultPrevented && document.querySelector('dialog[open]') === null) {
        e.preventDefault();
        onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      // The next visit starts from today's record, not the last filter's rows.
      useAccessStore.getState().reset();
    };
  }, [onBack]);
  return (
    <main className="hq" data-testid="hq-access">
      <header className="hq-header hq-bar">
        <h1>事務センター</h1>
        <p>{session?.displayName} さん。事務センターでの個人情報の利用の記録です。</p>
        <button className="btn" type="button" onClick={onBack}>
          戻る <Key k="Esc" />
        </button>
      </header>
      <div className="hq-body hq-panes">
        <AccessRecordView
          className="hq-pane"
          Heading="h2"
          title="個人情報取扱台帳（事務センターでの利用）"
          hint="予約管理番号だけを入れると全日分を表示します。この台帳の閲覧と印刷も記録されます。"
        />
      </div>
      <PrintPreview />
    </main>
  );
}
