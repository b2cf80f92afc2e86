// `madoguchi status` on headquarters' folder: the ledgers HQ built and each venue's 預り証, without personal data.
import { VENUES } from '../../shared/venues/venues';
import { schemaVersion } from '../db/migrate';
import type { HqStore } from '../store/data-folder';
import { hqLedgers, type HqLedger } from './hq-ledgers';

export interface HqStatus {
  readonly site: 'hq';
  readonly dataDir: string;
  readonly stationId: string;
  readonly schemaVersion: number;
  readonly ledgers: readonly (HqLedger & { venueName: string })[];
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
