// The directory of cards the same shipments sent to other venues (routing_directory): number and venue only,
// to send a resident on.
import type { Db } from '../connection';
import type { VenueId } from '../../../shared/venues/venues';

/** The venue a card not in this ledger was sent to, if the same shipments listed it. */
export function routedVenue(db: Db, reservationNo: string): VenueId | null {
  const row = db.prepare('SELECT venue FROM routing_directory WHERE reservation_no = ?').get(reservationNo) as
    { venue: VenueId } | undefined;
  return row?.venue ?? null;
}

/** Records where a shipment's other cards went; a later shipment's word on a card wins. */
export function recordRouting(db: Db, shipmentId: string, entries: readonly { reservationNo: string; venue: string }[]): void {
  const put = db.prepare('INSERT OR REPLACE INTO routing_directory (reservation_no, venue, shipment_id) VALUES (?, ?, ?)');
  for (const e of entries) put.run(e.reservationNo, e.venue, shipmentId);
}
