// A complete demo world for newcomers and tests, made by the real pipeline from synthetic residents:
// keys → roster CSV (CP932, as the ward's systems write it) → per-venue ledgers → each venue's data
// folder with its ledger imported. Synthetic data only.
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair, type PrivateKeyHandle } from '../crypto/key-files';
import { writeFileAtomic } from '../files/atomic-write';
import { buildLedgers, type RoutingReport } from '../ledger/build-ledgers';
import { importLedger } from '../ledger/import-ledger';
import { createVenueDataFolder } from '../venue/data-folder';
import { tokyoDate, type Clock } from '../clock';
import { generateRoster, rosterToCsv } from './synthetic-roster';

export const DEMO_PASSPHRASE = 'madoguchi-demo';

export interface DemoWorld {
  readonly dir: string;
  readonly keysDir: string;
  readonly rosterFile: string;
  readonly ledgersDir: string;
  readonly venueDataDirs: Record<VenueId, string>;
  readonly shipmentId: string;
  readonly report: RoutingReport;
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
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; choose a new folder for the demo`);
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
  const roster = rosterToCsv(residents, { encoding: 'cp932', dateStyle: 'mixed', seed: options.seed });
  const rosterFile = join(dir, 'roster.csv');
  writeFileAtomic(rosterFile, roster, { mode: 0o600 });

  const shipmentId = `DEMO-${today}`;
  const built = buildLedgers({ roster, shipmentId, hqKey: hq, venueKeys, clock });
  if (!built.ok) throw new Error(`demo roster did not build: ${built.error.message}`);
  for (const l of built.value.ledgers) writeFileAtomic(join(ledgersDir, `${l.venue}.ledger`), l.bytes);
  writeFileAtomic(join(ledgersDir, 'routing-report.json'), JSON.stringify(built.value.report, null, 2) + '\n');

  const venueDataDirs = {} as Record<VenueId, string>;
  for (const venue of VENUE_IDS) {
    const dataDir = join(dir, 'venues', venue);
    venueDataDirs[venue] = dataDir;
    const store = createVenueDataFolder(dataDir, venue, passphrase, `${venue}-demo01`);
    try {
      const ledger = built.value.ledgers.find((l) => l.venue === venue);
      if (!ledger) continue;
      const r = importLedger({ store, clock, actor: 'demo' }, ledger.bytes, { venueKey: venueKeys[venue], hqKey: hq });
      if (!r.ok) throw new Error(`demo ledger for ${venue} did not import: ${r.error.message}`);
    } finally {
      store.close();
    }
  }
  return { dir, keysDir, rosterFile, ledgersDir, venueDataDirs, shipmentId, report: built.value.report };
}

function writeKeyPair(dir: string, name: string, key: PrivateKeyHandle, passphrase: string): void {
  writeFileAtomic(join(dir, `${name}.key`), encodePrivateKeyFile(key, passphrase), { mode: 0o600 });
  writeFileAtomic(join(dir, `${name}.pub`), encodePublicKeyFile(key));
}
