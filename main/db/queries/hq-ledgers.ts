// The ledgers headquarters built (hq_ledgers): one row per shipment and venue, with the file's hash and size.
import type { Db } from '../connection';
import type { VenueId } from '../../../shared/venues/venues';

export interface HqLedgerRow {
  shipment_id: string;
  venue: VenueId;
  file_sha256: string;
  created_at: string;
  row_count: number;
  /** The hq.ledger-built event that records the build. */
  built_event_id: string;
}

/** Whether HQ built any ledger under this shipment id. */
export function isShipmentBuilt(db: Db, shipmentId: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM hq_ledgers WHERE shipment_id = ?').get(shipmentId));
}

/** Whether HQ built this venue's ledger of this shipment. */
export function isLedgerBuilt(db: Db, shipmentId: string, venue: VenueId): boolean {
  return Boolean(db.prepare('SELECT 1 FROM hq_ledgers WHERE shipment_id = ? AND venue = ?').get(shipmentId, venue));
}

/** Records a built ledger: prepared once for a shipment's several venues. */
export function ledgerRecorder(db: Db): (row: HqLedgerRow) => void {
  const insertLedger = db.prepare(
    'INSERT INTO hq_ledgers (shipment_id, venue, file_sha256, created_at, row_count, built_event_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return (r) => {
    insertLedger.run(r.shipment_id, r.venue, r.file_sha256, r.created_at, r.row_count, r.built_event_id);
  };
}

/** Every ledger HQ built, in no particular order. */
export function builtLedgers(db: Db): { shipmentId: string; venue: VenueId; rowCount: number; createdAt: string; fileSha256: string }[] {
  return db
    .prepare(
      'SELECT shipment_id AS shipmentId, venue, row_count AS rowCount, created_at AS createdAt, file_sha256 AS fileSha256 FROM hq_ledgers',
    )
    .all() as {
    shipmentId: string;
    venue: VenueId;
    rowCount: number;
    createdAt: string;
    fileSha256: string;
  }[];
}

/** The file hash and size of the ledger HQ built for a shipment and venue, if it did: prepared once, asked per event. */
export function builtLedgerLookup(
  db: Db,
): (shipmentId: string, venue: VenueId) => Pick<HqLedgerRow, 'file_sha256' | 'row_count'> | undefined {
  const built = db.prepare('SELECT file_sha256, row_count FROM hq_ledgers WHERE shipment_id = ? AND venue = ?');
  return (shipmentId, venue) => built.get(shipmentId, venue) as Pick<HqLedgerRow, 'file_sha256' | 'row_count'> | undefined;
}

/** How many cards each built ledger holds, by shipment. */
/** `end` (a UTC ISO time): only the ledgers built before it, as a past day's report counts them. */
export function ledgerRowCounts(db: Db, end: string | null = null): Pick<HqLedgerRow, 'shipment_id' | 'venue' | 'row_count'>[] {
  return db
    .prepare(
      `SELECT l.shipment_id, l.venue, l.row_count FROM hq_ledgers l JOIN events e ON e.id = l.built_event_id
        WHERE ? IS NULL OR e.client_time < ? ORDER BY l.shipment_id`,
    )
    .all(end, end) as Pick<HqLedgerRow, 'shipment_id' | 'venue' | 'row_count'>[];
}

/** How many cards HQ shipped to the venues under this shipment id; null if it built no ledger under it. */
export function shipmentCardCount(db: Db, shipmentId: string): number | null {
  return (db.prepare('SELECT sum(row_count) AS n FROM hq_ledgers WHERE shipment_id = ?').get(shipmentId) as { n: number | null }).n;
}

/** The shipments HQ had built a ledger of for this venue before `end` (a UTC ISO time, compared as a string). */
export function venueShipmentsBuiltBefore(db: Db, venue: VenueId, end: string): Set<string> {
  return new Set(
    db
      .prepare('SELECT l.shipment_id FROM hq_ledgers l JOIN events e ON e.id = l.built_event_id WHERE l.venue = ? AND e.client_time < ?')
      .pluck()
      .all(venue, end) as string[],
  );
}
