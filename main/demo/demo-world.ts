// A complete demo world for newcomers and tests, made by the real pipeline from synthetic residents:
// keys → roster CSV (CP932, as the ward's systems write it) → per-venue ledgers → each venue's data
// folder with its ledger imported. Synthetic data only.
import { writeScanSheet } from './demo-scans';
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair, type PrivateKeyHandle } from '../crypto/key-files';
import { writeFileAtomic } from '../files/atomic-write';
import { buildLedgers, type RoutingReport } from '../ledger/build-ledgers';
import { importLedger } from '../ledger/import-ledger';
import { createDataFolder, createVenueDataFolder, type HqStore } from '../store/data-folder';
import { writeSetting } from '../store/settings';
import { recordBuiltLedgers } from '../hq/hq-ledgers';
import { sha256 } from '../ledger/ledger-file';
import type { Clock } from '../clock';
import { addDays, DAY_MS, tokyoDate } from '../../shared/tokyo-date';
import { generateRoster } from './synthetic-roster';
import { rosterToCsv } from './roster-csv';
import { enrollStaff, type Staff } from '../auth/staff';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { provisionSync } from './demo-sync';

export const DEMO_PASSPHRASE = 'madoguchi-demo';

/** Demo staff at every venue, with PINs a newcomer can read in the README. */
export const DEMO_STAFF: readonly (Staff & { pin: string })[] = [
  { staffId: 'clerk1', displayName: '窓口　一郎', role: 'clerk', pin: '1111' },
  { staffId: 'clerk2', displayName: '窓口　二葉', role: 'clerk', pin: '2222' },
  { staffId: 'lead1', displayName: '会場　責任者', role: 'lead', pin: '9999' },
];

/** Demo staff in HQ's folder only: an `hq` account cannot be enrolled at a venue (nor sign in there). */
const DEMO_HQ_STAFF: readonly (Staff & { pin: string })[] = [
  { staffId: 'hq1', displayName: '事務センター　職員', role: 'hq', pin: '8888' },
];

/** The last few residents arrive in a second shipment that is not yet received, so the demo shows that case. */
const LATE_SHARE = 0.05;
/**
 * The first few were shipped and received long ago and never collected: past the collection deadline, so
 * the demo (and the tests) have cards to return to HQ (返戻).
 */
const EARLY_SHARE = 0.03;
const EARLY_DAYS_AGO = 100;

export interface DemoWorld {
  readonly dir: string;
  readonly keysDir: string;
  readonly rosterFile: string;
  readonly ledgersDir: string;
  /** Each venue's first (lead's) station. */
  readonly venueDataDirs: Record<VenueId, string>;
  /** Every counter station, 本庁舎 with two; each publishes into `outbox/<stationId>`. */
  readonly stations: readonly DemoStation[];
  /** Headquarters' own data folder: every ledger built above, to print at HQ. */
  readonly hqDataDir: string;
  readonly shipmentId: string;
  readonly lateShipmentId: string;
  /** Shipped EARLY_DAYS_AGO, received then, never collected: overdue (empty for tiny demos). */
  readonly earlyShipmentId: string;
  /** One number per counter outcome to try at 本庁舎 (demo-scans.ts). */
  readonly scanSheetFile: string;
  readonly report: RoutingReport;
}

interface DemoStation {
  readonly venue: VenueId;
  readonly stationId: string;
  /** What the station is called at its venue (`station-label`): 本庁舎 窓口1. */
  readonly label: string;
  readonly dir: string;
}

export interface DemoOptions {
  readonly dir: string;
  readonly residents: number;
  readonly seed: number;
  readonly passphrase: string;
  readonly clock: Clock;
}

