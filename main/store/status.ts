// What support asks for first: which venue and station, which shipments, which schema. No personal data.
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { shipmentImports } from '../db/queries/shipments';
import { cardCount } from '../db/queries/ledger-cards';
import { eventCount } from '../db/queries/events';
import type { VenueStore } from './data-folder';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import { dataFolderFreeSpace, type FreeSpace } from './free-space';
import { pinnedHqKey } from '../crypto/hq-pin';
import { fingerprintOf } from '../crypto/hq-key-trust';

export interface VenueStatus {
  readonly dataDir: string;
  readonly venue: VenueId;
  readonly venueName: string;
  readonly stationId: string;
  readonly schemaVersion: number;
  readonly supportedSchemaVersion: number;
  readonly cards: number;
  readonly events: number;
  /** The data folder's disk: free bytes, the level warned below, and the warning if any; null if unknown. */
  readonly freeSpace: FreeSpace | null;
  /** HQ's signing key as the folder pinned it; null before the first ledger (or `venue trust-hq`). */
  readonly hqKey: { readonly keyId: string; readonly fingerprint: string; readonly pinnedAt: string } | null;
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
  const shipments = shipmentImports(db);
  const pin = pinnedHqKey(db);
  return {
    dataDir: store.dir,
    venue: store.venue,
    venueName: VENUES[store.venue].name,
    stationId: store.stationId,
    schemaVersion: schemaVersion(db),
    supportedSchemaVersion: LATEST_SCHEMA_VERSION,
    cards: cardCount(db),
    events: eventCount(db),
    freeSpace: dataFolderFreeSpace(store.dir),
    hqKey: pin && { keyId: pin.key.keyId, fingerprint: fingerprintOf(pin.key), pinnedAt: pin.pinnedAt },
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
