// 照合・日報: for a chosen business day, the counts as of its end with both invariants written out, per
// shipment, the cards that break an invariant, per station and the 30-minute chart; close the day (its
// figures are then frozen: later corrections show beside them); print the daily report.
import { useLeadStore, type ReconciliationView } from '../stores/lead-store';
import { usePrintStore } from '../stores/print-store';
import { useSessionStore } from '../stores/session-store';
import { FIGURE_ORDER, INVARIANTS, breakReasonLabel, figureLabel, figureValueText, invariantText } from '../../shared/glossary';
import { HalfHourChart } from './HalfHourChart';
import { tokyoDateTime, tokyoToday, westernDate } from '../format/dates';
import { DateField } from '../components/DateField';
import { DateText } from '../components/DateText';
import { FreeSpaceNotice } from '../components/FreeSpaceNotice';
import { count } from '../../shared/numbers';

function Invariants({ t }: { readonly t: ReconciliationView['total'] }) {
  return (
    <ul className="invariants">
      {INVARIANTS.map((inv) => {
        const ok = t[inv.left] === inv.right.reduce((sum, k) => sum + t[k], 0);
        return (
          <li key={inv.left} className={ok ? 'invariant-ok' : 'invariant-bad'} data-testid={`invariant-${inv.left}`}>
            {invariantText(inv, t, { eq: '＝', plus: '＋' })} … <strong>{ok ? '成立' : '不成立'}</strong>
          </li>
        );
      })}
    </ul>
  );
}

/** What the figures of a day not yet closed are: a past day's stop at its end, today's move with each record. */
function openDayText(date: string, today: string): string {
  if (date < today) return '未締め：上の数字はこの日の終わり（24時）までの記録から計算しています。';
  if (date === today) return '未締め：上の数字は現時点の計算です。';
  return 'まだ来ていない日です。締めることはできません。';
}

