// The ledger's cards (ledger_cards) and the directory of cards sent to other venues (routing_directory).
import type { Db } from '../connection';
import type { VenueId } from '../../../shared/venues/venues';

export interface LedgerCardRow {
  reservation_no: string;
  name: string;
  kana: string;
  birth_date: string;
  address: string;
  notice_type: '通常' | '再発行';
  shipment_id: string;
  shipped_on: string;
}

/** The ledger rows of these cards, by reservation number (absent: not in this venue's ledger). */
export function readLedgerCards(db: Db, reservationNos: readonly string[]): Map<string, LedgerCardRow> {
  const marks = reservationNos.map(() => '?').join(',');
  const rows = db.prepare(`SELECT * FROM ledger_cards WHERE reservation_no IN (${marks})`).all(...reservationNos) as LedgerCardRow[];
  return new Map(rows.map((r) => [r.reservation_no, r]));
}

/** The venue a card not in this ledger was sent to, if the same shipments listed it. */
export function routedVenue(db: Db, reservationNo: string): VenueId | null {
  const row = db.prepare('SELECT venue FROM routing_directory WHERE reservation_no = ?').get(reservationNo) as { venue: VenueId } | undefined;
  return row?.venue ?? null;
}
