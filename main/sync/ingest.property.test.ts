// Property: whatever order the daily files reach HQ in, however often, HQ counts every station event exactly
// once and its figures are those of the stations' own logs. Random histories at three stations (two sharing a
// venue, clocks that disagree), files delivered shuffled with duplicates and replays; then only some files,
// leaving gaps, where HQ must count exactly what it holds and say what is missing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { StoredEvent } from '../../shared/events/event';
import type { VenueId } from '../../shared/venues/venues';
import { reconcile } from '../../shared/reconciliation/reconcile';
import { consolidate, type Figures, type WardConsolidation } from '../hq/consolidation';
import { tokyoDate } from '../../shared/tokyo-date';
import { createIngester } from './ingest';
import { manualClock } from '../testing/app-fixture';
import {
  eventIdsOf,
  historyWorld,
  inRolledBackWorld,
  LEDGER,
  playHistory,
  SHIPMENT,
  type HistoryWorld,
  type Played,
} from '../testing/sync-history';
import { fileCount, historyArb, MAX_CLOCK_OFFSET_MS, STATIONS, type History } from '../testing/sync-history-arb';

const MAX_STEPS = 30;

interface Run {
  readonly history: History;
  /** Indices into the history's files, in delivery order. */
  readonly deliveries: number[];
}

/** `chosen` in its (shuffled) order, with copies of chosen files slipped in anywhere, before or after the first. */
function withCopies(chosen: readonly number[], copies: readonly [number, number][]): number[] {
  const out = [...chosen];
  if (chosen.length === 0) return out;
  for (const [which, where] of copies) out.splice(where % (out.length + 1), 0, chosen[which % chosen.length]!);
  return out;
}

const runArb = (subset: boolean): fc.Arbitrary<Run> =>
  historyArb(MAX_STEPS).chain((history) => {
    const n = fileCount(history);
    const all = Array.from({ length: n }, (_, i) => i);
    return fc
      .record({
        chosen: subset ? fc.shuffledSubarray(all) : fc.shuffledSubarray(all, { minLength: n, maxLength: n }),
        copies: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 * n }),
        // Everything delivered once more at the end: a whole pull repeated.
        replayAll: fc.boolean(),
      })
      .map(({ chosen, copies, replayAll }) => ({ history, deliveries: [...withCopies(chosen, copies), ...(replayAll ? chosen : [])] }));
  });

/** Delivers in order: the first copy of each file is taken in whole, every later one is a no-op. */
function deliver(world: HistoryWorld, played: Played, deliveries: readonly number[]): ReturnType<typeof manualClock> {
  // HQ pulls after the day, later than any station's clock however far it is ahead (MAX_CLOCK_OFFSET_MS): a file
  // in HQ's own future is flagged (clock-trust.test.ts), which is not what this property is about.
  const clock = manualClock(new Date(played.now.getTime() + MAX_CLOCK_OFFSET_MS).toISOString());
  const ingester = createIngester({ db: world.hq.db, clock, recipient: world.inbox() });
  const seen = new Set<number>();
  for (const i of deliveries) {
    const f = played.files[i]!;
    clock.advance(1000);
    const r = ingester.ingest(f.bytes);
    if (seen.has(i)) assert.deepEqual(r, { status: 'already-have', stationId: f.stationId, seq: f.seq });
    else assert.deepEqual(r, { status: 'ingested', stationId: f.stationId, seq: f.seq, newEvents: f.events, knownEvents: 0, alerts: [] });
    seen.add(i);
  }
  return clock;
}

const byStationAndSeq = (a: StoredEvent, b: StoredEvent) =>
  a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : a.seq - b.seq;
const comparable = (e: StoredEvent) => ({
  id: e.id,
  stationId: e.stationId,
  seq: e.seq,
  clientTime: e.clientTime,
  actor: e.actor,
  kind: e.kind,
  subject: e.subject,
});

