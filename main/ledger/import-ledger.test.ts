import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { importLedger } from './import-ledger';
import { card, cards, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { venueStatus } from '../store/status';
import { readEvents } from '../db/event-log';
import type { VenueStore } from '../store/data-folder';

const keys = testKeys();
const clock = fixedClock('2026-11-21T00:30:00Z');

function setup(t: { after(fn: () => void): void }) {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const run = (bytes: Uint8Array) =>
    importLedger({ store, clock, actor: 'lead:suzuki' }, bytes, { venueKey: keys.venues.toyosu, hqKey: keys.hq });
  return { store, run };
}

function snapshot(store: VenueStore) {
  return {
    cards: store.db.prepare('SELECT * FROM ledger_cards ORDER BY reservation_no').all(),
    shipments: store.db.prepare('SELECT * FROM shipments ORDER BY shipment_id').all(),
    events: store.db.prepare('SELECT * FROM events ORDER BY station_id, seq').all(),
  };
}

describe('importing a shipment ledger into a venue', () => {
  test('imports every card, records who imported it as an event, and status shows the shipment', (t) => {
    const { store, run } = setup(t);
    const list = cards(1, 50);
    const r = run(ledgerBytes(keys, 'toyosu', 'S1', list));
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.status, 'imported');
    assert.equal(r.value.rowCount, 50);
    const row = store.db
      .prepare('SELECT name, kana, town, chome, notice_type FROM ledger_cards WHERE reservation_no = ?')
      .get(list[9]!.reservationNo);
    assert.deepEqual(row, { name: list[9]!.name, kana: list[9]!.kana, town: '豊洲', chome: 5, notice_type: '再発行' });
    const events = readEvents(store.db);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.kind, 'ledger.imported');
    assert.equal(events[0]!.actor, 'lead:suzuki');
    assert.equal(events[0]!.seq, 1);
    const status = venueStatus(store);
    assert.deepEqual(
      status.shipments.map((s) => [s.shipmentId, s.rowCount, s.fileSha256]),
      [['S1', 50, r.value.fileSha256]],
    );
  });

  test('importing the same shipment twice changes nothing', (t) => {
    const { store, run } = setup(t);
    const bytes = ledgerBytes(keys, 'toyosu', 'S1', cards(1, 10));
    assert.ok(run(bytes).ok);
    const before = snapshot(store);
    const again = run(bytes);
    assert.ok(again.ok);
    assert.equal(again.value.status, 'already-imported');
    assert.deepEqual(snapshot(store), before);
  });

  test('a later shipment adds its cards; events number on', (t) => {
    const { store, run } = setup(t);
    assert.ok(run(ledgerBytes(keys, 'toyosu', 'S1', cards(1, 10))).ok);
    assert.ok(run(ledgerBytes(keys, 'toyosu', 'S2', cards(11, 5))).ok);
    assert.equal(venueStatus(store).cards, 15);
    assert.deepEqual(
      readEvents(store.db).map((e) => e.seq),
      [1, 2],
    );
  });

  test('a reservation number already imported from another shipment is a conflict: reported, nothing written', (t) => {
    const { store, run } = setup(t);
    assert.ok(run(ledgerBytes(keys, 'toyosu', 'S1', cards(1, 10))).ok);
    const before = snapshot(store);
    const clash = [...cards(100, 5), card(3, { name: '別人　花子' }), card(7)];
    const r = run(ledgerBytes(keys, 'toyosu', 'S2', clash));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'conflict');
    assert.ok(r.error.code === 'conflict');
    assert.deepEqual(
      r.error.conflicts.map((c) => [c.reservationNo, c.existingShipmentId]),
      [
        [card(3).reservationNo, 'S1'],
        [card(7).reservationNo, 'S1'],
      ],
    );
    assert.deepEqual(snapshot(store), before, 'the original cards are not overwritten and no new card was added');
  });

  test('the same shipment id with different content is refused', (t) => {
    const { store, run } = setup(t);
    assert.ok(run(ledgerBytes(keys, 'toyosu', 'S1', cards(1, 10))).ok);
    const before = snapshot(store);
    const r = run(ledgerBytes(keys, 'toyosu', 'S1', cards(1, 11)));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'shipment-changed');
    assert.deepEqual(snapshot(store), before);
  });

  test('a tampered, truncated, other-venue or wrong-key ledger writes 0 rows', (t) => {
    const { store, run } = setup(t);
    const good = ledgerBytes(keys, 'toyosu', 'S1', cards(1, 20));
    const flipped = Buffer.from(good);
    flipped[good.length - 30] = flipped[good.length - 30]! ^ 0x80;
    const cases: [string, Uint8Array][] = [
      ['bad-signature', flipped],
      ['truncated', good.subarray(0, good.length - 64)],
      ['wrong-venue', ledgerBytes(keys, 'sogo', 'S1', cards(1, 20))],
    ];
    for (const [code, bytes] of cases) {
      const r = run(bytes);
      assert.ok(!r.ok);
      assert.equal(r.error.code, code);
    }
    assert.deepEqual(snapshot(store), { cards: [], shipments: [], events: [] });
  });

  test('a venue key for another venue cannot import into this data folder', (t) => {
    const { store } = setup(t);
    const r = importLedger({ store, clock, actor: 'x' }, ledgerBytes(keys, 'sogo', 'S1', cards(1, 2)), {
      venueKey: keys.venues.sogo,
      hqKey: keys.hq,
    });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'other-venue');
    assert.match(r.error.message, /豊洲シビックセンター用/);
  });

  test('exhaustive: every single flipped byte of a small ledger is refused and writes 0 rows', (t) => {
    const { store, run } = setup(t);
    const good = ledgerBytes(keys, 'toyosu', 'S1', cards(1, 2));
    const count = store.db.prepare(
      'SELECT (SELECT count(*) FROM ledger_cards) + (SELECT count(*) FROM shipments) + (SELECT count(*) FROM events) AS n',
    );
    for (let i = 0; i < good.length; i++) {
      const bad = Buffer.from(good);
      bad[i] = bad[i]! ^ (1 << (i % 8));
      const r = run(bad);
      assert.equal(r.ok, false, `flip at byte ${i} accepted`);
      assert.equal((count.get() as { n: number }).n, 0, `flip at byte ${i} wrote something`);
    }
    assert.ok(run(good).ok, 'and the untouched file still imports');
  });
});
