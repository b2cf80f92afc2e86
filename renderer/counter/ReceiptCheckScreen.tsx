// 受領確認 (venue lead): scan each card as the box is unpacked; shipped vs scanned, what does not belong and what
// is missing; close with a reason for every difference. Scans go here while this screen is open. The counts
// and the last scan stay at the top, the close button and its error at the bottom; only the list scrolls.
import { useEffect } from 'react';
import { playCue } from '../sound/cues';
import { usePrintStore } from '../stores/print-store';
import { useReceiptStore, type ReceiptScan } from '../stores/receipt-store';
import { RECEIPT_CHECK_LABELS as R } from '../../shared/glossary';
import { ReceiptDifferences } from './ReceiptDifferences';
import { count } from '../../shared/numbers';

const SCAN_TEXT: Record<ReceiptScan['kind'], string> = {
  received: '受領しました',
  'already-scanned': 'この受領確認で読み取り済みです',
  'other-shipment': '別の出荷のカードです（余剰）',
  'other-venue': '別の会場のカードです（誤配送・余剰）',
  'not-in-ledger': '台帳にない番号です（余剰）',
  malformed: '読み取れませんでした（予約管理番号ではありません）。記録していません。もう一度スキャンしてください',
};

function LastScan({ last }: { readonly last: ReceiptScan }) {
  const shown = 'reservationNo' in last ? `${last.reservationNo}：` : last.shown ? `「${last.shown}」：` : '';
  return (
    <p className={`notice ${last.kind === 'received' ? 'notice-success' : 'notice-error'}`} role="status" data-testid="receipt-last">
      {shown}
      {SCAN_TEXT[last.kind]}
    </p>
  );
}

export function ReceiptCheckScreen() {
  const s = useReceiptStore();
  const print = usePrintStore((p) => p.print);
  const closeSeq = s.closeError?.seq;
  // Closing refused: the error sound, as the counter's ID check does (the focus moves in the list).
  useEffect(() => {
    if (closeSeq !== undefined) playCue('error');
  }, [closeSeq]);
  const view = s.view;
  if (!s.active || !view)
    return (
      <section className="receipt-check" data-testid="receipt-check" aria-busy={s.error === null}>
        <h1>受領確認：出荷 {s.active?.shipmentId ?? s.opening}</h1>
        {s.error ? (
          <>
            <p className="form-error" role="alert">
              {s.error}
            </p>
            <button className="btn" type="button" onClick={() => s.exit()}>
              窓口に戻る
            </button>
          </>
        ) : (
          // Scans are taken already: they are applied in order once the check is open.
          <p className="idle-sub">開いています…（スキャンはそのまま続けられます）</p>
        )}
      </section>
    );
  return (
    <section className="receipt-check" data-testid="receipt-check" aria-labelledby="receipt-title">
      <div className="receipt-head">
        <h1 id="receipt-title">受領確認：出荷 {view.shipmentId}</h1>
        <p className="receipt-counts" data-testid="receipt-counts">
          {R.shipped} {count(view.shipped)}・{R.scanned} {count(view.scanned)}・{R.unexpected} {count(view.unexpected.length)}・{R.missing}{' '}
          {count(view.missing.length)}
        </p>
      </div>
      {/* One line for the last thing done: a scan, or a reason set or a 余剰 taken back in the list below. */}
      {s.applied ? (
        <p className="notice notice-success" role="status" data-testid="bulk-applied">
          {s.applied}
        </p>
      ) : s.last ? (
        <LastScan last={s.last} />
      ) : (
        !view.closed && <p className="idle-sub">箱を開けて、カードを1枚ずつスキャンしてください</p>
      )}
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      <ReceiptDifferences />
      <div className="receipt-foot">
        {view.closed && (
          <p className="verdict verdict-ok" role="status" data-testid="receipt-closed">
            受領確認を締めました（{R.scanned} {count(view.scanned)}）
          </p>
        )}
        <div className="button-row">
          {view.closed && (
            <button
              className="btn btn-primary"
              type="button"
              onClick={() => void print({ document: 'discrepancy', checkId: view.checkId, shipmentId: view.shipmentId })}
            >
              差異報告書を印刷
            </button>
          )}
          {!view.closed && (
            <button className="btn btn-primary" type="button" disabled={s.busy} onClick={() => void s.close()}>
              受領確認を締める
            </button>
          )}
          <button className="btn" type="button" onClick={() => s.exit()}>
            {view.closed ? '窓口に戻る' : '中断して窓口に戻る（読み取り分は記録済み）'}
          </button>
          {s.closeError && (
            <p className="form-error receipt-close-error" role="alert" data-testid="receipt-close-error">
              {s.closeError.message}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
