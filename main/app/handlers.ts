// Each contract channel, answered by the services. Thin: parse has happened, roles have been checked.
import { VENUES } from '../../shared/venues/venues';
import type { SessionView, StatusView } from '../../shared/ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import type { Sessions } from '../session/sessions';
import type { Staff } from '../staff/staff';
import { actorOf, verifyStaffPin } from '../staff/staff';
import { confirmShipmentReceipt, counterStatus, decideScan, recordHandover, recordRefusal, searchCards, undoHandover, viewCard, type CounterContext } from '../counter/counter-service';
import { isShipmentReceived } from '../counter/card-state';
import { importLedgerFromWindow } from './import-handler';
import { closeReceiptCheck, openReceiptCheck, receiptCheckView, scanForReceipt } from '../venue/receipt-check';
import { correctReceipt, markDamaged, overdueCards, recordReturnBatch, returnBatches } from '../venue/corrections';
import { reconciliationView } from '../venue/reconciliation-view';
import { renderDocument } from '../print/documents';
import type { Printer } from '../print/printer';
import { tokyoDateTime } from '../../shared/print/print-html';
import { closeDay, dailyReport } from '../venue/day-close';
import type { Push } from './create-app';

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

export function createHandlers(app: AppServices): Handlers {
  const { counter, sessions } = app;
  const { db } = counter.store;
  const staffOf = (s: Staff | null): Staff => {
    if (!s) throw new Error('handler reached without a session');
    return s;
  };
  const stationView = { unlocked: true, venue: { id: counter.store.venue, name: VENUES[counter.store.venue].name }, stationId: counter.store.stationId };
  const view = (caller: string): SessionView | null => {
    const s = sessions.current(caller);
    return s ? { ...s.staff, locked: s.locked, idleLockMinutes: app.idleLockMinutes() } : null;
  };

  return {
    // Reached only once the station is unlocked (station.ts answers these itself before that).
    'station:status': () => stationView,
    'station:unlock': () => stationView,
    'session:get': (_i, { caller }) => view(caller),
    'session:signIn': ({ staffId, pin }, { caller }) => {
      const r = verifyStaffPin(db, counter.clock, staffId, pin);
      if (!r.ok) return { ok: false, error: r.error };
      sessions.signIn(caller, r.value);
      return view(caller)!;
    },
    'session:signOut': (_i, { caller }) => {
      sessions.signOut(caller);
      return null;
    },
    'session:lock': (_i, { caller }) => {
      sessions.lock(caller);
      return null;
    },
    'session:unlock': ({ pin }, { caller }) => {
      const s = sessions.current(caller);
      if (!s) return { ok: false, error: { code: 'signed-out', message: 'サインインしてください' } };
      // Only the person who locked the screen can unlock it; anyone else signs out and in.
      const r = verifyStaffPin(db, counter.clock, s.staff.staffId, pin);
      if (!r.ok) return { ok: false, error: r.error };
      sessions.unlock(caller);
      return view(caller)!;
    },
    'session:touch': () => null,
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
    'lead:closeDay': ({ date }, { staff }) => closeDay(counter, staffOf(staff), date),
    'lead:dailyReport': ({ date }) => dailyReport(counter, date),
    'lead:reconciliation': ({ date }) => reconciliationView(counter, date),
    'lead:returnBatches': () => returnBatches(counter),
    'print:document': async (request, { staff }) => {
      const s = staffOf(staff);
      const doc = renderDocument({ ctx: counter, staff: s, fontCssHref: app.printer.fontCssHref, printedAt: tokyoDateTime(counter.clock.now().toISOString()) }, request);
      if (!doc.ok) return doc;
      // Every print of residents' data is a look at it (別紙⑦): noted before the document leaves main.
      counter.access?.record({ stationId: counter.store.stationId, actor: actorOf(s), action: 'print', subject: doc.value.subject, detail: { document: request.document, rows: doc.value.rows, pages: doc.value.pages } });
      const out = await app.printer.print({ title: doc.value.title, html: doc.value.html });
      return { title: doc.value.title, pages: doc.value.pages, ...out };
    },
    'lead:shipments': () =>
      (db.prepare('SELECT shipment_id, row_count FROM shipments ORDER BY shipment_id').all() as { shipment_id: string; row_count: number }[]).map((s) => ({
        shipmentId: s.shipment_id,
        rowCount: s.row_count,
        received: isShipmentReceived(db, s.shipment_id),
      })),
  };
}
