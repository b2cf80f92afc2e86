import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cards, importTestLedger, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { closeReceiptCheck, openReceiptCheck, receiptCheckView, scanForReceipt } from './receipt-check';
import { counterStatus, decideScan } from '../counter/counter-service';
import { venueReconciliation } from '../reconciliation/reconciliation';

const keys = testKeys();
const clock = fixedClock('2026-11-21T00:30:00Z');
const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };

test('a receipt check with one missing and one unexpected card: reasons recorded, counts show them, the counter follows', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const ctx = { store, clock };
  const box = cards(1, 5);
  importTestLedger(store, keys, 'S1', box, { clock, elsewhere: [{ reservationNo: 'SGO-000001', venue: 'sogo' }] });
  importTestLedger(store, keys, 'S2', cards(100, 2), { clock });

  assert.equal(openReceiptCheck(ctx, clerk, 'S1').ok, false, 'clerks cannot run a receipt check');
  const opened = openReceiptCheck(ctx, lead, 'S1');
  assert.ok(opened.ok);
  const { checkId } = opened.value;
  const scan = (code: string) => {
    const r = scanForReceipt(ctx, lead, checkId, 'S1', code);
    assert.ok(r.ok);
    return r.value.kind;
  };
  for (const c of box.slice(0, 4)) assert.equal(scan(c.reservationNo.toLowerCase()), 'received');
  assert.equal(scan(box[0]!.reservationNo), 'already-scanned');
  assert.equal(scan('SGO-000001'), 'other-venue');
  assert.equal(scan(cards(100, 1)[0]!.reservationNo), 'other-shipment');

  const view = receiptCheckView(ctx, checkId, 'S1');
  assert.deepEqual([view.shipped, view.scanned, view.missing], [5, 4, [box[4]!.reservationNo]]);
  assert.deepEqual(
    view.unexpected.map((u) => u.kind),
    ['other-venue', 'other-shipment'],
  );

  // The counter already follows the scans: scanned cards can be handed over, the missing one cannot.
  assert.equal(decideScan(ctx, clerk, box[0]!.reservationNo).kind, 'ok');
  // While the check is open, the missing card's box is not checked yet, and the counter says so.
  assert.deepEqual(decideScan(ctx, clerk, box[4]!.reservationNo), {
    kind: 'not-received',
    reservationNo: box[4]!.reservationNo,
    shipmentId: 'S1',
    because: 'shipment-unconfirmed',
  });
  assert.equal(counterStatus(ctx).outstandingAtVenue, 4);

  const partial = closeReceiptCheck(ctx, lead, checkId, 'S1', [{ code: box[4]!.reservationNo, kind: 'missing', reason: '未着', memo: '' }]);
  assert.ok(!partial.ok);
  assert.equal(partial.error.code, 'reasons-missing');
  const closed = closeReceiptCheck(ctx, lead, checkId, 'S1', [
    { code: box[4]!.reservationNo, kind: 'missing', reason: '未着', memo: '' },
    { code: 'SGO-000001', kind: 'unexpected', reason: '誤配送', memo: '総合区民センターへ転送' },
    { code: cards(100, 1)[0]!.reservationNo, kind: 'unexpected', reason: 'その他', memo: '次の箱の分' },
  ]);
  assert.ok(closed.ok);
  assert.equal(scanForReceipt(ctx, lead, checkId, 'S1', box[4]!.reservationNo).ok, false, 'a closed check takes no more scans');
  // Closed with it missing (未着), the card did not arrive: not a box still waiting for its check.
  const missing = decideScan(ctx, clerk, box[4]!.reservationNo);
  assert.equal(missing.kind === 'not-received' && missing.because, 'card-missing');

  const report = venueReconciliation(store);
  const s1 = report.shipments.find((s) => s.shipmentId === 'S1')!;
  assert.deepEqual([s1.shipped, s1.received, s1.notReceived, s1.outstanding, s1.holds], [5, 4, 1, 4, true]);
});

test('a receipt check stopped and opened again goes on where it was: its scans are not asked for again as 不足', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const ctx = { store, clock };
  const box = cards(1, 4);
  importTestLedger(store, keys, 'S1', box, { clock });
  const first = openReceiptCheck(ctx, lead, 'S1');
  assert.ok(first.ok);
  for (const c of box.slice(0, 2)) assert.ok(scanForReceipt(ctx, lead, first.value.checkId, 'S1', c.reservationNo).ok);
  assert.ok(scanForReceipt(ctx, lead, first.value.checkId, 'S1', 'SGO-000009').ok, 'a 余剰 too');

  // 中断して窓口に戻る, then スキャンで受領確認 again.
  const again = openReceiptCheck(ctx, lead, 'S1');
  assert.ok(again.ok);
  assert.equal(again.value.checkId, first.value.checkId, 'the same check');
  const view = receiptCheckView(ctx, again.value.checkId, 'S1');
  assert.deepEqual([view.scanned, view.missing], [2, box.slice(2).map((c) => c.reservationNo)]);
  assert.equal(view.unexpected.length, 1);

  // Once closed, the next check of the box is a new one.
  for (const c of box.slice(2)) assert.ok(scanForReceipt(ctx, lead, again.value.checkId, 'S1', c.reservationNo).ok);
  const closed = closeReceiptCheck(ctx, lead, again.value.checkId, 'S1', [
    { kind: 'unexpected', code: 'SGO-000009', reason: '誤配送', memo: '' },
  ]);
  assert.ok(closed.ok, closed.ok ? '' : closed.error.message);
  const next = openReceiptCheck(ctx, lead, 'S1');
  assert.ok(next.ok);
  assert.notEqual(next.value.checkId, first.value.checkId);
});