function hqEvents(world: HistoryWorld) {
  const ids = STATIONS.map((s) => s.stationId);
  const db = world.hq.db;
  const where = `station_id IN (${ids.map(() => '?').join(',')})`;
  const { n, ids: distinct } = db.prepare(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM events WHERE ${where}`).get(...ids) as {
    n: number;
    ids: number;
  };
  assert.equal(n, distinct, 'an event held twice');
  return db
    .prepare(
      `SELECT id, station_id AS stationId, seq, client_time AS clientTime, actor, kind, subject FROM events WHERE ${where} ORDER BY station_id, seq`,
    )
    .all(...ids);
}

/** The figures the stations' own logs give, restricted to `events`, over the cards HQ shipped. */
function reference(venue: VenueId, events: readonly StoredEvent[]) {
  const cards = (LEDGER[venue] ?? []).map((c) => ({ reservationNo: c.reservationNo, shipmentId: SHIPMENT }));
  const r = reconcile(cards, events);
  const { holds: _holds, ...figures } = r.total;
  return { figures: figures as Figures, breakers: r.breakers };
}

/** HQ's figures for every venue are the reference over exactly the events delivered; no alerts. */
function assertFigures(c: WardConsolidation, played: Played, delivered: ReadonlySet<string>) {
  assert.deepEqual(c.alerts, []);
  const total: Record<string, number> = {};
  for (const v of c.venues) {
    const events = STATIONS.filter((s) => s.venue === v.venue).flatMap((s) =>
      played.events[s.stationId]!.filter((e) => delivered.has(e.id)),
    );
    const ref = reference(v.venue, events);
    assert.deepEqual(v.figures, ref.figures, `${v.venue} figures`);
    assert.deepEqual(v.breakers, ref.breakers, `${v.venue} breakers`);
    for (const [k, x] of Object.entries(ref.figures)) total[k] = (total[k] ?? 0) + x;
  }
  assert.deepEqual(c.total, total);
}

/** HQ's file bookkeeping per station: how many, the highest, and exactly the numbers missing below it. */
function assertStations(c: WardConsolidation, played: Played, deliveredFiles: ReadonlySet<number>) {
  for (const spec of STATIONS) {
    const venue = c.venues.find((v) => v.venue === spec.venue)!;
    const seqs = played.files.flatMap((f, i) => (f.stationId === spec.stationId && deliveredFiles.has(i) ? [f.seq] : []));
    const top = Math.max(0, ...seqs);
    const gaps = Array.from({ length: Math.max(0, top - 1) }, (_, i) => i + 1).filter((s) => !seqs.includes(s));
    const st = venue.stations.find((s) => s.stationId === spec.stationId)!;
    assert.deepEqual(
      { files: st.files, lastSeq: st.lastSeq, gaps: st.gaps },
      { files: seqs.length, lastSeq: top || null, gaps },
      spec.stationId,
    );
    const claim = venue.claims.find((k) => k.stationId === spec.stationId);
    assert.equal(claim?.seq ?? 0, top, `${spec.stationId}: the claim checked is the latest file's`);
    // Every file up to the latest held: HQ holds every event that claim covered.
    if (claim && gaps.length === 0) assert.deepEqual(claim.differences, [], `${spec.stationId} claim`);
  }
}

function checkEverythingDelivered(world: HistoryWorld, run: Run): void {
  const played = playHistory(world, run.history);
  assert.deepEqual(new Set(run.deliveries), new Set(played.files.keys()), 'every file delivered');
  // Every file's events new to HQ and none already held (deliver), and HQ holding each station's log exactly:
  // so the files split each log without overlap or omission, and no copy counted anything twice.
  const clock = deliver(world, played, run.deliveries);
  assert.deepEqual(
    hqEvents(world),
    STATIONS.flatMap((s) => played.events[s.stationId]!)
      .sort(byStationAndSeq)
      .map(comparable),
  );

  const c = consolidate(world.hq.db, { asOf: tokyoDate(clock.now()) });
  assertFigures(c, played, new Set(STATIONS.flatMap((s) => played.events[s.stationId]!.map((e) => e.id))));
  assertStations(c, played, new Set(played.files.keys()));
  checkVenueTruth(c, played);
  for (const spec of STATIONS) {
    const claim = c.venues.find((v) => v.venue === spec.venue)!.claims.find((k) => k.stationId === spec.stationId)!;
    // What the station claimed is what its counter did, and HQ's recomputation agrees with both.
    assert.deepEqual(claim.claimed, played.did[spec.stationId]!.claim, `${spec.stationId} claimed`);
    assert.deepEqual(claim.recomputed, claim.claimed);
  }
  // Handed over offline at both stations of a venue and not undone at either: HQ names exactly those cards.
  for (const v of c.venues) {
    const here = STATIONS.filter((s) => s.venue === v.venue);
    const twice = (LEDGER[v.venue] ?? []).flatMap(({ reservationNo }) => {
      const at = here
        .filter((s) => played.did[s.stationId]!.handed.has(reservationNo))
        .map((s) => s.stationId)
        .sort();
      return at.length > 1 ? [{ reservationNo, stations: at }] : [];
    });
    assert.deepEqual(v.conflicts, twice, `${v.venue} conflicts`);
  }
}

