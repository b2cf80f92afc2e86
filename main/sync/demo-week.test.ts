// The whole daily sync over the demo world, as the ward would run it for a week: three venues, two counter
// stations at 本庁舎 that take in each other's files, every station simulating its day and publishing it, HQ
// pulling every evening. HQ's figures must equal what was simulated exactly, every station's claim must equal
// HQ's recomputation, and the 未受領 list must hold exactly the cards never collected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { createDemoWorld } from '../demo/demo-world';
import { openDataFolder, openVenueDataFolder, type HqStore, type VenueStore } from '../store/data-folder';
import { decodePrivateKeyFile } from '../crypto/key-files';
import { simulate, type SimulationSummary } from '../demo/simulate';
import { readCardStates } from '../counter/card-state';
import { consolidate } from '../hq/consolidation';
import { uncollectedCards } from '../hq/uncollected-csv';
import { addDays, tokyoInstant } from '../../shared/tokyo-date';
import { manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';
import { pullAndIngest } from './pull';
import { inboxKey } from './sync-keys';

const PASS = 'madoguchi-demo';
const DAYS = 7;

test('a week at three venues and two 本庁舎 stations: HQ’s figures equal the simulation, claims hold, 未受領 exact', async (t) => {
  const clock = manualClock('2026-11-20T00:00:00Z');
  const dir = join(tempDir(t), 'demo');
  const demo = createDemoWorld({ dir, residents: 900, seed: 5, passphrase: PASS, clock });
  const open = (d: string) => {
    const r = openVenueDataFolder(d, PASS);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const stations = demo.stations.map((s) => ({ ...s, store: open(s.dir), outbox: join(dir, 'outbox', s.stationId) }));
  const hqOpened = openDataFolder(demo.hqDataDir, PASS);
  assert.ok(hqOpened.ok);
  const hq = hqOpened.value.store as HqStore;
  t.after(() => {
    for (const s of stations) s.store.close();
    hq.close();
  });
  const venueKey = Object.fromEntries(
    VENUE_IDS.map((v) => {
      const k = decodePrivateKeyFile(readFileSync(join(demo.keysDir, `${v}.key`), 'utf8'), PASS);
      if (!k.ok) throw new Error(k.error.message);
      return [v, k.value];
    }),
  ) as Record<VenueId, ReturnType<typeof decodePrivateKeyFile> extends { ok: true; value: infer K } ? K : never>;
  const siblingsOf = (s: (typeof stations)[number]) => stations.filter((o) => o.venue === s.venue && o !== s);
  const takeSiblings = async (s: (typeof stations)[number]) => {
    const results = await pullAndIngest(
      { db: s.store.db, clock, recipient: venueKey[s.venue] },
      siblingsOf(s).map((o) => o.outbox),
    );
    for (const r of results) assert.equal(r.problem, null);
  };

  const totals = new Map<VenueId, { handedOver: number; refusals: number; returned: number }>(
    VENUE_IDS.map((v) => [v, { handedOver: 0, refusals: 0, returned: 0 }]),
  );
  for (let d = 1; d <= DAYS; d++) {
    const day = addDays('2026-11-20', d);
    // The pulls happen in the simulated week's own time (a file from HQ's future is flagged: clock-trust.test.ts).
    const at = (time: string) => clock.advance(Date.parse(tokyoInstant(day, time)) - clock.now().getTime());
    at('08:00');
    for (const [i, s] of stations.entries()) {
      // Each morning a station takes in what its siblings published (the lead's ほかの端末の記録を取り込む), so two
      // counters do not hand the same card over; its day is then closed as the lead closes it in the app, which
      // publishes it to the outbox the demo registered with HQ and the siblings (nothing here copies files about).
      await takeSiblings(s);
      const sum: SimulationSummary = await simulate(s.store, { days: 1, stations: 1, seed: d * 10 + i, startDate: day });
      assert.equal(sum.syncFiles, 1, `${s.stationId} published its day`);
      const v = totals.get(s.venue)!;
      v.handedOver += sum.handovers - sum.undos;
      v.refusals += sum.refusals;
      v.returned += sum.returned;
    }
    // Evening at HQ: every station's outbox; a second pull the same evening changes nothing.
    at('23:00');
    const results = await pullAndIngest(
      { db: hq.db, clock, recipient: inboxKey(hq.db)! },
      stations.map((s) => s.outbox),
    );
    assert.ok(
      results.every((r) => r.problem === null && r.outcomes.every((o) => o.status === 'ingested' && o.alerts.length === 0)),
      JSON.stringify(results.map((r) => r.outcomes.map((o) => o.status))),
    );
    const again = await pullAndIngest(
      { db: hq.db, clock, recipient: inboxKey(hq.db)! },
      stations.map((s) => s.outbox),
    );
    assert.ok(
      again.every((r) => r.outcomes.length === 0),
      'nothing new the second time',
    );
  }

  const lastDay = addDays('2026-11-20', DAYS);
  const report = consolidate(hq.db, { asOf: lastDay });
  assert.deepEqual(report.mismatches, []);
  for (const v of VENUE_IDS) {
    const f = report.venues.find((x) => x.venue === v)!.figures;
    const sim = totals.get(v)!;
    assert.deepEqual({ handedOver: f.handedOver, refusals: f.refusals, returned: f.returned }, sim, `${v}: HQ equals the simulation`);
    assert.ok(sim.handedOver > 20, `${v}: a real week (${sim.handedOver} handovers)`);
  }
  assert.equal(report.venues.find((v) => v.venue === 'honchosha')!.claims.length, 2);
  assert.equal(
    report.total.handedOver,
    [...totals.values()].reduce((n, x) => n + x.handedOver, 0),
  );

  // The 本庁舎 stations, having taken in each other's last files, agree card by card.
  for (const s of stations) await takeSiblings(s);
  const statesAt = (store: VenueStore) => {
    const nos = (
      store.db.prepare('SELECT reservation_no FROM ledger_cards ORDER BY reservation_no').all() as { reservation_no: string }[]
    ).map((r) => r.reservation_no);
    return readCardStates(store.db, nos).map((c, i) => [nos[i], c.kind]);
  };
  const [h1, h2] = stations.filter((s) => s.venue === 'honchosha');
  assert.deepEqual(statesAt(h1!.store), statesAt(h2!.store));

  // 未受領 after everyone's deadline: exactly the cards on a shelf or returned, as the stations themselves see them.
  const asOf = addDays(lastDay, 200);
  const listed = uncollectedCards(hq.db, { asOf, deadlineDays: 90 })
    .map((c) => `${c.venue} ${c.reservationNo} ${c.status}`)
    .sort();
  const expected = VENUE_IDS.flatMap((v) => {
    const s = stations.find((x) => x.venue === v)!;
    return statesAt(s.store).flatMap(([no, kind]) => (kind === 'outstanding' || kind === 'returned' ? [`${v} ${no} ${kind}`] : []));
  }).sort();
  assert.ok(expected.length > 0);
  assert.deepEqual(listed, expected);
});
