// Daily sync at the ward's scale, through the real services: one station per venue, provisioned as
// `sync setup`/`sync register` would, works the counter day after day and writes each day's sync file; HQ takes
// every file in, then the same files again; a station writes the file of a busy day at its lead's 日締め.
// Building that history is setup, not measured.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VenueId } from '../shared/venues/venues';
import type { IdCheck } from '../shared/counter/id-documents';
import { HOUR_MS, DAY_MS, tokyoDate, tokyoInstant } from '../shared/tokyo-date';
import { cards } from '../main/testing/fixtures';
import { syncWorld } from '../main/testing/sync-fixtures';
import { decideScan, recordHandover, recordRefusal } from '../main/counter/counter-service';
import { closeDay } from '../main/day-close/day-close';
import { forgetReconciliation } from '../main/reconciliation/reconciliation';
import { reconciliationView } from '../main/reconciliation/reconciliation-view';
import { exportSyncFile } from '../main/sync/export';
import { createIngester } from '../main/sync/ingest';
import { consolidate } from '../main/hq/consolidation';
import { openSiteWithKey, type VenueStore } from '../main/store/data-folder';
import { DB_FILE } from '../main/store/folder-files';
import { writeFileAtomic } from '../main/files/atomic-write';
import { median, time } from './measure';
import { bareInsertMs, eventsTableDdl, openedRows } from './sync-baselines';

export interface SyncMeasurements {
  readonly files: number;
  readonly events: number;
  readonly megabytes: number;
  /** Building the stations' history and their files (not measured). */
  readonly setupMs: number;
  readonly ingestMs: number;
  readonly bareInsertMs: number;
  /** The same bare insert with one commit per file: why the ingest commits a pull at once (reported only). */
  readonly bareInsertPerFileMs: number;
  readonly reingestMs: number;
  /** HQ's consolidation of everything taken in (its screen, `hq report`). */
  readonly reportMs: number;
  readonly hashMs: number;
  readonly exportMs: number;
  readonly naiveExportMs: number;
  readonly exportColdMs: number;
}

const VENUES: readonly VenueId[] = ['honchosha', 'sogo', 'toyosu'];
// 147 events a station a day (× 3 stations × 250 days ≈ 110,000): 126 handovers, and 21 refusals for want
// of ID documents, each of a card handed over on a later day (the resident comes back).
const HANDOVERS_PER_DAY = 126;
const REFUSALS_PER_DAY = 21;
const clerk = { staffId: 'clerk1', displayName: '窓口', role: 'clerk' as const };
const lead = { staffId: 'lead1', displayName: '責任者', role: 'lead' as const };
// The ID checks the counter sees most, in turn: one photo ID; two other documents; a proxy with the inquiry form.
const ID_CHECKS: readonly IdCheck[] = [
  { path: 'self', documents: ['drivers-license'], proxy: null, surrendered: [], pin: 'pins-set' },
  { path: 'self', documents: ['health-insurance', 'pension-book'], proxy: null, surrendered: ['notice-card'], pin: 'pins-set' },
  {
    path: 'proxy',
    documents: ['health-insurance', 'pension-book'],
    proxy: { reason: 'illness', letter: 'inquiry-form', documents: ['drivers-license'] },
    surrendered: [],
    pin: 'pins-set',
  },
];
const OPENS = Date.parse(tokyoInstant('2026-11-25', '09:00')); // the first business day
const CLOSES_AFTER = 8.5 * HOUR_MS; // 日締め at 17:30

/**
 * `days` business days at 3 stations, then HQ's ingest and re-ingest `ingestRuns` times (a fresh HQ folder each
 * time), and `exportRuns` busy days of `exportHandovers` handovers at one station, each exported.
 */
