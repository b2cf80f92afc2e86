// HQ's record of the ledgers it built: all of a shipment or nothing, a card shipped once, rows as printed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createDataFolder, type HqStore } from '../store/data-folder';
import { cards, card, tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { checkShipmentIsNew, hqLedgerRows, hqLedgers, recordBuiltLedgers } from './hq-ledgers';
import { readEvents } from '../db/event-log';

function hqStore(t: { after(fn: () => void): void }): HqStore {
  const store = createDataFolder(join(tempDir(t), 'hq'), 'hq', randomBytes(12).toString('hex'), 'hq-test01').store as HqStore;
  t.after(() => store.close());
  return store;
}
const count = (store: HqStore, table: string) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const sha = (c: string) => c.repeat(64);

describe('recordBuiltLedgers', () => {
  test('records each venue ledger with its rows and one event each; lists newest first; rows print per venue', (t) => {
    const store = hqStore(t);
    const clock = manualClock('2026-11-20T00:00:00Z');
    const ctx = { store, clock };
    const r1 = recordBuiltLedgers(ctx, 'cli', 'S1', '2026-11-20T00:00:00.000Z', [
      { venue: 'toyosu', fileSha256: sha('a'), cards: cards(1, 3) },
      { venue: 'sogo', fileSha256: sha('b'), cards: [card(10, { town: '大島', chome: 3 })] },
    ]);
    assert.deepEqual(r1, { ok: true, value: { cards: 4 } });
    recordBuiltLedgers(ctx, 'cli', 'S2', '2026-11-21T00:00:00.000Z', [{ venue: 'honchosha', fileSha256: sha('c'), cards: cards(20, 2) }]);
    assert.deepEqual(
      hqLedgers(store.db).map((l) => `${l.shipmentId}/${l.venue}/${l.rowCount}`),
      ['S2/honchosha/2', 'S1/sogo/1', 'S1/toyosu/3'],
    );
    assert.deepEqual(
      hqLedgerRows(store.db, 'S1', 'toyosu')!
        .map((r) => r.reservationNo)
        .sort(),
      cards(1, 3).map((c) => c.reservationNo),
    );
    assert.deepEqual(
      hqLedgerRows(store.db, 'S1', 'sogo')!.map((r) => [r.name, r.town, r.chome]),
      [[card(10).name, '大島', 3]],
    );
    assert.equal(hqLedgerRows(store.db, 'S1', 'honchosha'), null, 'no such ledger');
    const built = readEvents(store.db, 'hq.ledger-built');
    assert.deepEqual(
      built.map((e) => [e.stationId, e.actor, (e.payload as { venue: string }).venue]),
      [
        ['hq-test01', 'cli', 'toyosu'],
        ['hq-test01', 'cli', 'sogo'],
        ['hq-test01', 'cli', 'honchosha'],
      ],
    );
  });

  test('the same shipment id again is refused and nothing changes', (t) => {
    const store = hqStore(t);
    const ctx = { store, clock: manualClock('2026-11-20T00:00:00Z') };
    recordBuiltLedgers(ctx, 'cli', 'S1', 't', [{ venue: 'toyosu', fileSha256: sha('a'), cards: cards(1, 3) }]);
    const again = recordBuiltLedgers(ctx, 'cli', 'S1', 't', [{ venue: 'sogo', fileSha256: sha('d'), cards: cards(100, 2) }]);
    assert.ok(!again.ok && again.error.code === 'shipment-exists');
    assert.match(again.error.message, /S1/);
    assert.deepEqual([count(store, 'hq_ledgers'), count(store, 'hq_cards'), count(store, 'events')], [1, 3, 1]);
  });

  test('a card already shipped is refused, listed with its shipment and venue, and nothing of the new shipment is kept', (t) => {
    const store = hqStore(t);
    const ctx = { store, clock: manualClock('2026-11-20T00:00:00Z') };
    recordBuiltLedgers(ctx, 'cli', 'S1', 't', [{ venue: 'toyosu', fileSha256: sha('a'), cards: cards(1, 3) }]);
    const ledgers = [
      { venue: 'sogo' as const, fileSha256: sha('e'), cards: cards(50, 4) },
      { venue: 'honchosha' as const, fileSha256: sha('f'), cards: [card(60), card(2)] },
    ];
    const pre = checkShipmentIsNew(store.db, 'S2', ledgers);
    const r = recordBuiltLedgers(ctx, 'cli', 'S2', 't', ledgers);
    assert.deepEqual(pre, r, 'the check before writing files says what the record would');
    assert.ok(!r.ok && r.error.code === 'already-shipped');
    assert.deepEqual(r.error.code === 'already-shipped' && r.error.cards, [
      { reservationNo: card(2).reservationNo, shipmentId: 'S1', venue: 'toyosu' },
    ]);
    assert.deepEqual([count(store, 'hq_ledgers'), count(store, 'hq_cards'), count(store, 'events')], [1, 3, 1]);
  });
});
