// HQ and time (issue 13): `hq report --date D` is the ward at the end of business day D, as the venue's report
// for D is; without a date, everything HQ holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { exportSyncFile } from '../sync/export';
import { createIngester } from '../sync/ingest';
import { recordHandover } from '../counter/counter-service';
import { consolidate } from './consolidation';
import { recordBuiltLedgers } from './hq-ledgers';

const clerk = { staffId: 'c1', displayName: 'c', role: 'clerk' as const };
const idCheck = { path: 'self' as const, documents: ['drivers-license'], proxy: null, surrendered: [], pin: 'pins-set' as const };
const DAY = 24 * 60 * 60_000;

test('hq report --date D counts the ward as it stood at the end of D, not the handovers of D+1', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z'); // 10:00 in Tokyo
  const w = syncWorld(t, clock, [{ venue: 'toyosu', stationId: 'toyosu-st01' }], { toyosu: cards(1, 5) });
  const store = w.stations['toyosu-st01']!;
  const list = cards(1, 5);
  assert.ok(recordHandover({ store, clock }, clerk, list[0]!.reservationNo, idCheck).ok);
  clock.advance(DAY);
  assert.ok(recordHandover({ store, clock }, clerk, list[1]!.reservationNo, idCheck).ok);
  const f = exportSyncFile({ store, clock }, join(w.dir, 'outbox', 'toyosu-st01'), { businessDate: '2026-11-26' });
  assert.ok(f.ok);
  assert.equal(createIngester({ db: w.hq.db, clock, recipient: w.inbox() }).ingest(readFileSync(f.value.path)).status, 'ingested');

  // A second shipment built on the 26th was not shipped as the 25th ended.
  const built = recordBuiltLedgers({ store: w.hq, clock }, 'test', 'S2', '2026-11-26T01:00:00.000Z', [
    { venue: 'toyosu', fileSha256: 'f'.repeat(64), cards: cards(100, 3) },
  ]);
  assert.ok(built.ok);
  const shipped = (through?: string) => consolidate(w.hq.db, { asOf: '2026-11-26', ...(through ? { through } : {}) }).total.shipped;
  const shipmentLines = (through?: string) =>
    consolidate(w.hq.db, { asOf: '2026-11-26', ...(through ? { through } : {}) }).shipments.map((s) => [s.shipmentId, s.shipped]);
  assert.deepEqual(shipmentLines('2026-11-25'), [['S1', 5]], 'the shipment lines follow the day too');
  assert.deepEqual(shipmentLines(), [
    ['S1', 5],
    ['S2', 3],
  ]);
  assert.deepEqual(
    [shipped('2026-11-24'), shipped('2026-11-25'), shipped('2026-11-26'), shipped()],
    [0, 5, 8, 8],
    'S1 was built on the 25th, S2 on the 26th',
  );

  const handedOver = (through: string) => consolidate(w.hq.db, { asOf: '2026-11-26', through }).total.handedOver;
  assert.equal(handedOver('2026-11-25'), 1, 'the 25th: the one handover of the 25th');
  assert.equal(handedOver('2026-11-26'), 2);
  assert.equal(handedOver('2026-11-24'), 0, 'before any handover');
  assert.equal(consolidate(w.hq.db, { asOf: '2026-11-25' }).total.handedOver, 2, 'without a day: everything held');
});

test('a file from a station whose clock ran a day ahead is taken in and flagged at HQ; minutes ahead are not', (t) => {
  const hqClock = manualClock('2026-11-25T01:00:00Z');
  const w = syncWorld(t, hqClock, [{ venue: 'toyosu', stationId: 'toyosu-st01' }], { toyosu: cards(1, 5) });
  const store = w.stations['toyosu-st01']!;
  const list = cards(1, 5);
  const ingest = (stationClock: ReturnType<typeof manualClock>, date: string) => {
    const f = exportSyncFile({ store, clock: stationClock }, join(w.dir, 'outbox', 'toyosu-st01'), { businessDate: date });
    assert.ok(f.ok);
    return createIngester({ db: w.hq.db, clock: hqClock, recipient: w.inbox() }).ingest(readFileSync(f.value.path));
  };

  const minutesAhead = manualClock('2026-11-25T01:10:00Z');
  assert.ok(recordHandover({ store, clock: minutesAhead }, clerk, list[0]!.reservationNo, idCheck).ok);
  const first = ingest(minutesAhead, '2026-11-25');
  assert.deepEqual(first.status === 'ingested' && first.alerts, [], 'a PC ten minutes ahead is ordinary');

  const dayAhead = manualClock('2026-11-26T01:30:00Z');
  assert.ok(recordHandover({ store, clock: dayAhead }, clerk, list[1]!.reservationNo, idCheck).ok);
  const second = ingest(dayAhead, '2026-11-26');
  assert.equal(second.status, 'ingested', 'taken in all the same: nothing recorded is dropped');
  assert.deepEqual(second.status === 'ingested' && second.alerts, ['future-dated']);
  const r = consolidate(w.hq.db, { asOf: '2026-11-25' });
  assert.equal(r.holds, false);
  assert.ok(
    r.mismatches.some((m) => /豊洲.*#2: 受け取った時刻より後の時刻の記録（端末の時計が進んでいる可能性があります）/.test(m)),
    r.mismatches.join('\n'),
  );
  assert.equal(r.total.handedOver, 2, 'its handover is counted where it was recorded');
});
