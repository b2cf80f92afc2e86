// 個人情報取扱台帳: every use of residents' data at this site (looks, lists, prints, changes), by day, staff and
// resident, printable for the filter shown. Viewing and printing it are recorded too. The venue lead's page
// (lead/AccessRecordPage) and HQ's (hq/HqAccessRecordScreen) differ only in their title, hint and frame.
import { useEffect, type FormEvent } from 'react';
import { useAccessStore } from '../stores/access-store';
import { usePrintStore } from '../stores/print-store';
import { tokyoDateTime } from '../format/dates';
import { DateText } from '../components/DateText';
import { Key } from '../components/Key';
import { LabeledInput } from '../components/LabeledInput';
import { count, num } from '../../shared/numbers';

export function AccessRecordView({
  title,
  hint,
  className,
  Heading,
}: {
  readonly title: string;
  /** What the page does beyond the filter (at a venue, a scan), in a line under it. */
  readonly hint: string;
  readonly className: string;
  /** h1 on the lead's page; h2 under HQ's bar, whose h1 is 事務センター. */
  readonly Heading: 'h1' | 'h2';
}) {
  const s = useAccessStore();
  const print = usePrintStore((p) => p.print);
  const load = s.load;
  useEffect(() => {
    void load();
  }, [load]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.load();
  };
  return (
    <section className={className} data-testid="access-page" aria-labelledby="access-title">
      <div className="page-head">
        <Heading id="access-title">{title}</Heading>
        <p className="receipt-counts" data-testid="access-counts">
          {s.result ? `${count(s.result.uses.length)}${s.result.capped ? '以上' : ''}` : ''}
        </p>
      </div>
      <form className="inline-form access-filter" onSubmit={submit} noValidate>
        <LabeledInput
          id="access-date"
          label="日付"
          value={s.date}
          placeholder="2026-12-03・令和8年12月3日"
          maxLength={20}
          onChange={(date) => s.set({ date })}
        />
        <LabeledInput id="access-staff" label="職員ID" value={s.staffId} maxLength={32} onChange={(staffId) => s.set({ staffId })} />
        <LabeledInput
          id="access-resident"
          label="予約管理番号"
          value={s.reservationNo}
          maxLength={20}
          onChange={(reservationNo) => s.set({ reservationNo })}
        />
        <button className="btn btn-primary" type="submit" disabled={s.busy}>
          表示 <Key k="Enter" />
        </button>
        <button
          className="btn"
          type="button"
          disabled={!s.shown || s.busy}
          onClick={() => s.shown && void print({ document: 'access-record', ...s.shown })}
        >
          印刷
        </button>
      </form>
      <p className="idle-sub">{hint}</p>
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.result?.capped && (
        <p className="notice notice-error" role="status">
          2,000件を超えました。新しい順に2,000件を表示しています。職員IDか予約管理番号で絞り込んでください。
        </p>
      )}
      <div className="table-scroll" data-testid="access-list">
        {s.result && s.result.uses.length > 0 ? (
          <table className="shipments" data-testid="access-table">
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">端末</th>
                <th scope="col">職員</th>
                <th scope="col">利用</th>
                <th scope="col">対象</th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {s.result.uses.map((u, i) => (
                <tr key={i}>
                  <td>
                    <DateText>{tokyoDateTime(u.at)}</DateText>
                  </td>
                  <td>{u.station}</td>
                  <td>
                    {u.staff}
                    <span className="status-sub">（{u.staffId}）</span>
                  </td>
                  <td>{u.what}</td>
                  <td className="mono">{u.subject ?? (u.listed > 0 ? `${num(u.listed)}人分の一覧` : '')}</td>
                  <td>{u.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          s.result && <p>該当する利用の記録はありません。</p>
        )}
      </div>
    </section>
  );
}
