// 事務センター (HQ) staff at a station: not the counter, but the prints HQ needs from this venue's data —
// each shipment's ledger with its 控え (別紙③ 2④) and the daily report. Main checks the role for each.
import { useEffect, useState } from 'react';
import { LedgerOrderSelect, type LedgerOrder } from '../print/LedgerOrderSelect';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { usePrintStore } from '../stores/print-store';
import { PrintPreview } from '../print/PrintPreview';
import { tokyoToday } from '../format/dates';
import { DateField } from '../components/DateField';
import { count } from '../../shared/numbers';

export function HqScreen() {
  const session = useSessionStore((s) => s.session);
  const status = useSessionStore((s) => s.status);
  const signOut = useSessionStore((s) => s.signOut);
  const lead = useUiStore((s) => s.lead);
  const loadShipments = useUiStore((s) => s.loadShipments);
  const print = usePrintStore((s) => s.print);
  const [order, setOrder] = useState<LedgerOrder>('town');
  const [date, setDate] = useState(tokyoToday());
  useEffect(() => {
    void loadShipments();
  }, [loadShipments]);
  return (
    <main className="hq" data-testid="hq-screen">
      <header className="hq-header hq-bar">
        <h1>事務センター：{status?.venue.name ?? '会場'}の帳票</h1>
        <p>{session?.displayName} さん（事務センター）。交付窓口の操作はできません。</p>
        <button className="btn" type="button" onClick={() => void signOut()}>
          サインアウト
        </button>
      </header>
      {/* The ledgers' list alone scrolls; its heading and the daily report's print stay in view. */}
      <div className="hq-body hq-panes">
        <section className="hq-pane" aria-labelledby="hq-ledgers">
          <div className="page-head">
            <h2 id="hq-ledgers">各会場送付台帳（正本・控え）</h2>
            <LedgerOrderSelect id="hq-order" value={order} onChange={setOrder} />
          </div>
          {lead.error && (
            <p className="form-error" role="alert">
              {lead.error}
            </p>
          )}
          <div className="table-scroll">
            <table className="shipments">
              <thead>
                <tr>
                  <th scope="col">出荷</th>
                  <th scope="col">件数</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {(lead.shipments ?? []).map((s) => (
                  <tr key={s.shipmentId} data-testid={`hq-shipment-${s.shipmentId}`}>
                    <td className="mono">{s.shipmentId}</td>
                    <td>{count(s.rowCount)}</td>
                    <td>
                      <button
                        className="btn"
                        type="button"
                        onClick={() => void print({ document: 'ledger', shipmentId: s.shipmentId, order })}
                      >
                        台帳を印刷
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="hq-daily">
          <h2 id="hq-daily">日報</h2>
          <div className="inline-form">
            <label className="field-label" htmlFor="hq-date">
              営業日
            </label>
            <DateField id="hq-date" value={date} onChange={(d) => setDate(d)} />
            <button className="btn" type="button" onClick={() => void print({ document: 'daily-report', date })}>
              日報を印刷
            </button>
          </div>
        </section>
      </div>
      <PrintPreview />
    </main>
  );
}
