// `madoguchi status` on headquarters' folder: the ledgers HQ built, without personal data.
import { VENUES, type VenueId } from '../../shared/venues/venues';
import { schemaVersion } from '../db/migrate';
import type { HqStore } from '../store/data-folder';
import { hqLedgers } from './hq-ledgers';

export interface HqStatus {
  readonly site: 'hq';
  readonly dataDir: string;
  readonly stationId: string;
  readonly schemaVersion: number;
  readonly ledgers: readonly {
    shipmentId: string;
    venue: VenueId;
    venueName: string;
    rowCount: number;
    createdAt: string;
    fileSha256: string;
  }[];
}

export function hqStatus(store: HqStore): HqStatus {
  return {
    site: 'hq',
    dataDir: store.dir,
    stationId: store.stationId,
    schemaVersion: schemaVersion(store.db),
    ledgers: hqLedgers(store.db).map((l) => ({ ...l, venueName: VENUES[l.venue].name })),
  };
}
