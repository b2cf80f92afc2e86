// A receipt check as a lead really runs it: a misread is not a card (nothing recorded), a 余剰 scanned by
// mistake is taken back out before the close (an event; nothing deleted), and the discrepancy report then
// counts only real cards.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { cards, importTestLedger, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { readEvents, appendEvent } from '../db/event-log';
import type { StoredEvent } from '../../shared/events/event';
import { renderDocument } from '../print/documents';
import { closeReceiptCheck, openReceiptCheck, receiptCheckView, removeUnexpected, scanForReceipt } from './receipt-check';

const keys = testKeys();
const clock = fixedClock('2026-11-21T00:30:00Z');
const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };

function setUp(t: TestContext) {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const ctx = { store, clock };
  const box = cards(1, 3);
  importTestLedger(store, keys, 'S1', box, { clock, elsewhere: [{ reservationNo: 'SGO-000001', venue: 'sogo' }] });
  importTestLedger(store, keys, 'S2', cards(100, 2), { clock });
  const opened = openReceiptCheck(ctx, lead, 'S1');
  assert.ok(opened.ok);
  const { checkId } = opened.value;
  const scan = (code: string) => {
    const r = scanForReceipt(ctx, lead, checkId, 'S1', code);
    assert.ok(r.ok);
    return r.value;
  };
  const print = () => {
    const doc = renderDocument(
      { ctx, staff: lead, fontCssHref: null, printedAt: '2026-11-21T01:00:00Z' },
      { document: 'discrepancy', checkId, shipmentId: 'S1' },
    );
    assert.ok(doc.ok);
    return doc.value.html;
  };
  return { store, ctx, box, checkId, scan, print };
}

test('a misread during a receipt check is said so and leaves no trace', (t) => {
  const { store, ctx, checkId, scan } = setUp(t);
  const before = readEvents(store.db).length;
  for (const code of ['XX-1', '12J95-625423', '', '\u0002ABC\u0003'])
    assert.equal(scan(code).kind, 'malformed', `${JSON.stringify(code)} is not a reservation number`);
  assert.equal(readEvents(store.db).length, before, 'nothing recorded');
  assert.deepEqual(receiptCheckView(ctx, checkId, 'S1').unexpected, [], 'and nothing to give a reason for');
});

test('a 余剰 scanned by mistake is removed before the close: absent from the closed check and the report, kept in the log', (t) => {
  const { store, ctx, box, checkId, scan, print } = setUp(t);
  for (const c of box) assert.equal(scan(c.reservationNo).kind, 'received');
  const otherShipment = cards(100, 1)[0]!.reservationNo;
  assert.equal(scan(otherShipment).kind, 'other-shipment');
  assert.equal(scan(otherShipment).kind, 'other-shipment');
  assert.equal(scan('SGO-000001').kind, 'other-venue');
  assert.deepEqual(
    receiptCheckView(ctx, checkId, 'S1').unexpected.map((u) => u.code),
    [otherShipment, 'SGO-000001'],
    'a card scanned twice is one 余剰',
  );

  assert.equal(removeUnexpected(ctx, clerk, checkId, 'S1', otherShipment).ok, false, 'a clerk cannot');
  const unknown = removeUnexpected(ctx, lead, checkId, 'S1', box[0]!.reservationNo);
  assert.ok(!unknown.ok && unknown.error.code === 'not-found', 'only a 余剰 of this check can be removed');
  const removed = removeUnexpected(ctx, lead, checkId, 'S1', otherShipment);
  assert.ok(removed.ok);
  assert.deepEqual(
    removed.value.unexpected.map((u) => u.code),
    ['SGO-000001'],
  );
  assert.equal(readEvents(store.db, 'receipt.unexpected').length, 3, 'the scans stay in the log');
  assert.equal(readEvents(store.db, 'receipt.unexpected-removed').length, 1);

  // Scanned again after removal, it is back; removed again, gone.
  assert.equal(scan(otherShipment).kind, 'other-shipment');
  assert.equal(receiptCheckView(ctx, checkId, 'S1').unexpected.length, 2);
  assert.ok(removeUnexpected(ctx, lead, checkId, 'S1', otherShipment).ok);

  const closed = closeReceiptCheck(ctx, lead, checkId, 'S1', [
    { code: 'SGO-000001', kind: 'unexpected', reason: '誤配送', memo: '' },
    { code: otherShipment, kind: 'unexpected', reason: 'その他', memo: 'stale reason from the screen' },
  ]);
  assert.ok(closed.ok);
  const [event] = readEvents(store.db, 'receipt.check-closed') as StoredEvent<'receipt.check-closed'>[];
  assert.deepEqual(
    event!.payload.differences.map((d) => d.code),
    ['SGO-000001'],
    'the removed card is not in the closed check',
  );
  assert.equal(removeUnexpected(ctx, lead, checkId, 'S1', 'SGO-000001').ok, false, 'not after the close');

  const html = print();
  assert.ok(!html.includes(otherShipment), 'nor on the report');
  assert.match(html, /余剰<\/div><div class="v">1件/);
});

test('a misread a former version kept as 余剰 is left off the printed report', (t) => {
  const { store, ctx, box, checkId, scan, print } = setUp(t);
  for (const c of box) scan(c.reservationNo);
  store.db.transaction(() =>
    appendEvent(store.db, clock, {
      stationId: store.stationId,
      actor: 'lead:lead1',
      kind: 'receipt.unexpected',
      payload: { checkId, shipmentId: 'S1', code: 'XX-1', kind: 'malformed' },
    }),
  )();
  assert.ok(closeReceiptCheck(ctx, lead, checkId, 'S1', [{ code: 'XX-1', kind: 'unexpected', reason: 'その他', memo: '' }]).ok);
  const html = print();
  assert.ok(!html.includes('XX-1'));
  assert.match(html, /余剰<\/div><div class="v">0件/);
  assert.ok(html.includes('差異はありません'));
});
