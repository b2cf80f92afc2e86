// 返戻: cards past their collection deadline, scanned (or ticked) into a batch, recorded with a reason, and
// the return list printed to travel with them. Earlier batches can be printed again.
import { useEffect } from 'react';
import { useReturnsStore } from '../stores/returns-store';
import { usePrintStore } from '../stores/print-store';
import { tokyoDateTime, westernDate } from '../format/dates';
import { DateText } from '../components/DateText';
import { count } from '../../shared/numbers';

export function ReturnsPage() {
  const s = useReturnsStore();
  const print = usePrintStore((p) => p.print);
  const load = s.load;
  useEffect(() => {
    void load();
  }, [load]);
  const selected = new Set(s.selected);
  return (
    <section className="lead-page" data-testid="returns-page" aria-labelledby="returns-title">
      <div className="page-head">
        <h1 id="returns-title">返戻（受取期限を過ぎたカードを事務センターへ）</h1>
        <p className="receipt-counts" data-testid="returns-counts">
          対象 {count(s.overdue?.length ?? 0)}・この返戻 {count(s.selected.length)}
        </p>
      </div>
      <p className="idle-sub">棚から取り出したカードを1枚ずつスキャンしてください（一覧で選ぶこともできます）</p>
      {s.lastScan && (
        <p
          key={s.lastScan.seq}
          className={`notice ${s.lastScan.tone === 'ok' ? 'notice-success' : 'notice-error'}`}
          role="status"
          data-testid="returns-last"
        >
          {s.lastScan.text}
        </p>
      )}
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.recorded && (
        <div className="verdict verdict-ok" role="status" data-testid="returns-recorded">
          返戻を記録しました（{count(s.recorded.cards)}、返戻番号 {s.recorded.number}）
          <button className="btn" type="button" onClick={() => void print({ document: 'return-list', batchId: s.recorded!.batchId })}>
            返戻リストを印刷
          </button>
        </div>
      )}
      <div className="inline-form">
        <label className="field-label" htmlFor="return-reason">
          理由
        </label>
        <input id="return-reason" value={s.reason} maxLength={200} onChange={(e) => s.setReason(e.currentTarget.value)} />
        <button className="btn" type="button" disabled={!s.overdue?.length} onClick={() => s.selectAll()}>
          すべて選択
        </button>
        <button className="btn btn-primary" type="button" disabled={s.busy || s.selected.length === 0} onClick={() => void s.record()}>
          返戻を記録する（{count(s.selected.length)}）
        </button>
      </div>
      {/* Only the lists scroll: the counts, the last scan and 返戻を記録する above stay in view. */}
      <div className="table-scroll" data-testid="returns-lists">
        {s.overdue && s.overdue.length > 0 ? (
          <table className="shipments" data-testid="overdue-table">
            <thead>
              <tr>
                <th scope="col">返戻</th>
                <th scope="col">予約管理番号</th>
                <th scope="col">氏名</th>
                <th scope="col">発送日</th>
                <th scope="col">受取期限</th>
              </tr>
            </thead>
            <tbody>
              {s.overdue.map((c) => (
                <tr
                  key={c.reservationNo}
                  data-testid={`overdue-${c.reservationNo}`}
                  className={selected.has(c.reservationNo) ? 'row-selected' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${c.reservationNo} を返戻に含める`}
                      checked={selected.has(c.reservationNo)}
                      onChange={() => s.toggle(c.reservationNo)}
                    />
                  </td>
                  <td className="mono">{c.reservationNo}</td>
                  <td>{c.name}</td>
                  <td className="date">{westernDate(c.shippedOn)}</td>
                  <td className="date">{westernDate(c.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          s.overdue && <p>受取期限を過ぎた交付待ちのカードはありません。</p>
        )}
        {s.batches.length > 0 && (
          <>
            <h2>記録済みの返戻</h2>
            <table className="shipments" data-testid="return-batches">
              <thead>
                <tr>
                  <th scope="col">返戻番号</th>
                  <th scope="col">記録</th>
                  <th scope="col">件数</th>
                  <th scope="col">理由</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {s.batches.map((b) => (
                  <tr key={b.batchId}>
                    <td className="mono">{b.number}</td>
                    <td>
                      <DateText>{tokyoDateTime(b.at)}</DateText> {b.stationName}
                    </td>
                    <td>{count(b.cards)}</td>
                    <td>{b.reason}</td>
                    <td>
                      <button className="btn" type="button" onClick={() => void print({ document: 'return-list', batchId: b.batchId })}>
                        返戻リストを印刷
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </section>
  );
}