export function ReconciliationPage() {
  const s = useLeadStore();
  const print = usePrintStore((p) => p.print);
  const isLead = useSessionStore((x) => x.session?.role === 'lead');
  const v = s.view;
  return (
    <section className="lead-page" data-testid="reconciliation-page" aria-labelledby="recon-title">
      <div className="page-head">
        <h1 id="recon-title">照合・日報</h1>
        <div className="inline-form">
          <label className="field-label" htmlFor="recon-date">
            営業日
          </label>
          <DateField id="recon-date" value={s.date} onChange={(d) => void s.setDate(d)} />
          <button className="btn" type="button" disabled={s.busy} onClick={() => void s.load()}>
            再計算
          </button>
          <button className="btn" type="button" onClick={() => void print({ document: 'daily-report', date: s.date })}>
            日報を印刷
          </button>
        </div>
      </div>
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.date > tokyoToday() && (
        <p className="verdict verdict-missing" data-testid="future-day">
          まだ来ていない日です：下の数字は現時点の記録から計算しています
        </p>
      )}
      {s.message && (
        <p className="verdict verdict-ok" role="status" data-testid="day-closed-message">
          {s.message}
        </p>
      )}
      {s.backupProblem && (
        <p className="verdict verdict-missing" role="alert" data-testid="day-close-backup-problem">
          {s.backupProblem}
        </p>
      )}
      <FreeSpaceNotice warning={s.freeSpace} />
      {!v ? (
        <p aria-busy="true">計算しています…</p>
      ) : (
        <>
          {/* The verdict and the sums side by side, so the tables below keep the height. */}
          <div className="recon-summary">
            <p className={`verdict ${v.total.holds ? 'verdict-ok' : 'verdict-missing'}`} data-testid="recon-verdict">
              {v.total.holds ? '数は合っています（記録から計算）' : `数が合いません：${count(v.breakerCount)}のカードを確認してください`}
            </p>
            <Invariants t={v.total} />
          </div>
          {/* Only this part scrolls: the verdict and sums above and the day's close below stay in view. */}
          <div className="table-scroll" data-testid="recon-details">
            <table className="figures" data-testid="recon-figures">
              <thead>
                <tr>
                  <th scope="col">出荷</th>
                  {FIGURE_ORDER.map((k) => (
                    <th key={k} scope="col">
                      {figureLabel(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {v.shipments.map((sh) => (
                  <tr key={sh.shipmentId}>
                    <td className="mono">{sh.shipmentId}</td>
                    {FIGURE_ORDER.map((k) => (
                      <td key={k}>{figureValueText(sh[k])}</td>
                    ))}
                  </tr>
                ))}
                <tr className="figures-total">
                  <th scope="row">{v.closed ? '合計（現在の計算）' : '合計'}</th>
                  {FIGURE_ORDER.map((k) => (
                    <td key={k} data-testid={`total-${k}`}>
                      {figureValueText(v.total[k])}
                    </td>
                  ))}
                </tr>
                {v.closed && (
                  // The close's own figures, apart from today's recomputation: a late record or a correction
                  // moves the row above, never this one.
                  <tr className="figures-frozen" data-testid="frozen-totals">
                    <th scope="row">合計（締め時・固定）</th>
                    {FIGURE_ORDER.map((k) => (
                      <td key={k} data-testid={`frozen-${k}`}>
                        {figureValueText(v.closed!.totals[k] ?? 0)}
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
            {v.breakers.length > 0 && (
              <div className="breakers" data-testid="recon-breakers">
                <h2>合わないカード（{count(v.breakerCount)}）</h2>
                <ul>
                  {v.breakers.map((b) => (
                    <li key={`${b.reservationNo}-${b.reason}`}>
                      <span className="mono">{b.reservationNo}</span>：{breakReasonLabel(b.reason)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {v.conflicts.length > 0 && (
              <div className="breakers" data-testid="recon-conflicts">
                <h2>複数の端末で交付された記録（{count(v.conflicts.length)}）</h2>
                <p>同期前に別々の端末で同じカードの交付が記録されています。本人に確認し、誤っている方を訂正（交付の取消）してください。</p>
                <ul>
                  {v.conflicts.map((c) => (
                    <li key={c.reservationNo}>
                      <span className="mono">{c.reservationNo}</span>：{c.stations.map((id) => v.stationNames[id] ?? id).join('、')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <h2>この日の交付（窓口端末別）</h2>
            {v.byStation.length === 0 ? (
              <p>この日の交付・交付不可の記録はありません。</p>
            ) : (
              <table className="shipments" data-testid="recon-stations">
                <thead>
                  <tr>
                    <th scope="col">端末</th>
                    <th scope="col">交付</th>
                    <th scope="col">交付不可（試行）</th>
                  </tr>
                </thead>
                <tbody>
                  {v.byStation.map((st) => (
                    <tr key={st.stationId}>
                      <td title={st.stationId}>{v.stationNames[st.stationId] ?? st.stationId}</td>
                      <td>{count(st.handedOver)}</td>
                      <td>{count(st.refusals)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <HalfHourChart halfHours={v.halfHours} />
            <h2>日締め</h2>
            {v.closed ? (
              <p className="verdict verdict-ok" data-testid="day-closed">
                締め済み：<DateText>{tokyoDateTime(v.closed.at)}</DateText>（{v.closed.by}
                ）。締め時の合計は固定され、表の「締め時・固定」の行に、現在の計算と分けて示しています。
              </p>
            ) : (
              <p data-testid="day-open">{openDayText(s.date, tokyoToday())}</p>
            )}
            {v.correctedSinceClose.length > 0 && (
              <div className="breakers" data-testid="corrected-since-close">
                <h2>締め後の訂正</h2>
                <ul>
                  {v.correctedSinceClose.map((c) => (
                    <li key={c.figure}>
                      {figureLabel(c.figure)}：締め時 {figureValueText(c.frozen)} → 現在 {figureValueText(c.now)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          {isLead &&
            !v.closed &&
            s.date <= tokyoToday() &&
            (s.confirmingClose ? (
              <span className="confirm-inline">
                <span>
                  <DateText>{westernDate(s.date)}</DateText>を締めますか？締めた後の訂正は訂正として記録されます。
                </span>
                <button className="btn btn-primary" type="button" autoFocus disabled={s.busy} onClick={() => void s.closeDay()}>
                  締める
                </button>
                <button className="btn" type="button" onClick={() => s.askClose(false)}>
                  やめる
                </button>
              </span>
            ) : (
              <button className="btn btn-primary" type="button" onClick={() => s.askClose(true)}>
                この日を締める（日締め）
              </button>
            ))}
        </>
      )}
    </section>
  );
}
