// npm run bench: performance targets as ratios against baselines measured in the same run, plus the
// absolute budgets the issues set for this 2-core machine. Medians of several runs; exits 1 if a target fails.
//   --quick   small sizes, one run: checks the script works (used by the test suite), says nothing about speed.
//   --only <section>   run one section (import, ledgers, counter, reconciliation, records, backup, page, pdf, sync): the whole bench takes minutes.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { cards, ledgerBytes, tempDir, testKeys, testStore } from '../main/testing/fixtures';
import { importLedger } from '../main/ledger/import-ledger';
import { buildLedgers } from '../main/ledger/build-ledgers';
import { generateRoster } from '../main/demo/synthetic-roster';
import { rosterToCsv } from '../main/demo/roster-csv';
import { routeAddress } from '../shared/address/route-address';
import { openDatabase } from '../main/db/connection';
import { fixedClock } from '../main/clock';
import { join } from 'node:path';
import { measurePageLatency } from './page-latency';
import { measureLedgerPdf } from './ledger-pdf';
import { measureSync } from './sync';
import { measureReconciliation } from './reconciliation';
import { measureCounter } from './counter';
import { measureRecordCheck } from './records';
import { measureBackup } from './backup';
import { median, time, type BenchTarget } from './measure';

const quick = process.argv.includes('--quick');
// Every temporary folder (they hold test keys) goes when the run ends, however it ends.
const cleanups: (() => void)[] = [];
process.on('exit', () => {
  for (const fn of cleanups) {
    try {
      fn();
    } catch {
      /* a file still open (Windows): left for the OS's temp cleanup */
    }
  }
});
const atExit = { after: (fn: () => void) => cleanups.push(fn) };
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const SECTIONS = ['import', 'ledgers', 'counter', 'reconciliation', 'records', 'backup', 'page', 'pdf', 'sync'];
if (only !== undefined && !SECTIONS.includes(only)) throw new Error(`--only takes one of ${SECTIONS.join(', ')}`);
const section = (name: string) => only === undefined || only === name;
const RUNS = quick ? 1 : 5;
const IMPORT_ROWS = quick ? 2_000 : 40_000;
const ROSTER_ROWS = quick ? 5_000 : 100_000;
const clock = fixedClock('2026-11-20T01:00:00Z');

const targets: BenchTarget[] = [];

// 1. Import a 40,000-row ledger vs a bare encrypted insert of the same rows in one transaction.
if (section('import')) {
  const keys = testKeys();
  const list = cards(1, IMPORT_ROWS);
  const bytes = ledgerBytes(keys, 'toyosu', 'BENCH-1', list);
  const importMs: number[] = [];
  const bareMs: number[] = [];
  const openMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = tempDir(atExit);
    const key = randomBytes(32);
    const store = testStore(dir, 'toyosu', key);
    importMs.push(
      time(() => {
        const r = importLedger({ store, clock, actor: 'bench' }, bytes, { venueKey: keys.venues.toyosu, hqKey: keys.hq });
        if (!r.ok) throw new Error(r.error.message);
      }),
    );
    store.close();
    // Opening the folder again: quick_check over every page, the head compared, migrations found done.
    openMs.push(time(() => testStore(dir, 'toyosu', key).close()));
    const db = openDatabase(join(dir, 'bare.db'), randomBytes(32));
    db.exec(
      'CREATE TABLE bare (reservation_no TEXT PRIMARY KEY, shipment_id, name, kana, birth_date, address, town, chome, notice_type, shipped_on)',
    );
    const ins = db.prepare('INSERT INTO bare VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    bareMs.push(
      time(() =>
        db.transaction(() => {
          for (const c of list)
            ins.run(c.reservationNo, 'BENCH-1', c.name, c.kana, c.birthDate, c.address, c.town, c.chome, c.noticeType, c.shippedOn);
        })(),
      ),
    );
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  targets.push({
    name: `import a ${IMPORT_ROWS.toLocaleString()}-row ledger (decrypt + verify + validate + insert)`,
    measured: median(importMs),
    baseline: { name: 'bare encrypted insert of the same rows, one transaction', ms: median(bareMs), maxRatio: 3 },
    maxMs: 1000,
  });
  targets.push({
    name: `open the ${IMPORT_ROWS.toLocaleString()}-card folder: quick_check of every page, the head compared`,
    measured: median(openMs),
    maxMs: 1000,
  });
}

