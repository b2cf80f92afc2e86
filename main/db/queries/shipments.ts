// The imported shipment ledgers (shipments): one row per ledger, from its signed header.
import type { Db } from '../connection';

export interface ShipmentRow {
  shipment_id: string;
  venue: string;
  file_sha256: string;
  created_at: string;
  row_count: number;
  imported_event_id: string;
}

export function readShipment(db: Db, shipmentId: string): ShipmentRow | undefined {
  return db.prepare('SELECT * FROM shipments WHERE shipment_id = ?').get(shipmentId) as ShipmentRow | undefined;
}

/** Every shipment imported here, by id. */
export function listShipments(db: Db): ShipmentRow[] {
  return db.prepare('SELECT * FROM shipments ORDER BY shipment_id').all() as ShipmentRow[];
}

export function insertShipment(db: Db, row: ShipmentRow): void {
  db.prepare(
    'INSERT INTO shipments (shipment_id, venue, file_sha256, created_at, row_count, imported_event_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(row.shipment_id, row.venue, row.file_sha256, row.created_at, row.row_count, row.imported_event_id);
}

/** Every shipment with when and by whom its ledger was imported, oldest import first. */
export function shipmentImports(
  db: Db,
): (Pick<ShipmentRow, 'shipment_id' | 'row_count' | 'file_sha256' | 'created_at'> & { client_time: string; actor: string })[] {
  return db
    .prepare(
      `SELECT s.shipment_id, s.row_count, s.file_sha256, s.created_at, e.client_time, e.actor
         FROM shipments s JOIN events e ON e.id = s.imported_event_id
        ORDER BY e.client_time, s.shipment_id`,
    )
    .all() as (Pick<ShipmentRow, 'shipment_id' | 'row_count' | 'file_sha256' | 'created_at'> & { client_time: string; actor: string })[];
}

/** The shipments whose ledger was imported here before `end` (a UTC ISO time, compared as a string). */
export function shipmentsImportedBefore(db: Db, end: string): Set<string> {
  return new Set(
    db
      .prepare('SELECT s.shipment_id FROM shipments s JOIN events e ON e.id = s.imported_event_id WHERE e.client_time < ?')
      .pluck()
      .all(end) as string[],
  );
}
