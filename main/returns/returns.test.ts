// 返戻番号: a return batch is known to people by the day it was recorded and its place that day (20261125-1),
// derived from the log, never by its internal random id; and a number once given never changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, importTestLedger, tempDir, testKeys, testStore } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { appendEvent } from '../db/event-log';
import { recordReturnBatch, returnBatches } from './returns';

const keys = testKeys();
const lead = { staffId: 'lead1', displayName: '会場　責任者', role: 'lead' as const };

test('each batch is numbered by its day and its place that day; a sibling’s batch arriving later renumbers nothing', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  // 01:00 UTC is 10:00 in Tokyo; 16:00 UTC is already the next day there.
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = [1, 2, 3, 4, 5].map((i) => card(i, { shippedOn: '2026-06-01' }));
  importTestLedger(store, keys, 'S1', list, { clock });
  assert.ok(confirmShipmentReceipt({ store, clock }, lead, 'S1').ok);
  const ctx = { store, clock };
  const record = (i: number) => {
    const r = recordReturnBatch(ctx, lead, [list[i]!.reservationNo], '受取期限切れ');
    assert.ok(r.ok, JSON.stringify(r));
    return r.value;
  };

  const first = record(0);
  assert.equal(first.number, '20261125-1', 'the lead is told the number at once');
  assert.match(first.batchId, /^rt-[0-9a-f]{12}$/, 'the internal id stays the key');
  clock.advance(60 * 60_000);
  assert.equal(record(1).number, '20261125-2');
  clock.advance(15 * 60 * 60_000);
  assert.equal(record(2).number, '20261126-1', 'a new Tokyo day starts again at 1');
  const before = new Map(returnBatches(ctx).map((b) => [b.batchId, b.number]));

  // A sibling station's batch of the first day, recorded earlier than ours and taken in only now.
  store.db.transaction(() =>
    appendEvent(store.db, manualClock('2026-11-25T00:30:00Z'), {
      stationId: 'toyosu-sibling1',
      actor: 'lead:lead2',
      kind: 'card.returned',
      payload: { reservationNo: list[3]!.reservationNo, batchId: 'rt-00000000000a', reason: '破損' },
      subject: list[3]!.reservationNo,
    }),
  )();
  const after = returnBatches(ctx);
  for (const [id, number] of before) assert.equal(after.find((b) => b.batchId === id)?.number, number, 'numbers never change');
  const sibling = after.find((b) => b.batchId === 'rt-00000000000a')!;
  // Numbered by its own station, which the screens and the list name beside the number.
  assert.deepEqual([sibling.number, sibling.stationName], ['20261125-1', '豊洲シビックセンター toyosu-sibling1']);
  assert.deepEqual(
    after.map((b) => b.number),
    ['20261126-1', '20261125-2', '20261125-1', '20261125-1'],
    'newest first',
  );
  assert.equal(returnBatches(ctx, first.batchId)[0]?.number, '20261125-1', 'one batch asked for by its id keeps its number');
});
