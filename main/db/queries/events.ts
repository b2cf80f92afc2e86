// Queries over the event log (events) that read one kind's payload in SQL. Appending and reading whole events
// is ../event-log.ts; each payload field read here is named through payloadPath, typed against its schema.
import type { Db } from '../connection';
import { payloadPath } from '../../../shared/events/event';

const CONFIRMED_SHIPMENT = payloadPath('receipt.confirmed', 'shipmentId');

/** Whether a lead confirmed this shipment's box as received whole. */
export function isShipmentReceived(db: Db, shipmentId: string): boolean {
  return db.prepare(`SELECT 1 FROM events WHERE kind = 'receipt.confirmed' AND json_extract(payload, '${CONFIRMED_SHIPMENT}') = ? LIMIT 1`).get(shipmentId) !== undefined;
}
