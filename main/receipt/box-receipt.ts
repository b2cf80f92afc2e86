// The quick receipt: a lead confirms a shipment's box arrived whole, every card received at once (the receipt
// check, receipt-check.ts, scans card by card instead). Once only: a second confirmation records nothing.
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import { isShipmentReceived } from '../db/queries/events';
import { readShipment } from '../db/queries/shipments';
import { venueReconciliation } from '../reconciliation/reconciliation';
import type { CounterContext, CounterProblem } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import { writeTransaction } from '../db/transaction';

interface BoxReceipt {
  /** The shipment's cards received now, as the card fold counts them. */
  readonly received: number;
  /** Its cards a lead had recorded as not arrived: the box's confirmation does not override that word. */
  readonly missing: number;
}

export function confirmShipmentReceipt(ctx: CounterContext, staff: Staff, shipmentId: string): Result<BoxReceipt, CounterProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '受領確認は会場責任者のみができます' });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<BoxReceipt, CounterProblem> => {
    const row = readShipment(db, shipmentId);
    if (!row) return err({ code: 'not-found', message: `出荷 ${shipmentId} は取り込まれていません` });
    if (!isShipmentReceived(db, shipmentId))
      appendEvent(db, ctx.clock, {
        stationId,
        actor: actorOf(staff),
        kind: 'receipt.confirmed',
        payload: { shipmentId, cards: row.row_count },
      });
    // What the lead is told is what the card fold (and so the counter) now says of each card, not the row count.
    const counts = venueReconciliation(ctx.store).shipments.find((s) => s.shipmentId === shipmentId);
    return ok({ received: counts?.received ?? 0, missing: counts?.notReceived ?? 0 });
  });
}