function checkSomeDelivered(world: HistoryWorld, run: Run): void {
  const played = playHistory(world, run.history);
  const clock = deliver(world, played, run.deliveries);
  const deliveredFiles = new Set(run.deliveries);
  const delivered = new Set([...deliveredFiles].flatMap((i) => eventIdsOf(world, played.files[i]!)));
  assert.deepEqual(
    hqEvents(world),
    STATIONS.flatMap((s) => played.events[s.stationId]!.filter((e) => delivered.has(e.id)))
      .sort(byStationAndSeq)
      .map(comparable),
  );
  const c = consolidate(world.hq.db, { asOf: tokyoDate(clock.now()) });
  assertFigures(c, played, delivered);
  assertStations(c, played, deliveredFiles);
}

/**
 * The venue's figures that do not depend on how receipts at two stations combine, from what the stations did.
 * When station B hands a card over, then station A (offline, not knowing) hands it over too and undoes its own,
 * B's handover still stands: the fold keeps every standing handover (it once kept one, and A's undo cleared B's).
 */
function checkVenueTruth(c: WardConsolidation, played: Played): void {
  for (const v of c.venues) {
    const did = STATIONS.filter((s) => s.venue === v.venue).map((s) => played.did[s.stationId]!);
    const union = (pick: (d: (typeof did)[number]) => ReadonlySet<string>) => new Set(did.flatMap((d) => [...pick(d)])).size;
    const { handedOver, returned, damaged, refusals } = v.figures;
    assert.deepEqual(
      { handedOver, returned, damaged, refusals },
      {
        handedOver: union((d) => d.handed),
        returned: union((d) => d.returned),
        damaged: union((d) => d.damaged),
        refusals: did.reduce((n, d) => n + d.refusals, 0),
      },
      `${v.venue}: a card handed over at some station and not undone there is handed over`,
    );
  }
}

// Runs per property. A run plays a whole random history through the real services (exports sealed and signed,
// ~30 ms each): 500 and 200 runs cover the histories' shapes (up to 30 steps, three stations, clock offsets,
// shuffles, copies, replays) many times over; more runs for a deeper check: MADOGUCHI_PROPERTY_SCALE=4.
const SCALE = Number(process.env.MADOGUCHI_PROPERTY_SCALE ?? 1);
const ALL_RUNS = Math.max(1, Math.round(500 * SCALE));
const SOME_RUNS = Math.max(1, Math.round(200 * SCALE));

describe('sync property: HQ counts every station event exactly once', () => {
  // Each run also checks that a card handed over at one station is handed over at HQ, whatever its sibling did
  // (checkVenueTruth): it once had a test of its own, 300 runs playing the same kind of histories again.
  test(`all files, shuffled, duplicated and replayed: HQ equals the histories and what the stations did (${ALL_RUNS} runs)`, (t) => {
    const world = historyWorld(t, { outboxes: 'memory' });
    const started = performance.now();
    fc.assert(
      fc.property(runArb(false), (run) => inRolledBackWorld(world, () => checkEverythingDelivered(world, run))),
      { numRuns: ALL_RUNS },
    );
    t.diagnostic(`${ALL_RUNS} runs in ${Math.round(performance.now() - started)} ms`);
  });

  test(`some files missing: HQ counts exactly what it holds and names the gaps (${SOME_RUNS} runs)`, (t) => {
    const world = historyWorld(t, { outboxes: 'memory' });
    const started = performance.now();
    fc.assert(
      fc.property(runArb(true), (run) => inRolledBackWorld(world, () => checkSomeDelivered(world, run))),
      { numRuns: SOME_RUNS },
    );
    t.diagnostic(`${SOME_RUNS} runs in ${Math.round(performance.now() - started)} ms`);
  });

  test('the same with every write committed, in new worlds: the rolled-back runs hide nothing', () => {
    fc.assert(
      fc.property(runArb(false), (run) => {
        const cleanups: (() => void)[] = [];
        try {
          checkEverythingDelivered(historyWorld({ after: (fn) => void cleanups.push(fn) }, { outboxes: 'disk' }), run);
        } finally {
          for (const fn of cleanups.reverse()) fn();
        }
      }),
      { numRuns: 5 },
    );
  });
});
