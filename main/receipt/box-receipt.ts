// The quick receipt: a lead confirms a shipment's box arrived whole, every card received at once (the receipt
// check, receipt-check.ts, scans card by card instead). Once only: a second confirmation records nothing.
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import { isShipmentReceived } from '../db/queries/events';
import { readShipment } from '../db/queries/shipments';
import type { CounterContext, CounterProblem } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';

export function confirmShipmentReceipt(ctx: CounterContext, staff: Staff, shipmentId: string): Result<{ cards: number }, CounterProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '受領確認は会場責任者のみができます' });
  const { db, stationId } = ctx.store;
  return db.transaction((): Result<{ cards: number }, CounterProblem> => {
    const row = readShipment(db, shipmentId);
    if (!row) return err({ code: 'not-found', message: `出荷 ${shipmentId} は取り込まれていません` });
    if (isShipmentReceived(db, shipmentId)) return ok({ cards: row.row_count });
    appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'receipt.confirmed',
      payload: { shipmentId, cards: row.row_count },
    });
    return ok({ cards: row.row_count });
  })();
}
