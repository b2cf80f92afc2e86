// The ledger's cards (ledger_cards): the rows of every shipment ledger imported here, reference data.
import type { Db } from '../connection';
import type { LedgerCard } from '../../../shared/ledger/ledger-format';
import type { LedgerColumns } from '../../../shared/reconciliation/types';

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

/**
 * Cards born on this date whose kana or name (spaces ignored) starts with one of these LIKE patterns, by kana:
 * at most `limit`. The patterns are escaped with backslash.
 */
export function searchLedgerCards(db: Db, query: { birthDate: string; kanaLike: string; nameLike: string; limit: number }): string[] {
  return db
    .prepare(
      `SELECT reservation_no FROM ledger_cards
        WHERE birth_date = ? AND (replace(replace(kana, '　', ''), ' ', '') LIKE ? ESCAPE '\\' OR replace(replace(name, '　', ''), ' ', '') LIKE ? ESCAPE '\\')
        ORDER BY kana, reservation_no LIMIT ?`,
    )
    .pluck()
    .all(query.birthDate, query.kanaLike, query.nameLike, query.limit) as string[];
}

/** Inserts a shipment's cards one by one, each saying whether it was new (false: the number is already here). */
export function cardInserter(db: Db, shipmentId: string): (card: LedgerCard) => boolean {
  const insert = db.prepare(
    `INSERT INTO ledger_cards (reservation_no, shipment_id, name, kana, birth_date, address, town, chome, notice_type, shipped_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reservation_no) DO NOTHING`,
  );
  return (c) =>
    insert.run(c.reservationNo, shipmentId, c.name, c.kana, c.birthDate, c.address, c.town, c.chome, c.noticeType, c.shippedOn).changes > 0;
}

/** The shipment a card of this venue came in, or undefined if it is not in this venue's ledger. */
export function cardShipment(db: Db, reservationNo: string): string | undefined {
  return (
    db.prepare('SELECT shipment_id FROM ledger_cards WHERE reservation_no = ?').get(reservationNo) as { shipment_id: string } | undefined
  )?.shipment_id;
}

export function cardCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM ledger_cards').pluck().get() as number;
}

/** A shipment's cards, by reservation number. */
export function shipmentCardNos(db: Db, shipmentId: string): string[] {
  return db
    .prepare('SELECT reservation_no FROM ledger_cards WHERE shipment_id = ? ORDER BY reservation_no')
    .pluck()
    .all(shipmentId) as string[];
}

/** Every card with the date its notice was sent, oldest first (for collection deadlines). */
export function cardsByShippedOn(db: Db): { reservation_no: string; shipped_on: string }[] {
  return db.prepare('SELECT reservation_no, shipped_on FROM ledger_cards ORDER BY shipped_on, reservation_no').all() as {
    reservation_no: string;
    shipped_on: string;
  }[];
}

/** The name and address of cards, looked up one by one (for a printout's rows). */
export function cardNameAddressReader(db: Db): (reservationNo: string) => { name: string; address: string } | undefined {
  const get = db.prepare('SELECT name, address FROM ledger_cards WHERE reservation_no = ?');
  return (no) => get.get(no) as { name: string; address: string } | undefined;
}

/** A shipment's cards as the printed ledger lists them. */
export function shipmentPrintRows(
  db: Db,
  shipmentId: string,
): { reservationNo: string; name: string; address: string; town: string; chome: number | null }[] {
  return db
    .prepare('SELECT reservation_no AS reservationNo, name, address, town, chome FROM ledger_cards WHERE shipment_id = ?')
    .all(shipmentId) as { reservationNo: string; name: string; address: string; town: string; chome: number | null }[];
}

/** Every card's number and shipment, as two columns in one order (storage order, in one read transaction). */
export function readLedgerColumns(db: Db): LedgerColumns {
  return db.transaction(() => ({
    reservationNos: db.prepare('SELECT reservation_no FROM ledger_cards ORDER BY rowid').pluck().all() as string[],
    shipmentIds: db.prepare('SELECT shipment_id FROM ledger_cards ORDER BY rowid').pluck().all() as string[],
  }))();
}

/** A value that changes whenever a ledger is imported (cards and shipments are only ever added). */
export function ledgerSignature(db: Db): string {
  return JSON.stringify(db.prepare('SELECT (SELECT count(*) FROM ledger_cards), (SELECT count(*) FROM shipments)').raw().get());
}