export function createDemoWorld(options: DemoOptions): DemoWorld {
  const { dir, passphrase, clock } = options;
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} は空ではありません。デモには新しい（空の）フォルダを指定してください`);
  const keysDir = join(dir, 'keys');
  const ledgersDir = join(dir, 'ledgers');
  mkdirSync(keysDir, { recursive: true });
  mkdirSync(ledgersDir, { recursive: true });

  const hq = generateKeyPair('hq', null);
  writeKeyPair(keysDir, 'hq', hq, passphrase);
  const venueKeys = Object.fromEntries(
    VENUE_IDS.map((v) => {
      const key = generateKeyPair('venue', v);
      writeKeyPair(keysDir, v, key, passphrase);
      return [v, key];
    }),
  ) as Record<VenueId, PrivateKeyHandle>;

  const today = tokyoDate(clock.now());
  const residents = generateRoster({ residents: options.residents, seed: options.seed, today, shippedOn: today });
  const lateCount = options.residents >= 20 ? Math.floor(options.residents * LATE_SHARE) : 0;
  const earlyCount = options.residents >= 20 ? Math.floor(options.residents * EARLY_SHARE) : 0;
  const earlyClock: Clock = { now: () => new Date(clock.now().getTime() - EARLY_DAYS_AGO * DAY_MS) };
  const earlyDay = tokyoDate(earlyClock.now());
  // Nobody is shipped a card within a month of birth: the early shipment takes residents born before that.
  const monthBeforeEarly = addDays(earlyDay, -31);
  const early = new Set(
    residents
      .slice(0, residents.length - lateCount)
      .filter((r) => r.birthDate < monthBeforeEarly)
      .slice(0, earlyCount),
  );
  // Listed in the order they are imported (oldest first); the main shipment stays `shipmentId`.
  const shipments = [
    {
      id: `DEMO-${earlyDay}`,
      residents: [...early].map((r) => ({ ...r, shippedOn: earlyDay })),
      file: 'roster-0.csv',
      dir: join(ledgersDir, 'early'),
      clock: earlyClock,
      received: true,
    },
    {
      id: `DEMO-${today}`,
      residents: residents.slice(0, residents.length - lateCount).filter((r) => !early.has(r)),
      file: 'roster.csv',
      dir: ledgersDir,
      clock,
      received: true,
    },
    {
      id: `DEMO-${today}-2`,
      residents: residents.slice(residents.length - lateCount),
      file: 'roster-2.csv',
      dir: join(ledgersDir, 'second'),
      clock,
      received: false,
    },
  ].filter((s) => s.residents.length > 0);

  const built = shipments.map((s) => {
    const roster = rosterToCsv(s.residents, { encoding: 'cp932', dateStyle: 'mixed', seed: options.seed });
    writeFileAtomic(join(dir, s.file), roster, { mode: 0o600 });
    const r = buildLedgers({ roster, shipmentId: s.id, hqKey: hq, venueKeys, clock: s.clock });
    if (!r.ok) throw new Error(`demo roster did not build: ${r.error.message}`);
    mkdirSync(s.dir, { recursive: true });
    for (const l of r.value.ledgers) writeFileAtomic(join(s.dir, `${l.venue}.ledger`), l.bytes);
    writeFileAtomic(join(s.dir, 'routing-report.json'), JSON.stringify(r.value.report, null, 2) + '\n');
    return { ...s, ...r.value };
  });

  const hqDataDir = join(dir, 'hq');
  const hqStore = createDataFolder(hqDataDir, 'hq', passphrase, 'hq-demo01').store as HqStore;
  try {
    for (const staff of DEMO_HQ_STAFF) enrollStaff(hqStore.db, clock, hqStore.stationId, 'demo', staff);
    for (const b of built) {
      const toRecord = b.ledgers.map((l) => ({ venue: l.venue, fileSha256: sha256(l.bytes), cards: l.cards }));
      const r = recordBuiltLedgers({ store: hqStore, clock: b.clock }, 'demo', b.id, b.report.createdAt, toRecord);
      if (!r.ok) throw new Error(`demo ledgers were not recorded at HQ: ${r.error.message}`);
    }
  } finally {
    hqStore.close();
  }

  // One counter station per venue, and a second at 本庁舎 (the busiest): it learns of receipts from the first
  // station's sync file, as a real second counter would.
  const stations: DemoStation[] = [
    { venue: 'honchosha', stationId: 'honchosha-demo01', label: '窓口1', dir: join(dir, 'venues', 'honchosha') },
    { venue: 'honchosha', stationId: 'honchosha-demo02', label: '窓口2', dir: join(dir, 'venues', 'honchosha-2') },
    { venue: 'sogo', stationId: 'sogo-demo01', label: '窓口1', dir: join(dir, 'venues', 'sogo') },
    { venue: 'toyosu', stationId: 'toyosu-demo01', label: '窓口1', dir: join(dir, 'venues', 'toyosu') },
  ];
  const venueDataDirs = {} as Record<VenueId, string>;
  for (const station of stations) {
    const { venue } = station;
    const first = venueDataDirs[venue] === undefined;
    if (first) venueDataDirs[venue] = station.dir;
    const store = createVenueDataFolder(station.dir, venue, passphrase, station.stationId);
    try {
      for (const staff of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'demo', staff);
      writeSetting(store.db, 'station-label', station.label);
      const lead = DEMO_STAFF.find((s) => s.role === 'lead')!;
      for (const b of built) {
        const ledger = b.ledgers.find((l) => l.venue === venue);
        if (!ledger) continue;
        const r = importLedger({ store, clock: b.clock, actor: 'demo' }, ledger.bytes, { venueKey: venueKeys[venue], hqKey: hq });
        if (!r.ok) throw new Error(`demo ledger for ${venue} did not import: ${r.error.message}`);
        if (b.received && first) confirmShipmentReceipt({ store, clock: b.clock }, lead, b.id);
      }
    } finally {
      store.close();
    }
  }
  provisionSync(dir, hqDataDir, stations, { hq, venues: venueKeys }, passphrase, clock);
  const scanSheetFile = writeScanSheet(
    dir,
    built.map((b) => ({ ledgers: b.ledgers, received: b.received, overdue: b.clock === earlyClock })),
  );

  const first = built.find((b) => b.id === `DEMO-${today}`) ?? built[0]!;
  const perVenue = { honchosha: 0, sogo: 0, toyosu: 0 };
  for (const b of built) for (const v of VENUE_IDS) perVenue[v] += b.report.perVenue[v];
  const report: RoutingReport = {
    ...first.report,
    rosterRows: residents.length,
    perVenue,
    unrouted: built.flatMap((b) => b.report.unrouted),
  };
  return {
    dir,
    keysDir,
    rosterFile: join(dir, first.file),
    ledgersDir,
    venueDataDirs,
    stations,
    hqDataDir,
    shipmentId: first.id,
    lateShipmentId: built.find((b) => !b.received)?.id ?? '',
    earlyShipmentId: built.find((b) => b.clock === earlyClock)?.id ?? '',
    scanSheetFile,
    report,
  };
}

function writeKeyPair(dir: string, name: string, key: PrivateKeyHandle, passphrase: string): void {
  writeFileAtomic(join(dir, `${name}.key`), encodePrivateKeyFile(key, passphrase), { mode: 0o600 });
  writeFileAtomic(join(dir, `${name}.pub`), encodePublicKeyFile(key));
}
