// HQ's view of the ward (issue 5 §4): per venue and in total — shipped, received, handed over, outstanding,
// returned — whether the figures hold, each station's last sync file, and every mismatch in words.
import { useEffect, useState } from 'react';
import { useHqStore } from '../stores/hq-store';
import { tokyoToday, westernDate } from '../format/dates';
import { FIGURE_LABELS, FIGURE_ORDER, type FigureKey } from '../../shared/glossary';
import { DateField } from '../components/DateField';
import { DateText } from '../components/DateText';
import { count, num } from '../../shared/numbers';

// Named as on the lead's screens and the printed daily report.
const FIGURES = FIGURE_ORDER.filter((k): k is Exclude<FigureKey, 'holds'> => k !== 'holds');

export function WardReport() {
  const { report, loadReport, pull, pulling, pulled } = useHqStore();
  const [date, setDate] = useState(tokyoToday());
  useEffect(() => {
    void loadReport(date);
  }, [loadReport, date]);
  return (
    <section className="hq-pane" aria-labelledby="hq-ward">
      <div className="page-head">
        <h2 id="hq-ward">区全体の集計（同期ファイルから）</h2>
        <div className="inline-form">
          <label className="field-label" htmlFor="hq-ward-date">
            基準日
          </label>
          <DateField id="hq-ward-date" value={date} onChange={(d) => setDate(d)} />
          <button className="btn" type="button" disabled={pulling} onClick={() => void pull(date)}>
            {pulling ? '取得中…' : '同期ファイルを取得'}
          </button>
        </div>
      </div>
      {pulled && (
        <ul className="pull-results" data-testid="pull-results">
          {pulled.length === 0 && <li>取得元が登録されていません（madoguchi sync register --source）</li>}
          {pulled.map((p) => (
            // Whose files, in words; the folder or address only on hover, for whoever has to fix a problem.
            <li key={p.source} title={p.source} className={p.problem || p.refused.length > 0 ? 'status-bad' : undefined}>
              {p.name}：{p.problem ?? `新規 ${count(p.ingested)}${p.alreadyHad ? `・取込済み ${count(p.alreadyHad)}` : ''}`}
              {p.refused.map((r) => (
                <div key={r}>{r}</div>
              ))}
            </li>
          ))}
        </ul>
      )}
      {report && (
        <>
          <p className={report.holds ? 'status-good' : 'status-bad'} data-testid="ward-status">
            {report.holds ? 'すべて一致しています' : `要確認 ${count(report.mismatches.length)}`}
          </p>
          <div className="table-scroll" data-testid="ward-tables">
            <table className="shipments" data-testid="ward-figures">
              <thead>
                <tr>
                  <th scope="col">会場</th>
                  {FIGURES.map((k) => (
                    <th key={k} scope="col">
                      {FIGURE_LABELS[k]}
                    </th>
                  ))}
                  <th scope="col">端末（最終の同期）</th>
                </tr>
              </thead>
              <tbody>
                {report.venues.map((v) => (
                  <tr key={v.venue} data-testid={`ward-${v.venue}`}>
                    <th scope="row">{v.name}</th>
                    {FIGURES.map((k) => (
                      <td key={k}>{num(v.figures[k])}</td>
                    ))}
                    <td>
                      {v.stations.length === 0
                        ? '未登録'
                        : v.stations.map((s) => (
                            // One station a line, its day in one piece (DateText): a line may break before the
                            // day, never inside it, nor between two stations' names.
                            <div key={s.stationId} title={s.stationId}>
                              {s.name} #{s.lastSeq ?? '-'}（
                              {s.lastBusinessDate === null ? '受信なし' : <DateText>{westernDate(s.lastBusinessDate)}</DateText>}）
                              {s.stale ? ' ⚠' : ''}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
                <tr data-testid="ward-total">
                  <th scope="row">区全体</th>
                  {FIGURES.map((k) => (
                    <td key={k}>{num(report.total[k])}</td>
                  ))}
                  <td />
                </tr>
              </tbody>
            </table>
            <table className="shipments" data-testid="ward-shipments">
              <thead>
                <tr>
                  <th scope="col">出荷</th>
                  <th scope="col">各会場への送付の合計</th>
                  <th scope="col">J-LIS からの受領</th>
                  <th scope="col">照合</th>
                </tr>
              </thead>
              <tbody>
                {report.shipments.map((sh) => (
                  <tr key={sh.shipmentId}>
                    <td className="mono">{sh.shipmentId}</td>
                    <td>{count(sh.shipped, '枚')}</td>
                    <td>{sh.jlisCards === null ? '未記録（madoguchi hq jlis）' : count(sh.jlisCards, '枚')}</td>
                    <td className={sh.matches === false ? 'status-bad' : sh.matches ? 'status-good' : undefined}>
                      {sh.matches === null ? '—' : sh.matches ? '一致' : '不一致'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.mismatches.length > 0 && (
              <ul className="mismatches" data-testid="ward-mismatches">
                {report.mismatches.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
