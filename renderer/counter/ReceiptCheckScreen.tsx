// 受領確認 (venue lead): scan each card as the box is unpacked; shipped vs scanned, what is missing and what
// does not belong; close with a reason for every difference. Scans go here while this screen is open.
import { usePrintStore } from '../stores/print-store';
import { useReceiptStore, differenceKey, type ReceiptScan } from '../stores/receipt-store';
import { DIFFERENCE_REASONS, RECEIPT_CHECK_LABELS as R, unexpectedKindLabel, type DifferenceReason } from '../../shared/glossary';

const SCAN_TEXT: Record<ReceiptScan['kind'], string> = {
  received: '受領しました',
  'already-scanned': 'この受領確認で読み取り済みです',
  'other-shipment': '別の出荷のカードです',
  'other-venue': '別の会場のカードです（誤配送）',
  'not-in-ledger': '台帳にない番号です',
  malformed: '予約管理番号として読み取れません',
};

function Difference({ kind, code, label }: { readonly kind: 'missing' | 'unexpected'; readonly code: string; readonly label: string }) {
  const key = differenceKey(kind, code);
  const value = useReceiptStore((s) => s.reasons[key]);
  const setReason = useReceiptStore((s) => s.setReason);
  const closed = useReceiptStore((s) => s.view?.closed ?? false);
  return (
    <li className="difference" data-testid={`difference-${code}`}>
      <span className="mono">{code}</span> <span>{label}</span>
      <select
        aria-label={`${code} の理由`}
        disabled={closed}
        value={value?.reason ?? ''}
        onChange={(e) => setReason(key, { reason: (e.currentTarget.value || null) as DifferenceReason | null })}
      >
        <option value="">理由を選ぶ</option>
        {DIFFERENCE_REASONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <input
        aria-label={`${code} のメモ`}
        disabled={closed}
        value={value?.memo ?? ''}
        maxLength={200}
        onChange={(e) => setReason(key, { memo: e.currentTarget.value })}
      />
    </li>
  );
}

export function ReceiptCheckScreen() {
  const s = useReceiptStore();
  const print = usePrintStore((p) => p.print);
  const view = s.view;
  if (!s.active || !view) return <p aria-busy="true">読み込み中…</p>;
  return (
    <section className="receipt-check" data-testid="receipt-check" aria-labelledby="receipt-title">
      <h1 id="receipt-title">受領確認：出荷 {view.shipmentId}</h1>
      <p className="receipt-counts" data-testid="receipt-counts">
        {R.shipped} {view.shipped}件・{R.scanned} {view.scanned}件・{R.missing} {view.missing.length}件・{R.unexpected}{' '}
        {view.unexpected.length}件
      </p>
      {!view.closed && <p className="idle-sub">箱を開けて、カードを1枚ずつスキャンしてください</p>}
      {s.last && (
        <p className={`notice ${s.last.kind === 'received' ? 'notice-ok' : 'notice-error'}`} role="status" data-testid="receipt-last">
          {'reservationNo' in s.last ? `${s.last.reservationNo}：` : ''}
          {SCAN_TEXT[s.last.kind]}
        </p>
      )}
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {(view.missing.length > 0 || view.unexpected.length > 0) && (
        <ul className="differences">
          {view.missing.map((code) => (
            <Difference key={`m-${code}`} kind="missing" code={code} label={`${R.missing}（読み取っていない）`} />
          ))}
          {view.unexpected.map((u, i) => (
            <Difference
              key={`u-${u.code}-${i}`}
              kind="unexpected"
              code={u.code}
              label={`${R.unexpected}（${unexpectedKindLabel(u.kind)}）`}
            />
          ))}
        </ul>
      )}
      {view.closed ? (
        <p className="verdict verdict-ok" role="status" data-testid="receipt-closed">
          受領確認を締めました（{R.scanned} {view.scanned}件）
        </p>
      ) : null}
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
      </div>
    </section>
  );
}