export function measureSync(options: { days: number; ingestRuns: number; exportRuns: number; exportHandovers: number }): SyncMeasurements {
  const { days, ingestRuns, exportRuns, exportHandovers } = options;
  const started = performance.now();
  let now = OPENS;
  const clock = { now: () => new Date(now) };
  const perVenue = days * HANDOVERS_PER_DAY + REFUSALS_PER_DAY;
  // Each venue its own reservation numbers (T00-…, T01-…, T02-…); toyosu's also holds the busy days' cards.
  const ledger = Object.fromEntries(
    VENUES.map((v, i) => [v, cards(i * 1_000_000 + 1, perVenue + (v === 'toyosu' ? (exportRuns + 1) * exportHandovers : 0))]),
  );
  const specs = VENUES.map((venue) => ({ venue, stationId: `${venue}-bench01` }));
  const w = syncWorld(undefined, clock, specs, ledger);
  const outbox = (stationId: string) => join(w.dir, 'outbox', stationId);
  const inbox = w.inbox();
  try {
    // A day at the counter, as the station records it: each card scanned, then handed over or refused, spread
    // over the opening hours. One transaction for the day spares the setup 110,000 fsyncs; the counter's own
    // commit has its own target.
    const workDay = (store: VenueStore, day: number, handovers: readonly string[], refusals: readonly string[]) => {
      const ctx = { store, clock };
      const step = Math.floor((8 * HOUR_MS) / (handovers.length + refusals.length));
      now = OPENS + day * DAY_MS;
      const every = Math.ceil(handovers.length / (refusals.length + 1));
      let refused = 0;
      store.db.transaction(() => {
        handovers.forEach((no, i) => {
          now += step;
          decideScan(ctx, clerk, no);
          const r = recordHandover(ctx, clerk, no, ID_CHECKS[i % ID_CHECKS.length]!);
          if (!r.ok) throw new Error(r.error.message);
          if (i % every === every - 1 && refused < refusals.length) {
            now += step;
            decideScan(ctx, clerk, refusals[refused]!);
            const f = recordRefusal(ctx, clerk, refusals[refused++]!, '本人確認書類の不足');
            if (!f.ok) throw new Error(f.error.message);
          }
        });
      })();
      now = OPENS + day * DAY_MS + CLOSES_AFTER;
    };

    // Day by day, each station's file as HQ's daily pull brings them.
    const paths: string[] = [];
    const numbersOf = Object.fromEntries(VENUES.map((v) => [v, ledger[v]!.map((c) => c.reservationNo)]));
    for (let day = 0; day < days; day++) {
      for (const s of specs) {
        const numbers = numbersOf[s.venue]!;
        const from = day * HANDOVERS_PER_DAY;
        workDay(
          w.stations[s.stationId]!,
          day,
          numbers.slice(from, from + HANDOVERS_PER_DAY),
          numbers.slice(from + HANDOVERS_PER_DAY, from + HANDOVERS_PER_DAY + REFUSALS_PER_DAY),
        );
        const f = exportSyncFile({ store: w.stations[s.stationId]!, clock }, outbox(s.stationId));
        if (!f.ok) throw new Error(f.error.message);
        paths.push(f.value.path);
      }
    }
    // In memory before the clock starts: the target is HQ taking files in; fetching them from a share or over
    // HTTPS is the pull's, and depends on the VPN, not on Madoguchi.
    const files = paths.map((p) => readFileSync(p));
    // The baseline's rows, exactly as the ingest will store them, one list per file.
    const rows = openedRows(w.hq.db, files, inbox);
    const events = rows.reduce((n, r) => n + r.length, 0);
    const setupMs = performance.now() - started;

    // HQ as provisioned (stations registered, the ledgers it built recorded), copied for each run so every
    // ingest starts from the same folder.
    w.hq.db.pragma('wal_checkpoint(TRUNCATE)');
    const hqKey = Buffer.from(w.dbKeys.hq!, 'hex');
    const eventsDdl = eventsTableDdl(w.hq.db);
    const bareInsert = (name: string, commits: 'one' | 'per-file') => bareInsertMs(join(w.dir, name), eventsDdl, rows, commits);
    const ingestMs: number[] = [];
    const reingestMs: number[] = [];
    const bareMs: number[] = [];
    const hashMs: number[] = [];
    let sink = 0;
    let reportMs = 0;
    for (let run = 0; run < ingestRuns; run++) {
      const dir = join(w.dir, `hq-${run}`);
      mkdirSync(dir);
      copyFileSync(join(w.hq.dir, DB_FILE), join(dir, DB_FILE));
      const hq = openSiteWithKey(dir, 'hq', w.hq.stationId, hqKey).store;
      const count = (table: string) => hq.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const held = count('events');
      // As `hq pull` takes a pull's files in: one commit for the batch, each file its own savepoint.
      ingestMs.push(
        time(() => {
          const ingester = createIngester({ db: hq.db, clock, recipient: inbox });
          for (const r of ingester.ingestAll(files)) {
            if (r.status !== 'ingested' || r.alerts.length > 0) throw new Error(`HQ did not take a file in cleanly: ${JSON.stringify(r)}`);
          }
        }),
      );
      if (count('events') - held !== events || count('sync_files') !== files.length)
        throw new Error('HQ does not hold every event of every file once');
      // The same files again: each already held, and not one row of HQ's folder written.
      const state = () =>
        JSON.stringify([count('events'), count('sync_files'), count('sync_alerts'), hq.db.prepare('SELECT total_changes()').pluck().get()]);
      const before = state();
      reingestMs.push(
        time(() => {
          const ingester = createIngester({ db: hq.db, clock, recipient: inbox });
          for (const r of ingester.ingestAll(files)) if (r.status !== 'already-have') throw new Error('a file was taken in twice');
        }),
      );
      if (state() !== before) throw new Error("taking the same files in again changed HQ's folder");
      // HQ's screen and `hq report` over all of it (reported, no budget of its own).
      if (run === 0) reportMs = time(() => void consolidate(hq.db, { asOf: tokyoDate(clock.now()) }));
      hq.close();
      rmSync(dir, { recursive: true, force: true });

      bareMs.push(bareInsert(`bare-${run}`, 'one'));
      // Recognising a file already held cannot cost less than hashing its bytes.
      hashMs.push(
        time(() => {
          for (const bytes of files) sink += createHash('sha256').update(bytes).digest()[0]!;
        }),
      );
    }
    if (sink < 0) console.log(sink);
    const bareInsertPerFileMs = bareInsert('bare-per-file', 'per-file');

    // Busy days at toyosu's station after those: each day's handovers, then the lead's 日締め as the app does it
    // — on the 照合・日報 screen (which brings the store's reconciliation up to date), close the day, write the
    // day's file. Only the file is timed. Each export takes the day's events, so each run is another day.
    const station = specs[2]!;
    const store = w.stations[station.stationId]!;
    const busy = ledger[station.venue]!.slice(perVenue).map((c) => c.reservationNo);
    const ownEventsAfter = store.db.prepare(
      'SELECT id, station_id, seq, client_time, actor, kind, payload, subject FROM events WHERE station_id = ? AND seq > ? ORDER BY seq',
    );
    const lastSeq = () =>
      store.db.prepare('SELECT coalesce(max(seq), 0) FROM events WHERE station_id = ?').pluck().get(station.stationId) as number;
    const exportMs: number[] = [];
    const naiveMs: number[] = [];
    let exportColdMs = 0;
    for (let run = 0; run <= exportRuns; run++) {
      const day = days + run;
      const since = lastSeq();
      // One more day, reported without a budget: the file written by `madoguchi sync export`, a process of its
      // own, whose reconciliation replays the whole log first.
      const cold = run === exportRuns;
      workDay(store, day, busy.slice(run * exportHandovers, (run + 1) * exportHandovers), []);
      reconciliationView({ store, clock }, tokyoDate(clock.now()));
      const closed = closeDay({ store, clock }, lead, tokyoDate(clock.now()));
      if (!closed.ok) throw new Error(closed.error.message);
      if (cold) forgetReconciliation(store);
      let exported = 0;
      const ms = time(() => {
        const f = exportSyncFile({ store, clock }, outbox(station.stationId));
        if (!f.ok) throw new Error(f.error.message);
        exported = f.value.events;
      });
      // The day's handovers and its close (day.closed), nothing older.
      if (exported !== exportHandovers + 1) throw new Error(`the day's file holds ${exported} events`);
      if (cold) {
        exportColdMs = ms;
        break;
      }
      exportMs.push(ms);
      // A naive export of the same day: its events read as rows and written as JSON, atomically (temp file,
      // fsync, rename) as the outbox is. The floor of writing a day durably; no claim, seal or signature.
      naiveMs.push(
        time(() => writeFileAtomic(join(w.dir, `naive-${run}.json`), JSON.stringify(ownEventsAfter.all(station.stationId, since)))),
      );
    }
    return {
      files: files.length,
      events,
      megabytes: files.reduce((n, b) => n + b.length, 0) / 1e6,
      setupMs,
      ingestMs: median(ingestMs),
      bareInsertMs: median(bareMs),
      bareInsertPerFileMs,
      reingestMs: median(reingestMs),
      reportMs,
      hashMs: median(hashMs),
      exportMs: median(exportMs),
      naiveExportMs: median(naiveMs),
      exportColdMs,
    };
  } finally {
    w.close();
    rmSync(w.dir, { recursive: true, force: true });
  }
}
