// The cards headquarters shipped (hq_cards): each card's ledger row, under its shipment and venue. A card is
// shipped once, ward-wide.
import type { Db } from '../connection';
import type { VenueId } from '../../../shared/venues/venues';

export interface HqCardRow {
  reservation_no: string;
  shipment_id: string;
  venue: VenueId;
  name: string;
  kana: string;
  birth_date: string;
  address: string;
  town: string;
  chome: number | null;
  notice_type: '通常' | '再発行';
  shipped_on: string;
}

/** Of these cards, in the order given, those HQ already shipped, with the shipment and venue. */
export function alreadyShipped(db: Db, reservationNos: Iterable<string>): { reservationNo: string; shipmentId: string; venue: VenueId }[] {
  const lookup = db.prepare('SELECT shipment_id AS shipmentId, venue FROM hq_cards WHERE reservation_no = ?');
  const out: { reservationNo: string; shipmentId: string; venue: VenueId }[] = [];
  for (const reservationNo of reservationNos) {
    const hit = lookup.get(reservationNo) as { shipmentId: string; venue: VenueId } | undefined;
    if (hit) out.push({ reservationNo, ...hit });
  }
  return out;
}

/** Records a shipped card: prepared once for a shipment's many cards. */
export function cardRecorder(db: Db): (row: HqCardRow) => void {
  const insertCard = db.prepare(
    `INSERT INTO hq_cards (reservation_no, shipment_id, venue, name, kana, birth_date, address, town, chome, notice_type, shipped_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (r) => {
    insertCard.run(
      r.reservation_no,
      r.shipment_id,
      r.venue,
      r.name,
      r.kana,
      r.birth_date,
      r.address,
      r.town,
      r.chome,
      r.notice_type,
      r.shipped_on,
    );
  };
}

/** The cards HQ shipped to a venue, by shipment then reservation number. */
export function venueShippedCards(db: Db, venue: VenueId): { reservationNo: string; shipmentId: string }[] {
  return db
    .prepare(
      'SELECT reservation_no AS reservationNo, shipment_id AS shipmentId FROM hq_cards WHERE venue = ? ORDER BY shipment_id, reservation_no',
    )
    .all(venue) as {
    reservationNo: string;
    shipmentId: string;
  }[];
}

/** The rows of one venue's ledger of a shipment, as printed (empty if HQ shipped it no card under that id). */
export function ledgerPrintRows(
  db: Db,
  shipmentId: string,
  venue: VenueId,
): { reservationNo: string; name: string; address: string; town: string; chome: number | null }[] {
  return db
    .prepare('SELECT reservation_no AS reservationNo, name, address, town, chome FROM hq_cards WHERE shipment_id = ? AND venue = ?')
    .all(shipmentId, venue) as {
    reservationNo: string;
    name: string;
    address: string;
    town: string;
    chome: number | null;
  }[];
}

/** The day a shipped card was sent: prepared once, asked per card (the card must be one HQ shipped). */
export function shippedOnLookup(db: Db): (reservationNo: string) => string {
  const shippedOn = db.prepare('SELECT shipped_on FROM hq_cards WHERE reservation_no = ?');
  return (reservationNo) => (shippedOn.get(reservationNo) as { shipped_on: string }).shipped_on;
}

export type ShippedCardRow = Pick<
  HqCardRow,
  'reservation_no' | 'name' | 'kana' | 'birth_date' | 'address' | 'notice_type' | 'shipped_on' | 'shipment_id'
>;

/** The ledger rows of these shipped cards, in the order given (each must be one HQ shipped). */
export function shippedCardRows(db: Db, reservationNos: readonly string[]): ShippedCardRow[] {
  const lookup = db.prepare(
    'SELECT reservation_no, name, kana, birth_date, address, notice_type, shipped_on, shipment_id FROM hq_cards WHERE reservation_no = ?',
  );
  return reservationNos.map((no) => lookup.get(no) as ShippedCardRow);
}
