// 会場責任者メニュー: the venue's shipments and 受領確認 for one that has arrived. Hidden from clerks; main
// refuses them anyway.
import { Modal } from '../components/Modal';
import { Key } from '../components/Key';
import { useUiStore } from '../stores/ui-store';
import { PendingScans } from './PendingScans';
import { LedgerImport, LedgerImportOutcome } from './LedgerImport';
import { useImportStore } from '../stores/import-store';
import { LockedAccounts } from '../lead/LockedAccounts';
import { useReceiptStore } from '../stores/receipt-store';
import { useLeadStore, type LeadPage } from '../stores/lead-store';
import { usePrintStore } from '../stores/print-store';
import { useEffect, useState } from 'react';
import { LedgerOrderSelect, type LedgerOrder } from '../print/LedgerOrderSelect';
import { SHIPMENT_RECEIPT_LABELS } from '../../shared/glossary';
import { count } from '../../shared/numbers';

const PAGES: readonly { page: LeadPage; label: string }[] = [
  { page: 'reconciliation', label: '照合・日報・日締め' },
  { page: 'corrections', label: '訂正（破損・受領の誤り・交付の取消）' },
  { page: 'returns', label: '返戻（受取期限切れ）' },
];

export function LeadPanel() {
  const lead = useUiStore((s) => s.lead);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const ask = useUiStore((s) => s.askConfirmReceipt);
  const confirmReceipt = useUiStore((s) => s.confirmReceipt);
  const pullSiblings = useUiStore((s) => s.pullSiblings);
  const openReceiptCheck = useReceiptStore((s) => s.open);
  const openPage = useLeadStore((s) => s.open);
  const print = usePrintStore((s) => s.print);
  const [order, setOrder] = useState<LedgerOrder>('town');
  // A ledger taken in folds its form away (unfolded, the menu is taller than a 1366×768 window) and says so at the
  // top; opening the import again starts on the next ledger.
  const [importOpen, setImportOpen] = useState(false);
  const imported = useImportStore((s) => !s.busy && s.shipmentId !== null);
  useEffect(() => {
    if (imported) setImportOpen(false);
  }, [imported]);
  return (
    <Modal title="会場責任者メニュー" onCancel={closeDialog} className="modal-wide lead-panel" testId="lead-panel">
      <PendingScans />
      {imported && <LedgerImportOutcome />}
      <div className="lead-menu-side">
        <nav className="lead-pages" aria-label="会場責任者の業務">
          {PAGES.map((p, i) => (
            <button
              key={p.page}
              className="btn btn-big"
              type="button"
              // The menu opens at its top, on its first entry (not on 閉じる at the bottom, which scrolled it down).
              data-autofocus={i === 0 ? '' : undefined}
              onClick={() => {
                // The page first: closing the menu releases scans held for the counter, which must keep waiting.
                openPage(p.page);
                closeDialog();
              }}
            >
              {p.label}
            </button>
          ))}
        </nav>
        <div className="button-row lead-pull">
          <button className="btn" type="button" disabled={lead.busy} onClick={() => void pullSiblings()}>
            ほかの端末の記録を取り込む
          </button>
        </div>
        {/* Small buttons on one row, not page entries above: one more big entry made the menu taller than the window. */}
        <div className="button-row lead-pull">
          {(
            [
              ['staff', '職員の管理'],
              ['access', '個人情報取扱台帳'],
            ] as const
          ).map(([page, label]) => (
            <button
              key={page}
              className="btn"
              type="button"
              onClick={() => {
                openPage(page);
                closeDialog();
              }}
            >
              {label}
            </button>
          ))}
        </div>
        {/* Folded: a ledger arrives once per shipment, and unfolded it made the menu taller than the window. */}
        <details
          className="lead-import"
          data-testid="ledger-import-section"
          open={importOpen}
          onToggle={(e) => {
            const open = e.currentTarget.open;
            setImportOpen(open);
            if (open && useImportStore.getState().shipmentId !== null) useImportStore.getState().another();
          }}
        >
          <summary>台帳の取込（ファイルから）</summary>
          <LedgerImport />
        </details>
        {/* バックアップ beside 閉じる: a third small button on the row above wrapped, and the menu outgrew the window. */}
        <div className="button-row lead-close">
          <button
            className="btn"
            type="button"
            onClick={() => {
              openPage('backup');
              closeDialog();
            }}
          >
            バックアップ
          </button>
          <button className="btn" type="button" onClick={closeDialog}>
            閉じる <Key k="Esc" />
          </button>
        </div>
      </div>
      <div className="lead-menu-main">
        <h3>出荷・受領確認・台帳</h3>
        <LedgerOrderSelect id="ledger-order" value={order} onChange={setOrder} />
        {lead.error && (
          <p className="form-error" role="alert">
            {lead.error}
          </p>
        )}
        {lead.message && (
          <p className="verdict verdict-ok" role="status">
            {lead.message}
          </p>
        )}
        {lead.shipments === null ? (
          <p aria-busy="true">読み込み中…</p>
        ) : lead.shipments.length === 0 ? (
          // A station just set up: what to do first, not an empty table.
          <p className="verdict" role="status" data-testid="no-shipments">
            この端末にはまだ台帳がありません。事務センターから届いた台帳ファイル（.ledger）を、左の「台帳の取込（ファイルから）」を開いて取り込んでください。
          </p>
        ) : (
          <table className="shipments">
            <thead>
              <tr>
                <th scope="col">出荷</th>
                <th scope="col">件数</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {lead.shipments.map((s) => (
                <tr key={s.shipmentId} data-testid={`shipment-${s.shipmentId}`}>
                  <td className="mono">{s.shipmentId}</td>
                  <td>{count(s.rowCount)}</td>
                  <td className={s.received ? 'status-good' : 'status-bad'}>
                    {s.received ? SHIPMENT_RECEIPT_LABELS.checked : SHIPMENT_RECEIPT_LABELS.unchecked}
                  </td>
                  <td>
                    <button
                      className="btn"
                      type="button"
                      onClick={() => void print({ document: 'ledger', shipmentId: s.shipmentId, order })}
                    >
                      台帳を印刷
                    </button>
                    {!s.received && lead.confirming !== s.shipmentId && (
                      <>
                        <button className="btn" type="button" disabled={lead.busy} onClick={() => ask(s.shipmentId)}>
                          箱ごと受領確認
                        </button>
                        <button
                          className="btn"
                          type="button"
                          disabled={lead.busy}
                          onClick={() => {
                            // The check first (scans go to it from now): closing the menu releases held scans.
                            void openReceiptCheck(s.shipmentId);
                            closeDialog();
                          }}
                        >
                          スキャンで受領確認
                        </button>
                      </>
                    )}
                    {!s.received && lead.confirming === s.shipmentId && (
                      <span className="confirm-inline">
                        <span>箱の中身（{count(s.rowCount)}）を確認しましたか？</span>
                        <button
                          className="btn btn-primary"
                          type="button"
                          autoFocus
                          disabled={lead.busy}
                          onClick={() => void confirmReceipt(s.shipmentId)}
                        >
                          受領を確定する
                        </button>
                        <button className="btn" type="button" onClick={() => ask(null)}>
                          やめる
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LockedAccounts />
      </div>
    </Modal>
  );
}
