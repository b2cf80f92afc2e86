// A small sync world for tests: HQ's folder and provisioned venue stations (keys made, registered at HQ, HQ's
// inbox set as recipient), each with the same ledger imported and recorded at HQ. Raw database keys, no scrypt.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerCard } from '../../shared/ledger/ledger-format';
import type { VenueId } from '../../shared/venues/venues';
import { openSiteWithKey, type HqStore, type VenueStore } from '../store/data-folder';
import { generateKeyPair, type PrivateKeyHandle } from '../crypto/key-files';
import { encodeLedgerFile, sha256 } from '../ledger/ledger-file';
import { importLedger } from '../ledger/import-ledger';
import { recordBuiltLedgers } from '../hq/hq-ledgers';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { hqSyncInfo, registerStation, setRecipients, stationRegistration } from '../sync/registration';
import { inboxKey, storeVenueKey } from '../sync/sync-keys';
import type { Clock } from '../clock';
import { tempDir } from './fixtures';

export interface SyncWorld {
  readonly dir: string;
  readonly hq: HqStore;
  readonly stations: Record<string, VenueStore>;
  /** Each folder's raw database key (hex), for a child process to open it. */
  readonly dbKeys: Record<string, string>;
  readonly venueKeys: Record<VenueId, PrivateKeyHandle>;
  readonly hqSigning: PrivateKeyHandle;
  inbox(): ReturnType<typeof inboxKey> & object;
  /** Opens a station's folder again (after a child process wrote to it). */
  reopen(stationId: string): VenueStore;
  close(): void;
}

export interface StationSpec {
  readonly venue: VenueId;
  readonly stationId: string;
}

export function syncWorld(
  t: { after(fn: () => void): void } | undefined,
  clock: Clock,
  specs: readonly StationSpec[],
  ledger: Partial<Record<VenueId, readonly LedgerCard[]>> = {},
  options: { received?: boolean } = {},
): SyncWorld {
  const dir = tempDir(t);
  const keys = new Map<string, Buffer>();
  const open = (sub: string, site: VenueId | 'hq', stationId: string) => {
    const path = join(dir, sub);
    mkdirSync(path, { recursive: true });
    if (!keys.has(sub)) keys.set(sub, randomBytes(32));
    return openSiteWithKey(path, site, stationId, keys.get(sub)!).store;
  };
  const hq = open('hq', 'hq', 'hq-test01') as HqStore;
  const hqInfo = hqSyncInfo(hq.db, hq.stationId);
  const hqSigning = generateKeyPair('hq', null);
  const venueKeys = {
    honchosha: generateKeyPair('venue', 'honchosha'),
    sogo: generateKeyPair('venue', 'sogo'),
    toyosu: generateKeyPair('venue', 'toyosu'),
  };
  const shipmentId = 'S1';
  const built = (Object.entries(ledger) as [VenueId, LedgerCard[]][]).map(([venue, cards]) => ({
    venue,
    cards,
    bytes: encodeLedgerFile({ venueKey: venueKeys[venue], hqKey: hqSigning, shipmentId, createdAt: '2026-11-20T00:00:00.000Z', cards }),
  }));
  if (built.length > 0) {
    const r = recordBuiltLedgers(
      { store: hq, clock },
      'test',
      shipmentId,
      '2026-11-20T00:00:00.000Z',
      built.map((b) => ({ venue: b.venue, fileSha256: sha256(b.bytes), cards: b.cards })),
    );
    if (!r.ok) throw new Error(r.error.message);
  }
  const stations: Record<string, VenueStore> = {};
  for (const s of specs) {
    const store = open(s.stationId, s.venue, s.stationId) as VenueStore;
    stations[s.stationId] = store;
    const reg = stationRegistration(store.db, s.venue, s.stationId);
    const r = registerStation(hq.db, clock, { venue: 'hq', stationId: hq.stationId }, reg, join(dir, 'outbox', s.stationId));
    if (!r.ok) throw new Error(r.error.message);
    const rec = setRecipients(store.db, hqInfo, venueKeys[s.venue], s.venue);
    if (!rec.ok) throw new Error(rec.error.message);
    const mine = built.find((b) => b.venue === s.venue);
    if (mine) {
      const imported = importLedger({ store, clock, actor: 'test' }, mine.bytes, { venueKey: venueKeys[s.venue], hqKey: hqSigning });
      if (!imported.ok) throw new Error(imported.error.message);
      if (options.received !== false)
        confirmShipmentReceipt({ store, clock }, { staffId: 'lead1', displayName: 'lead', role: 'lead' }, shipmentId);
    }
  }
  const world: SyncWorld = {
    dir,
    hq,
    stations,
    venueKeys,
    hqSigning,
    dbKeys: Object.fromEntries([...keys].map(([k, v]) => [k, v.toString('hex')])),
    inbox: () => inboxKey(hq.db)!,
    reopen: (stationId) => {
      stations[stationId]!.close();
      const spec = specs.find((s) => s.stationId === stationId)!;
      stations[stationId] = open(stationId, spec.venue, stationId) as VenueStore;
      return stations[stationId]!;
    },
    close: () => {
      for (const s of Object.values(stations)) s.close();
      hq.close();
    },
  };
  t?.after(() => world.close());
  return world;
}

/**
 * Two counter stations of 本庁舎 (honchosha-st01, -st02) with the same received ledger, each registered at the
 * other with the other's outbox as its source, and each keeping the venue's key: siblings, as provisioning
 * leaves them.
 */
export function siblingPair(t: { after(fn: () => void): void } | undefined, clock: Clock, ledger: readonly LedgerCard[]) {
  const w = syncWorld(
    t,
    clock,
    [
      { venue: 'honchosha', stationId: 'honchosha-st01' },
      { venue: 'honchosha', stationId: 'honchosha-st02' },
    ],
    { honchosha: ledger },
  );
  const [a, b] = [w.stations['honchosha-st01']!, w.stations['honchosha-st02']!];
  const outbox = (store: VenueStore) => join(w.dir, 'outbox', store.stationId);
  for (const [at, of] of [
    [a, b],
    [b, a],
  ] as const) {
    const r = registerStation(
      at.db,
      clock,
      { venue: 'honchosha', stationId: at.stationId },
      stationRegistration(of.db, 'honchosha', of.stationId),
      outbox(of),
    );
    if (!r.ok) throw new Error(r.error.message);
    storeVenueKey(at.db, w.venueKeys.honchosha.privateKey);
  }
  return { w, a, b, outbox };
}