// 2. Build ledgers from a 100,000-row roster vs merely parsing the same CSV.
if (section('ledgers')) {
  const keys = testKeys();
  const roster = rosterToCsv(generateRoster({ residents: ROSTER_ROWS, seed: 7, today: '2026-11-20' }), {
    encoding: 'cp932',
    dateStyle: 'mixed',
    seed: 7,
  });
  const utf8 = rosterToCsv(generateRoster({ residents: ROSTER_ROWS, seed: 7, today: '2026-11-20' }), { encoding: 'utf-8' });
  const buildMs: number[] = [];
  const parseMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    buildMs.push(
      time(() => {
        const r = buildLedgers({ roster, shipmentId: 'BENCH-2', hqKey: keys.hq, venueKeys: keys.venues, clock });
        if (!r.ok) throw new Error(r.error.message);
      }),
    );
    parseMs.push(time(() => parse(Buffer.from(utf8), { relax_column_count: true })));
  }
  targets.push({
    name: `build ledgers from a ${ROSTER_ROWS.toLocaleString()}-row CP932 roster (decode, validate, route, seal, sign)`,
    measured: median(buildMs),
    baseline: { name: 'csv-parse of the same roster (UTF-8, no checks)', ms: median(parseMs), maxRatio: 10 },
    maxMs: 3000,
  });

  // 3. Routing alone vs the least text work any router must do: NFKC-normalising each address.
  const addresses = generateRoster({ residents: ROSTER_ROWS, seed: 9, today: '2026-11-20' }).map((r) => r.address);
  const routeMs: number[] = [];
  const nfkcMs: number[] = [];
  let sink = 0;
  for (let i = 0; i < RUNS; i++) {
    routeMs.push(
      time(() => {
        for (const a of addresses) sink += routeAddress(a).ok ? 1 : 0;
      }),
    );
    nfkcMs.push(
      time(() => {
        for (const a of addresses) sink += a.normalize('NFKC').length;
      }),
    );
  }
  if (sink < 0) console.log(sink);
  targets.push({
    name: `route ${ROSTER_ROWS.toLocaleString()} addresses`,
    measured: median(routeMs),
    baseline: { name: 'NFKC normalisation of the same addresses', ms: median(nfkcMs), maxRatio: 10 },
    maxMs: 500,
  });
}

// 4. The counter with a 100,000-row ledger: scan → decision, handover commit, kana search (p99 of many calls).
if (section('counter')) targets.push(...measureCounter({ quick, clock, cleanup: atExit }));

// 5. Reconciliation for a venue with 40,000 cards and 30,000 events, from the event log.
// The ≤ 100 ms budget is for what the app does each time the lead's 照合・日報 screen refreshes (today's
// reconciliationView): the store keeps the fold of the log read so far and applies only the events appended
// since (here, one more handover), so that is the path the budget applies to ("warm"). The full replay
// ("cold": the first look after the station is unlocked, a new ledger, an older event merged from another
// station, a past day) is reported beside it against the cost of merely reading the same rows, so a
// regression on either path shows.
if (section('reconciliation')) targets.push(...measureReconciliation({ quick, runs: RUNS, clock, cleanup: atExit }));

// 5b. The chained records' check at unlock (issue 14).
if (section('records')) targets.push(...measureRecordCheck({ quick, runs: RUNS, clock, cleanup: atExit }));

// 5c. A backup (issue 15): 日締め and 今すぐバックアップ make it in the main process.
if (section('backup')) targets.push(...measureBackup({ quick, runs: RUNS, clock, cleanup: atExit }));

// 6. In the page (browser mode, Chromium): the scanner's Enter → the outcome painted.
if (!quick && section('page')) {
  const { scanP95, baselineP95 } = await measurePageLatency(40);
  targets.push({
    name: "scan → outcome painted in the page, from the scanner's Enter (p95 of 40 scans)",
    measured: scanP95,
    baseline: { name: 'one bare IPC round trip + a frame, same page (p95)', ms: baselineP95, maxRatio: 5 },
    maxMs: 50,
  });
} else if (section('page')) {
  console.log('(--quick: the in-page latency target needs a built renderer and Chromium; run npm run bench)\n');
}

// 7. The printed shipment ledger: 5,000 rows with barcodes, both copies (正本 + 控え, as the lead prints it).
if (section('pdf')) {
  const rows = quick ? 200 : 5_000;
  const { pdfMs, baselineMs, pages } = await measureLedgerPdf(rows, quick ? 1 : 3);
  targets.push({
    name: `ledger PDF of ${rows.toLocaleString()} rows with Code128 barcodes, 正本 + 控え (${pages} A4 pages), Chromium's print path`,
    measured: pdfMs,
    baseline: { name: 'the same document without barcodes, same pipeline', ms: baselineMs, maxRatio: 2 },
    maxMs: 10_000,
  });
}

