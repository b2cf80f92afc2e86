// Each contract channel, answered by the services. Thin: parse has happened, roles have been checked.
import { VENUES } from '../../shared/venues/venues';
import type { StatusView } from '../../shared/ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import type { Sessions } from '../session/sessions';
import type { Staff } from '../staff/staff';
import { actorOf } from '../staff/staff';
import { sessionHandlers } from './session-handlers';
import { confirmShipmentReceipt, counterStatus, decideScan, recordHandover, recordRefusal, searchCards, undoHandover, viewCard, type CounterContext } from '../counter/counter-service';
import { isShipmentReceived } from '../db/queries/events';
import { listShipments } from '../db/queries/shipments';
import { importLedgerFromWindow } from './import-handler';
import { closeReceiptCheck, openReceiptCheck, receiptCheckView, scanForReceipt } from '../venue/receipt-check';
import { correctReceipt, markDamaged, overdueCards, recordReturnBatch, returnBatches } from '../venue/corrections';
import { reconciliationView } from '../venue/reconciliation-view';
import { printRecorded, renderDocument } from '../print/documents';
import type { Printer } from '../print/printer';
import { tokyoDateTime } from '../../shared/tokyo-date';
import { closeDay } from '../venue/day-close';
import { exportSyncFile } from '../sync/export';
import { pullSiblings } from '../sync/siblings';
import { readSetting } from '../venue/settings';
import { resolve } from 'node:path';
import type { Push } from './push';

export interface AppServices {
  readonly counter: CounterContext;
  readonly sessions: Sessions;
  readonly idleLockMinutes: () => number;
  readonly scannerStatus: () => StatusView['scanner'];
  /** Pushes to the window (set once the window or browser server exists). */
  readonly push: Push;
  /** Paper or PDF: Electron's printToPDF, or browser mode's print preview. */
  readonly printer: Printer;
}

/** Every channel but headquarters' own. */
export function createHandlers(app: AppServices): Omit<Handlers, 'hq:ledgers' | 'hq:report' | 'hq:pull'> {
  const { counter, sessions } = app;
  const { db } = counter.store;
  const staffOf = (s: Staff | null): Staff => {
    if (!s) throw new Error('handler reached without a session');
    return s;
  };
  const stationView = { unlocked: true, hq: false, venue: { id: counter.store.venue, name: VENUES[counter.store.venue].name }, stationId: counter.store.stationId };

  return {
    ...sessionHandlers(db, counter.clock, sessions, app.idleLockMinutes),
    // Reached only once the station is unlocked (station.ts answers these itself before that).
    'station:status': () => stationView,
    'station:unlock': () => stationView,
    'status:get': () => {
      const v = VENUES[counter.store.venue];
      return { venue: { id: v.id, name: v.name, place: v.place }, stationId: counter.store.stationId, ...counterStatus(counter), scanner: app.scannerStatus() };
    },
    'counter:scan': ({ code }, { staff }) => decideScan(counter, staffOf(staff), code),
    'counter:view': ({ reservationNo }, { staff }) => viewCard(counter, staffOf(staff), reservationNo),
    'counter:handover': ({ reservationNo, idCheck }, { staff }) => recordHandover(counter, staffOf(staff), reservationNo, idCheck),
    'counter:refuse': ({ reservationNo, reason }, { staff }) => recordRefusal(counter, staffOf(staff), reservationNo, reason),
    'counter:undo': ({ reservationNo, reason }, { staff }) => undoHandover(counter, staffOf(staff), reservationNo, reason),
    'counter:search': (query, { staff }) => searchCards(counter, staffOf(staff), query),
    'lead:confirmReceipt': ({ shipmentId }, { staff }) => confirmShipmentReceipt(counter, staffOf(staff), shipmentId),
    'lead:importLedger': (req, { staff }) => importLedgerFromWindow(counter, staffOf(staff), req, app.push),
    'lead:receiptOpen': ({ shipmentId }, { staff }) => openReceiptCheck(counter, staffOf(staff), shipmentId),
    'lead:receiptScan': ({ checkId, shipmentId, code }, { staff }) => scanForReceipt(counter, staffOf(staff), checkId, shipmentId, code),
    'lead:receiptView': ({ checkId, shipmentId }) => ({ ...receiptCheckView(counter, checkId, shipmentId) }),
    'lead:receiptClose': ({ checkId, shipmentId, differences }, { staff }) => closeReceiptCheck(counter, staffOf(staff), checkId, shipmentId, differences),
    'lead:markDamaged': ({ reservationNo, reason }, { staff }) => markDamaged(counter, staffOf(staff), reservationNo, reason),
    'lead:correctReceipt': ({ reservationNo, received, reason }, { staff }) => correctReceipt(counter, staffOf(staff), reservationNo, received, reason),
    'lead:overdue': (_i, { staff }) => {
      const cards = overdueCards(counter);
      // A list of residents' names is a look at their records: noted, without the list itself.
      counter.access?.record({ stationId: counter.store.stationId, actor: actorOf(staffOf(staff)), action: 'record-view', detail: { overdueList: cards.length } });
      return cards;
    },
    'lead:returnBatch': ({ reservationNos, reason }, { staff }) => recordReturnBatch(counter, staffOf(staff), reservationNos, reason),
    'lead:pullSiblings': async () => {
      const pulled = await pullSiblings(counter);
      return pulled ?? { ok: false, error: { code: 'unavailable', message: 'この端末には会場の鍵が保管されていません（madoguchi sync setup --venue-key）' } };
    },
    'lead:closeDay': async ({ date }, { staff }) => {
      // The venue's other stations first, so the day's figures are the whole venue's (an unreachable one waits for the next pull).
      await pullSiblings(counter);
      const closed = closeDay(counter, staffOf(staff), date);
      if (!closed.ok) return closed;
      // The closed day goes to HQ: its sync file is written to the outbox at once (when sync is set up).
      // A full disk or a missing share must not undo a close: the file is committed and the next export rewrites it.
      let syncFile: string | null = null;
      try {
        const exported = exportSyncFile(counter, resolve(counter.store.dir, readSetting(db, 'sync-outbox')), { businessDate: date });
        syncFile = exported.ok ? exported.value.name : null;
      } catch {
        syncFile = null;
      }
      return { ...closed.value, syncFile };
    },
    'lead:reconciliation': ({ date }) => reconciliationView(counter, date),
    'lead:returnBatches': () => returnBatches(counter),
    'print:document': async (request, { staff }) => {
      const s = staffOf(staff);
      if (request.document === 'ledger' && request.venue !== undefined && request.venue !== counter.store.venue) {
        return { ok: false, error: { code: 'not-found', message: `この端末には${VENUES[request.venue].name}の台帳はありません` } };
      }
      const doc = renderDocument({ ctx: counter, staff: s, fontCssHref: app.printer.fontCssHref, printedAt: tokyoDateTime(counter.clock.now().toISOString()) }, request);
      if (!doc.ok) return doc;
      return printRecorded(app.printer, counter.access, { stationId: counter.store.stationId, staff: s }, doc.value, { document: request.document });
    },
    'lead:shipments': () =>
      listShipments(db).map((s) => ({
        shipmentId: s.shipment_id,
        rowCount: s.row_count,
        received: isShipmentReceived(db, s.shipment_id),
      })),
  };
}
