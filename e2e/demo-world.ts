// The demo world the e2e tests run against, made once per run by global setup (`madoguchi demo`, ~7 s):
// keys, rosters, ledgers and one data folder per venue. Each test then gets its own copy of the 本庁舎
// data folder, so tests never see each other's handovers.
// Also picks the cards the tests need, from the demo's own files: the rosters (CP932) routed with
// `madoguchi route`, exactly as the ledgers were built.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { parseJapaneseDate } from '../shared/roster/japanese-date';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BIN = join(ROOT, 'bin/madoguchi.mjs');
export const PASSPHRASE = 'madoguchi-demo';
export const WORLD_ENV = 'MADOGUCHI_E2E_WORLD';
export const STAFF = {
  clerk1: { staffId: 'clerk1', pin: '1111', displayName: '窓口　一郎' },
  clerk2: { staffId: 'clerk2', pin: '2222', displayName: '窓口　二葉' },
  lead1: { staffId: 'lead1', pin: '9999', displayName: '会場　責任者' },
  hq1: { staffId: 'hq1', pin: '8888', displayName: '事務センター　職員' },
} as const;

interface Resident {
  readonly reservationNo: string;
  readonly name: string;
  readonly kana: string;
  /** ISO. */
  readonly birthDate: string;
  readonly address: string;
}

interface Picks {
  /** Outstanding at 本庁舎 (first shipment, received): 25 of them, for flows and the latency run. */
  readonly ok: Resident[];
  readonly otherVenue: Resident & { readonly venueName: string };
  /** In the second shipment routed to 本庁舎, not yet received. */
  readonly notReceived: Resident & { readonly shipmentId: string };
  /** A well-formed number in no ledger. */
  readonly unknownNo: string;
}

export interface World {
  readonly dir: string;
  readonly honchoshaDataDir: string;
  /** 本庁舎's second counter PC (窓口2), which the demo makes beside the first. */
  readonly honchosha2DataDir: string;
  /** Headquarters' data folder: every demo ledger HQ built. */
  readonly hqDataDir: string;
  readonly shipmentId: string;
  readonly lateShipmentId: string;
  readonly picks: Picks;
}

function readRoster(file: string): Resident[] {
  const text = iconv.decode(readFileSync(file), 'cp932');
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => {
    const birth = parseJapaneseDate(r['生年月日'] ?? '');
    if (!birth.ok) throw new Error(`demo roster: unreadable birth date ${r['生年月日']}`);
    return { reservationNo: r['予約管理番号']!, name: r['氏名']!, kana: r['氏名カナ']!, birthDate: birth.value, address: r['住所']! };
  });
}

/** `madoguchi route` over stdin: one venue id (or '-') per address. */
function route(addresses: readonly string[]): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [BIN, 'route'], { cwd: ROOT, input: addresses.join('\n') + '\n', encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? ''; // exit 1 when some address is not Koto's: fine
  }
  return out
    .split('\n')
    .slice(0, addresses.length)
    .map((l) => l.split('\t')[0] ?? '-');
}

export function createWorld(dir: string): World {
  const json = execFileSync(process.execPath, [BIN, 'demo', '--dir', dir, '--residents', '300', '--seed', '1', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MADOGUCHI_PASSPHRASE: PASSPHRASE },
  });
  const demo = JSON.parse(json) as {
    venueDataDirs: Record<string, string>;
    hqDataDir: string;
    rosterFile: string;
    shipmentId: string;
    lateShipmentId: string;
  };
  const first = readRoster(demo.rosterFile);
  const second = readRoster(join(dir, 'roster-2.csv'));
  const firstVenues = route(first.map((r) => r.address));
  const secondVenues = route(second.map((r) => r.address));
  const ok = first.filter((_, i) => firstVenues[i] === 'honchosha');
  const sogo = first.find((_, i) => firstVenues[i] === 'sogo');
  const late = second.find((_, i) => secondVenues[i] === 'honchosha');
  if (ok.length < 25 || !sogo || !late) throw new Error('demo world: not enough cards of each kind for the e2e tests');
  const all = new Set([...first, ...second].map((r) => r.reservationNo));
  let n = 999_999;
  while (all.has(`ZZZ-${n}`)) n--;
  const picks: Picks = {
    // Unique kana + birth date pairs, so a search finds exactly the one resident.
    ok: ok
      .filter((r) => ok.filter((o) => o.kana.slice(0, 3) === r.kana.slice(0, 3) && o.birthDate === r.birthDate).length === 1)
      .slice(0, 25),
    otherVenue: { ...sogo, venueName: '総合区民センター' },
    notReceived: { ...late, shipmentId: demo.lateShipmentId },
    unknownNo: `ZZZ-${n}`,
  };
  const world: World = {
    dir,
    honchoshaDataDir: demo.venueDataDirs.honchosha!,
    honchosha2DataDir: join(dir, 'venues', 'honchosha-2'),
    hqDataDir: demo.hqDataDir,
    shipmentId: demo.shipmentId,
    lateShipmentId: demo.lateShipmentId,
    picks,
  };
  writeFileSync(join(dir, 'e2e-world.json'), JSON.stringify(world, null, 2));
  return world;
}

export function loadWorld(): World {
  const dir = process.env[WORLD_ENV];
  if (!dir) throw new Error(`${WORLD_ENV} is not set: run the tests with \`npx playwright test\` (global setup makes the world)`);
  return JSON.parse(readFileSync(join(dir, 'e2e-world.json'), 'utf8')) as World;
}