// 8. Daily sync: HQ taking in 3 venues × 250 days of the stations' files (~110,000 events), then the same files
// again; a station writing the file of a day with 1,500 handovers. How the history is built: sync.ts. The ingest
// runs 3 times, not 5: each run is 750 files into a fresh copy of HQ's folder, ~10 s here.
if (section('sync')) {
  const days = quick ? 10 : 250;
  const handovers = quick ? 200 : 1_500;
  const m = measureSync({ days, ingestRuns: quick ? 1 : 3, exportRuns: RUNS, exportHandovers: handovers });
  const size = `${m.files} files (3 stations × ${days} days, ${m.events.toLocaleString()} events, ${m.megabytes.toFixed(0)} MB)`;
  targets.push(
    // The import's work (verify, decrypt, validate, insert) over a day's file instead of a ledger: the same 3×
    // over the same baseline. The baseline commits once; the ingest once per file, and that price is its own.
    {
      name: `HQ ingest of ${size}, fresh HQ folder (verify + decrypt + validate + insert; files already in memory; median of ${quick ? 1 : 3})`,
      measured: m.ingestMs,
      baseline: { name: 'bare encrypted insert of the same events into the same table, one transaction', ms: m.bareInsertMs, maxRatio: 3 },
      maxMs: 5000,
    },
    // A file already held costs its hash and one indexed read, nothing else.
    {
      name: `HQ re-ingest of the same ${m.files} files: every one already held, HQ's folder unchanged`,
      measured: m.reingestMs,
      baseline: { name: 'SHA-256 of the same files', ms: m.hashMs, maxRatio: 2 },
      maxMs: 1000,
    },
    // The export writes twice durably (its bytes committed to the station's database first, then the outbox
    // file) and adds the claim, seal, signature and a check of the whole body; ≤ 12× is the 100 ms budget
    // over the naive write's ~8 ms here, carried to machines with another disk.
    {
      name: `sync file of a day with ${handovers.toLocaleString()} handovers, at the lead's 日締め (claim, seal, sign, commit, outbox)`,
      measured: m.exportMs,
      baseline: { name: "the same day's events read and written to a file as JSON, atomically", ms: m.naiveExportMs, maxRatio: 12 },
      maxMs: 100,
    },
  );
  // Printed, not judged: the ingest's commit per file is part of what it measures, and `madoguchi sync export`
  // (its own process, so its reconciliation replays the whole log) has no budget of its own.
  console.log(
    `(sync: the bare insert committed once per file (why the ingest commits a pull at once) ${m.bareInsertPerFileMs.toFixed(0)} ms; the busy day's file by \`madoguchi sync export\`, whole log replayed, ${m.exportColdMs.toFixed(0)} ms; HQ's report over all of it, ${m.reportMs.toFixed(0)} ms; building the history, not measured, ${(m.setupMs / 1000).toFixed(0)} s)\n`,
  );
}

let failed = 0;
console.log(quick ? 'Madoguchi benchmarks (--quick: sizes too small to judge speed)\n' : 'Madoguchi benchmarks (median of 5 runs)\n');
for (const t of targets) {
  const checks: string[] = [];
  let ok = true;
  if (t.baseline) {
    const ratio = t.measured / t.baseline.ms;
    const pass = ratio <= t.baseline.maxRatio;
    ok &&= pass;
    checks.push(`${ratio.toFixed(2)}× baseline (target ≤ ${t.baseline.maxRatio}×) ${pass ? 'PASS' : 'FAIL'}`);
  }
  if (t.maxMs !== undefined) {
    const pass = t.measured <= t.maxMs;
    ok &&= pass;
    checks.push(`${t.measured < 10 ? t.measured.toFixed(2) : t.measured.toFixed(0)} ms (target ≤ ${t.maxMs} ms) ${pass ? 'PASS' : 'FAIL'}`);
  }
  if (!ok) failed++;
  console.log(`${ok ? '✓' : '✗'} ${t.name}`);
  if (t.baseline) console.log(`    baseline: ${t.baseline.name}: ${t.baseline.ms.toFixed(t.baseline.ms < 1 ? 3 : 1)} ms`);
  for (const c of checks) console.log(`    ${c}`);
}
if (!quick && failed > 0) {
  console.log(`\n${failed} target(s) missed`);
  process.exit(1);
}
