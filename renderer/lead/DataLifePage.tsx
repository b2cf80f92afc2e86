// 個人情報の保管と報告 (the venue lead's page, and HQ staff's of HQ's own folder; 別紙⑦ 第12条・第13条・第15条): what residents' data this station holds or
// put elsewhere, where, until when and how it goes (read only: erasure stays a written application at the command
// line), and the two reports to print: the 定期報告 for a period and the incident draft for the hours in question.
// Fields and buttons in tab order, Enter prints the form it is in; only the table scrolls.
import { useEffect, type FormEvent } from 'react';
import { useDataLifeStore } from '../stores/data-life-store';
import { usePrintStore } from '../stores/print-store';
import { DateField } from '../components/DateField';
import { Key } from '../components/Key';
import { tokyoDateTime, westernDate } from '../format/dates';
import { num } from '../../shared/numbers';

/** A time as staff type it (9:00, ０９：００) as the contract takes it (09:00); anything else as typed, for main to refuse. */
function wallTime(typed: string): string {
  const t = typed.trim().replace(/[０-９：]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

/**
 * A date field in the form that it cannot read (its red echo says why): the cursor goes there and nothing is
 * printed, rather than a report for the last day it could read.
 */
function unreadDate(form: HTMLFormElement): boolean {
  const bad = form.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
  bad?.focus();
  return bad !== null;
}

/** The newest places listed per item; the rest are counted (the command line lists them all). */
const PLACES_SHOWN = 3;

export function DataLifePage() {
  return <DataLifeView className="lead-page" Heading="h1" />;
}

/** The page's body, in the lead's workspace or HQ's screen (renderer/hq/HqDataLifeScreen.tsx: their own column and heading level). */
export function DataLifeView({ className, Heading }: { readonly className: string; readonly Heading: 'h1' | 'h2' }) {
  const Sub = Heading === 'h1' ? 'h2' : 'h3';
  const s = useDataLifeStore();
  const print = usePrintStore((p) => p.print);
  const busy = usePrintStore((p) => p.busy);
  const load = useDataLifeStore((x) => x.load);
  useEffect(() => void load(), [load]);
  const printHandling = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (unreadDate(e.currentTarget)) return;
    void print({ document: 'handling-report', from: s.from, to: s.to });
  };
  const printIncident = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (unreadDate(e.currentTarget)) return;
    void print({
      document: 'incident-report',
      from: `${s.incidentFromDay}T${wallTime(s.incidentFromTime)}`,
      to: `${s.incidentToDay}T${wallTime(s.incidentToTime)}`,
    });
  };
  const until = s.plan?.contractEnd ? `委託業務の終了日（${westernDate(s.plan.contractEnd)}）まで` : '委託業務の終了まで';
  return (
    <section className={`${className} data-life`} data-testid="data-life-page" aria-labelledby="data-life-title">
      <div className="page-head">
        <Heading id="data-life-title">個人情報の保管と報告</Heading>
        <p className="idle-sub" data-testid="data-life-end">
          {s.plan &&
            `委託業務の終了日: ${s.plan.contractEnd ? westernDate(s.plan.contractEnd) : '未設定'}（終了後、区の承認を得てすべて消去）`}
        </p>
      </div>
      {/* The two reports side by side, each a box of its own: the plan's table below keeps most of the window. */}
      <div className="data-life-reports">
        <form className="report-form" onSubmit={printHandling} noValidate aria-labelledby="handling-title">
          <Sub id="handling-title" className="report-title">
            定期報告（第13条）
          </Sub>
          <div className="report-row">
            <label className="field-label" htmlFor="handling-from">
              最初の日
            </label>
            <DateField id="handling-from" value={s.from} onChange={(from) => s.set({ from })} />
          </div>
          <div className="report-row">
            <label className="field-label" htmlFor="handling-to">
              最後の日
            </label>
            <DateField id="handling-to" value={s.to} onChange={(to) => s.set({ to })} />
          </div>
          <button className="btn btn-primary" type="submit" disabled={busy}>
            定期報告を印刷 <Key k="Enter" />
          </button>
        </form>
        <form className="report-form" onSubmit={printIncident} noValidate aria-labelledby="incident-title">
          <Sub id="incident-title" className="report-title">
            事故報告（下書き・第15条）
          </Sub>
          <DayTimeRow
            id="incident-from"
            label="始まり"
            day={s.incidentFromDay}
            time={s.incidentFromTime}
            placeholder="09:00"
            onDay={(incidentFromDay) => s.set({ incidentFromDay })}
            onTime={(incidentFromTime) => s.set({ incidentFromTime })}
          />
          <DayTimeRow
            id="incident-to"
            label="終わり"
            day={s.incidentToDay}
            time={s.incidentToTime}
            placeholder="12:00"
            onDay={(incidentToDay) => s.set({ incidentToDay })}
            onTime={(incidentToTime) => s.set({ incidentToTime })}
          />
          <button className="btn" type="submit" disabled={busy}>
            下書きを印刷
          </button>
        </form>
      </div>
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.plan === null ? (
        <p aria-busy="true">読み込み中…</p>
      ) : (
        <div className="table-scroll">
          <table className="shipments retention" data-testid="retention-table" aria-label="保管している個人情報（件数と場所）">
            <caption data-testid="retention-data-dir">データフォルダ（暗号化）: {s.plan.dataDir}</caption>
            <thead>
              <tr>
                <th scope="col">保管している個人情報</th>
                <th scope="col">媒体・場所</th>
                <th scope="col">数量</th>
                <th scope="col">いつまで</th>
                <th scope="col">消去の方法</th>
              </tr>
            </thead>
            <tbody>
              {s.plan.categories.map((c) => {
                const missing = c.places.filter((p) => !p.present).length;
                return (
                  <tr key={c.id} data-testid={`retention-${c.id}`}>
                    <td>{c.item}</td>
                    <td className="retention-place">
                      {c.medium}
                      {/* Where each backup or file went, newest first, read on the screen (not only in a mouse's tooltip). */}
                      {c.places.length > 0 && (
                        <ul className="retention-places">
                          {c.places
                            .slice(-PLACES_SHOWN)
                            .reverse()
                            .map((p) => (
                              <li key={`${p.at} ${p.path}`} className={p.present ? '' : 'retention-missing'}>
                                {tokyoDateTime(p.at)} {p.path}
                                {p.present ? '' : '（見当たりません）'}
                              </li>
                            ))}
                          {c.places.length > PLACES_SHOWN && <li>ほか {num(c.places.length - PLACES_SHOWN)}件</li>}
                        </ul>
                      )}
                      {/* Said once more only where some are not listed above. */}
                      {missing > 0 && c.places.length > PLACES_SHOWN && (
                        <span className="retention-missing">（見当たらないもの {num(missing)}件）</span>
                      )}
                    </td>
                    <td className="num">
                      {num(c.count)}
                      {c.unit}
                    </td>
                    <td>{until}</td>
                    <td className="retention-method">{c.method}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One end of the incident's hours: the day (as every date field reads it) and the time beside it. */
function DayTimeRow(p: {
  id: string;
  label: string;
  day: string;
  time: string;
  placeholder: string;
  onDay: (day: string) => void;
  onTime: (time: string) => void;
}) {
  return (
    <div className="report-row">
      <label className="field-label" htmlFor={p.id}>
        {p.label}
      </label>
      <DateField id={p.id} value={p.day} onChange={p.onDay} />
      <input
        id={`${p.id}-time`}
        className="time-input"
        aria-label={`${p.label}の時刻`}
        value={p.time}
        maxLength={5}
        placeholder={p.placeholder}
        autoComplete="off"
        onChange={(e) => p.onTime(e.currentTarget.value)}
      />
    </div>
  );
}
