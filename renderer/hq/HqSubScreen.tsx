// A page HQ staff open from the 事務センター screen (its 個人情報取扱台帳, its backups): the same bar, a line on
// what the page is, 戻る, and Esc back to the office screen — except while a dialog (a print preview) is open,
// where Esc closes the dialog. `onLeave` forgets the page's state, so the next visit starts afresh.
import { useEffect, type ReactNode } from 'react';
import { Key } from '../components/Key';
import { useSessionStore } from '../stores/session-store';

export function HqSubScreen(props: {
  readonly testId: string;
  readonly what: string;
  readonly onBack: () => void;
  readonly onLeave: () => void;
  readonly children: ReactNode;
}) {
  const { onBack, onLeave } = props;
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
      onLeave();
    };
  }, [onBack, onLeave]);
  return (
    <main className="hq" data-testid={props.testId}>
      <header className="hq-header hq-bar">
        <h1>事務センター</h1>
        <p>
          {session?.displayName} さん。{props.what}
        </p>
        <button className="btn" type="button" onClick={onBack}>
          戻る <Key k="Esc" />
        </button>
      </header>
      {props.children}
    </main>
  );
}
