// 受領確認's differences: what does not belong (余剰) first, then what is missing (不足), each with its reason.
// Many at once: tick them (全て選択, a group's box, or Space on a row), pick one reason, apply (Ctrl+Enter);
// each difference still keeps its own reason. A 余剰 scanned by mistake is taken back out here.
import { useEffect } from 'react';
import { DIFFERENCE_REASONS, RECEIPT_CHECK_LABELS as R, unexpectedKindLabel, type DifferenceReason } from '../../shared/glossary';
import { differencesOf, useReceiptStore } from '../stores/receipt-store';
import { count as counted } from '../../shared/numbers';

type Row = ReturnType<typeof differencesOf>[number];

function GroupBox({ rows, label }: { readonly rows: readonly Row[]; readonly label: string }) {
  const selected = useReceiptStore((s) => s.selected);
  const selectOnly = useReceiptStore((s) => s.selectOnly);
  const ticked = rows.filter((r) => selected[r.key]).length;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={rows.length > 0 && ticked === rows.length}
      ref={(el) => {
        if (el) el.indeterminate = ticked > 0 && ticked < rows.length;
      }}
      disabled={rows.length === 0}
      onChange={(e) =>
        selectOnly(
          rows.map((r) => r.key),
          e.currentTarget.checked,
        )
      }
    />
  );
}

function DifferenceRow({ row, closed }: { readonly row: Row; readonly closed: boolean }) {
  const value = useReceiptStore((s) => s.reasons[row.key]);
  const ticked = useReceiptStore((s) => s.selected[row.key] === true);
  const setReason = useReceiptStore((s) => s.setReason);
  const toggle = useReceiptStore((s) => s.toggle);
  const removeUnexpected = useReceiptStore((s) => s.removeUnexpected);
  const busy = useReceiptStore((s) => s.busy);
  const lacking = !closed && !value?.reason;
  return (
    <tr className={`difference difference-${row.kind}${ticked ? ' is-selected' : ''}`} data-testid={`difference-${row.code}`}>
      <td>{!closed && <input type="checkbox" aria-label={`${row.code} を選択`} checked={ticked} onChange={() => toggle(row.key)} />}</td>
      <td className="difference-kind">
        {row.kind === 'unexpected'
          ? `${R.unexpected}（${unexpectedKindLabel(row.unexpectedKind ?? '')}）`
          : `${R.missing}（読み取っていない）`}
      </td>
      <td className="mono">{row.code}</td>
      <td>
        <select
          aria-label={`${row.code} の理由`}
          aria-invalid={lacking}
          data-reason-for={row.key}
          disabled={closed}
          value={value?.reason ?? ''}
          onChange={(e) => setReason(row.key, { reason: (e.currentTarget.value || null) as DifferenceReason | null })}
        >
          <option value="">理由を選ぶ</option>
          {DIFFERENCE_REASONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`${row.code} のメモ`}
          disabled={closed}
          value={value?.memo ?? ''}
          maxLength={200}
          onChange={(e) => setReason(row.key, { memo: e.currentTarget.value })}
        />
      </td>
      <td>
        {row.kind === 'unexpected' && !closed && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            aria-label={`${row.code} を余剰から取り消す`}
            title="誤って読み取ったカード：受領確認の余剰から外します（記録は残ります）"
            onClick={() => void removeUnexpected(row.code)}
          >
            取り消す
          </button>
        )}
      </td>
    </tr>
  );
}

/** One reason for every ticked difference: the picker, the apply button, and Ctrl+Enter anywhere on the page. */
function BulkBar({ rows }: { readonly rows: readonly Row[] }) {
  const bulkReason = useReceiptStore((s) => s.bulkReason);
  const setBulkReason = useReceiptStore((s) => s.setBulkReason);
  const applyBulk = useReceiptStore((s) => s.applyBulk);
  const count = useReceiptStore((s) => rows.filter((r) => s.selected[r.key]).length);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not while a dialog (the F4 menu) is over the page: its Ctrl+Enter is its own.
      if (e.key !== 'Enter' || !e.ctrlKey || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      useReceiptStore.getState().applyBulk();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="bulk-reason" role="group" aria-label="選択した差異にまとめて理由を設定">
      <label className="bulk-all">
        <GroupBox rows={rows} label="全て選択" />
        全て選択
      </label>
      <fieldset className="bulk-choices">
        <legend>理由</legend>
        {DIFFERENCE_REASONS.map((r) => (
          <label key={r}>
            <input type="radio" name="bulk-reason" value={r} checked={bulkReason === r} onChange={() => setBulkReason(r)} />
            {r}
          </label>
        ))}
      </fieldset>
      <button type="button" className="btn" onClick={() => applyBulk()}>
        選択した {count} 件に設定（Ctrl+Enter）
      </button>
    </div>
  );
}

export function ReceiptDifferences() {
  const view = useReceiptStore((s) => s.view);
  const closeError = useReceiptStore((s) => s.closeError);
  // Closing refused: the first difference still lacking a reason takes the focus (and scrolls into view).
  useEffect(() => {
    if (!closeError?.focus) return;
    document.querySelector<HTMLSelectElement>(`[data-reason-for="${CSS.escape(closeError.focus)}"]`)?.focus();
  }, [closeError]);
  if (!view) return null;
  const rows = differencesOf(view);
  if (rows.length === 0) return null;
  const unexpected = rows.filter((r) => r.kind === 'unexpected');
  const missing = rows.filter((r) => r.kind === 'missing');
  const group = (label: string, list: readonly Row[]) =>
    list.length > 0 && (
      <tbody key={label}>
        <tr className="difference-group">
          <th colSpan={6} scope="rowgroup">
            {!view.closed && <GroupBox rows={list} label={`${label}をすべて選択`} />} {label} {counted(list.length)}
          </th>
        </tr>
        {list.map((r) => (
          <DifferenceRow key={r.key} row={r} closed={view.closed} />
        ))}
      </tbody>
    );
  return (
    <>
      {!view.closed && <BulkBar rows={rows} />}
      <div className="differences" data-testid="receipt-differences">
        <table>
          <thead>
            <tr>
              <th>選択</th>
              <th>区分</th>
              <th>予約管理番号</th>
              <th>理由</th>
              <th>メモ</th>
              <th>操作</th>
            </tr>
          </thead>
          {group(R.unexpected, unexpected)}
          {group(R.missing, missing)}
        </table>
      </div>
    </>
  );
}
