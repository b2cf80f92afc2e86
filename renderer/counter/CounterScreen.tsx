// The counter: status strip, the scan surface (waiting, or the last outcome full window), the last action,
// the action bar, and at most one dialog.
import { useEffect, useRef } from 'react';
import { Key } from '../components/Key';
import { useCounterStore } from '../stores/counter-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore, type Dialog } from '../stores/ui-store';
import { IdCheckDialog } from './IdCheckDialog';
import { LeadPanel } from './LeadPanel';
import { ManualEntryDialog } from './ManualEntryDialog';
import { IdleView, OutcomeView } from './OutcomeView';
import { PendingScans } from './PendingScans';
import { StrayKeys } from '../components/ScanHold';
import { RefuseDialog, UndoDialog } from './ReasonDialogs';
import { SearchDialog } from './SearchDialog';
import { SHORTCUTS, useCounterShortcuts } from './shortcuts';
import { StatusStrip } from './StatusStrip';
import { ReceiptCheckScreen } from './ReceiptCheckScreen';
import { useReceiptStore } from '../stores/receipt-store';
import { useLeadStore } from '../stores/lead-store';
import { LeadWorkspace } from '../lead/LeadWorkspace';
import { PrintPreview } from '../print/PrintPreview';

function DialogHost({ dialog }: { readonly dialog: Dialog }) {
  switch (dialog.kind) {
    case 'id-check':
      return <IdCheckDialog key={dialog.card.reservationNo} card={dialog.card} />;
    case 'refuse':
      return <RefuseDialog key={dialog.card.reservationNo} card={dialog.card} />;
    case 'undo':
      return <UndoDialog key={dialog.card.reservationNo} card={dialog.card} handover={dialog.handover} />;
    case 'manual':
      return <ManualEntryDialog />;
    case 'search':
      return <SearchDialog />;
    case 'lead':
      return <LeadPanel />;
  }
}

function NoticeBar() {
  const notice = useCounterStore((s) => s.notice);
  const windowFocused = useUiStore((s) => s.windowFocused);
  const dialogOpen = useUiStore((s) => s.dialog !== null);
  return (
    <div className="notice-bar">
      {!windowFocused && (
        <p className="notice notice-error" role="alert">
          この画面が選択されていません。スキャンする前に画面をクリックしてください。
        </p>
      )}
      {!dialogOpen && <PendingScans inBar />}
      <StrayKeys />
      {notice && (
        <p key={notice.seq} className={`notice notice-${notice.tone}`} role="status" data-testid="notice" title={notice.text}>
          {notice.text}
        </p>
      )}
    </div>
  );
}

export function CounterScreen() {
  const shown = useCounterStore((s) => s.shown);
  const dialog = useUiStore((s) => s.dialog);
  const openDialog = useUiStore((s) => s.openDialog);
  const isLead = useSessionStore((s) => s.session?.role === 'lead');
  const lock = useSessionStore((s) => s.lock);
  const signOut = useSessionStore((s) => s.signOut);
  const surface = useRef<HTMLElement>(null);
  const receiptOpen = useReceiptStore((s) => s.active !== null || s.opening !== null);
  const leadPage = useLeadStore((s) => s.page);
  useCounterShortcuts();

  // The scan surface holds the focus (not an input, so no IME) whenever no dialog is open — except on the
  // lead's pages, which have their own fields.
  useEffect(() => {
    if (dialog === null && leadPage === null) surface.current?.focus({ preventScroll: true });
  }, [dialog, shown?.seq, leadPage]);

  return (
    <div className={`counter counter-${shown?.outcome.kind ?? 'idle'}`}>
      <StatusStrip />
      <main ref={surface} className="stage" tabIndex={-1} aria-label="スキャン画面" data-testid="scan-surface">
        {receiptOpen ? (
          <ReceiptCheckScreen />
        ) : leadPage ? (
          <LeadWorkspace page={leadPage} />
        ) : shown ? (
          <OutcomeView shown={shown} />
        ) : (
          <IdleView />
        )}
      </main>
      <nav className="action-bar" aria-label="操作">
        {/* On the lead's pages the counter's own actions would act behind them: back to the counter first. */}
        {leadPage === null && (
          <>
            <button className="btn" type="button" onClick={() => openDialog({ kind: 'manual' })}>
              番号入力 <Key k={SHORTCUTS.manual} />
            </button>
            <button className="btn" type="button" onClick={() => openDialog({ kind: 'search' })}>
              検索 <Key k={SHORTCUTS.search} />
            </button>
          </>
        )}
        {isLead && (
          <button className="btn" type="button" onClick={() => openDialog({ kind: 'lead' })}>
            会場責任者メニュー <Key k={SHORTCUTS.lead} />
          </button>
        )}
        {/* The last action's notice takes the bar's free middle, so it adds no height to the window. */}
        <NoticeBar />
        <button className="btn" type="button" onClick={() => void lock()}>
          画面ロック <Key k={SHORTCUTS.lock} />
        </button>
        <button className="btn" type="button" onClick={() => void signOut()}>
          サインアウト
        </button>
      </nav>
      {dialog && <DialogHost dialog={dialog} />}
      <PrintPreview />
    </div>
  );
}
