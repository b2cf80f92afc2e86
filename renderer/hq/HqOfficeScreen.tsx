// 事務センター (HQ) on its own machine: every ledger HQ built, per shipment and venue, printed with its 控え
// (別紙③ 2④) from the rows HQ kept, and the way to HQ's own 個人情報取扱台帳, its backups and 保管・報告. Keyboard: Tab to a row's button,
// Enter prints.
import { useCallback, useEffect, useState } from 'react';
import { VENUES } from '../../shared/venues/venues';
import { LedgerOrderSelect, type LedgerOrder } from '../print/LedgerOrderSelect';
import { PrintPreview } from '../print/PrintPreview';
import { useSessionStore } from '../stores/session-store';
import { usePrintStore } from '../stores/print-store';
import { useHqStore } from '../stores/hq-store';
import { tokyoDateTime } from '../format/dates';
import { WardReport } from './WardReport';
import { HqAccessRecordScreen } from './HqAccessRecordScreen';
import { HqBackupScreen } from './HqBackupScreen';
import { HqDataLifeScreen } from './HqDataLifeScreen';
import { count } from '../../shared/numbers';

export function HqOfficeScreen() {
  const session = useSessionStore((s) => s.session);
  const signOut = useSessionStore((s) => s.signOut);
  const { ledgers, error, loadLedgers, reset } = useHqStore();
  const print = usePrintStore((s) => s.print);
  const [order, setOrder] = useState<LedgerOrder>('town');
  const [recordOpen, setRecordOpen] = useState(false);
  const closeRecord = useCallback(() => setRecordOpen(false), []);
  const [backupOpen, setBackupOpen] = useState(false);
  const closeBackup = useCallback(() => setBackupOpen(false), []);
  const [dataLifeOpen, setDataLifeOpen] = useState(false);
  const closeDataLife = useCallback(() => setDataLifeOpen(false), []);
  useEffect(() => {
    void loadLedgers();
    return reset;
  }, [loadLedgers, reset]);
  if (recordOpen) return <HqAccessRecordScreen onBack={closeRecord} />;
  if (backupOpen) return <HqBackupScreen onBack={closeBackup} />;
  if (dataLifeOpen) return <HqDataLifeScreen onBack={closeDataLife} />;
  return (
    <main className="hq" data-testid="hq-office">
      <header className="hq-header hq-bar">
        <h1>事務センター</h1>
        <p>
          {session?.displayName} さん。作成した各会場送付台帳の印刷（控えとともに）と、各会場から届いた同期ファイルによる区全体の集計です。
        </p>
        <button className="btn" type="button" onClick={() => setRecordOpen(true)}>
          個人情報取扱台帳
        </button>
        <button className="btn" type="button" onClick={() => setBackupOpen(true)}>
          バックアップ
        </button>
        <button className="btn" type="button" onClick={() => setDataLifeOpen(true)}>
          保管・報告
        </button>
        <button className="btn" type="button" onClick={() => void signOut()}>
          サインアウト
        </button>
      </header>
      {/* Two panes, one above the other, each with its heading and controls in view and only its tables scrolling. */}
      <div className="hq-body hq-panes">
        <section className="hq-pane" aria-labelledby="hq-built">
          <div className="page-head">
            <h2 id="hq-built">作成した各会場送付台帳（正本・控え）</h2>
            <LedgerOrderSelect id="hq-office-order" value={order} onChange={setOrder} />
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          {ledgers !== null && ledgers.length === 0 && (
            <p>
              まだ台帳を作成していません（<span className="mono">madoguchi ledger build --hq-data</span>{' '}
              で作成すると、ここに表示されます）。
            </p>
          )}
          <div className="table-scroll" data-testid="hq-ledgers">
            <table className="shipments">
              <thead>
                <tr>
                  <th scope="col">出荷</th>
                  <th scope="col">会場</th>
                  <th scope="col">件数</th>
                  <th scope="col">作成</th>
                  <th scope="col">預り証</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {(ledgers ?? []).map((l) => (
                  <tr key={`${l.shipmentId}/${l.venue}`} data-testid={`hq-ledger-${l.shipmentId}-${l.venue}`}>
                    <td className="mono">{l.shipmentId}</td>
                    <td>{VENUES[l.venue].name}</td>
                    <td>{count(l.rowCount)}</td>
                    <td className="date">{tokyoDateTime(l.createdAt)}</td>
                    <td data-testid="hq-ledger-receipt">
                      {l.receipt ? `${tokyoDateTime(l.receipt.at)} ${l.receipt.station}・${l.receipt.by}` : '預り証待ち'}
                    </td>
                    <td>
                      <button
                        className="btn"
                        type="button"
                        onClick={() => void print({ document: 'ledger', shipmentId: l.shipmentId, venue: l.venue, order })}
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
        <WardReport />
      </div>
      <PrintPreview />
    </main>
  );
}
