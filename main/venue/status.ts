// What support asks for first: which venue and station, which shipments, which schema. No personal data.
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import type { VenueStore } from './data-folder';
import { VENUES, type VenueId } from '../../shared/venues/venues';

export interface VenueStatus {
  readonly dataDir: string;
  readonly venue: VenueId;
  readonly venueName: string;
  readonly stationId: string;
  readonly schemaVersion: number;
  readonly supportedSchemaVersion: number;
  readonly cards: number;
  readonly events: number;
  readonly shipments: readonly {
    readonly shipmentId: string;
    readonly rowCount: number;
    readonly fileSha256: string;
    readonly createdAt: string;
    readonly importedAt: string;
    readonly importedBy: string;
  }[];
}

export function venueStatus(store: VenueStore): VenueStatus {
  const { db } = store;
  const shipments = db
    .prepare(
      `SELECT s.shipment_id, s.row_count, s.file_sha256, s.created_at, e.client_time, e.actor
         FROM shipments s JOIN events e ON e.id = s.imported_event_id
        ORDER BY e.client_time, s.shipment_id`,
    )
    .all() as { shipment_id: string; row_count: number; file_sha256: string; created_at: string; client_time: string; actor: string }[];
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    dataDir: store.dir,
    venue: store.venue,
    venueName: VENUES[store.venue].name,
    stationId: store.stationId,
    schemaVersion: schemaVersion(db),
    supportedSchemaVersion: LATEST_SCHEMA_VERSION,
    cards: count('SELECT count(*) AS n FROM ledger_cards'),
    events: count('SELECT count(*) AS n FROM events'),
    shipments: shipments.map((s) => ({
      shipmentId: s.shipment_id,
      rowCount: s.row_count,
      fileSha256: s.file_sha256,
      createdAt: s.created_at,
      importedAt: s.client_time,
      importedBy: s.actor,
    })),
  };
}
