// One meaning per event: the counter's state of a card and the reconciliation's count of it come from the same
// fold (shared/reconciliation/card-history.ts). Named regressions of disagreements found from outside; the
// property over whole random histories is card-history.property.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importLedger } from '../ledger/import-ledger';
import { card, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { counterStatus, decideScan, recordHandover, searchCards } from '../counter/counter-service';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { correctReceipt, markDamaged } from '../corrections/corrections';
import { overdueCards, recordReturnBatch } from '../returns/returns';
import { venueReconciliation, forgetReconciliation } from './reconciliation';

const keys = testKeys();
const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };

function venue(t: { after(fn: () => void): void }, n = 3) {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  let at = Date.parse('2026-11-25T01:00:00Z');
  const clock = { now: () => new Date((at += 1000)) };
  const list = Array.from({ length: n }, (_, i) => card(i + 1));
  assert.ok(
    importLedger({ store, clock: fixedClock('2026-11-25T00:00:00Z'), actor: 'lead:lead1' }, ledgerBytes(keys, 'toyosu', 'S1', list), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  return { ctx: { store, clock }, list };
}

test('regression: a card corrected as not received before its box is confirmed stays not received everywhere', (t) => {
  const { ctx, list } = venue(t);
  const missing = list[1]!.reservationNo;
  assert.ok(correctReceipt(ctx, lead, missing, false, '箱に入っていなかった').ok);
  assert.deepEqual(
    confirmShipmentReceipt(ctx, lead, 'S1'),
    { ok: true, value: { received: 2, missing: 1 } },
    'the lead is told what the counter will do: 2 received, 1 still not arrived (not the ledger’s 3 rows)',
  );
  assert.deepEqual(
    decideScan(ctx, clerk, missing),
    { kind: 'not-received', reservationNo: missing, shipmentId: 'S1', because: 'card-missing' },
    'the counter refuses it, and says the card itself did not arrive (not that the box is unconfirmed)',
  );
  const other = list[2]!.reservationNo;
  assert.equal((decideScan(ctx, clerk, other) as { because?: string }).because, undefined, 'the rest of the box is received');
  forgetReconciliation(ctx.store);
  const total = venueReconciliation(ctx.store).total;
  // Before: the fold let the later box confirmation override the lead's word and counted 3 received.
  assert.deepEqual([total.shipped, total.received, total.notReceived, total.outstanding, total.holds], [3, 2, 1, 2, true]);
  assert.equal(counterStatus(ctx).outstandingAtVenue, total.outstanding, 'the status strip agrees');
});

test('regression: a card recorded as damaged is refused at the counter with its own outcome, counted once, and can go back to HQ', (t) => {
  const { ctx, list } = venue(t);
  assert.ok(confirmShipmentReceipt(ctx, lead, 'S1').ok);
  const broken = list[0]!;
  assert.ok(markDamaged(ctx, lead, broken.reservationNo, '券面に傷').ok);
  // Before: the counter showed a green 交付できます and handed it over while reports counted it damaged.
  const scan = decideScan(ctx, clerk, broken.reservationNo);
  assert.equal(scan.kind, 'damaged');
  const license = { path: 'self' as const, documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' as const };
  const handover = recordHandover(ctx, clerk, broken.reservationNo, license);
  assert.ok(!handover.ok);
  assert.equal(handover.error.code, 'damaged');
  const found = searchCards(ctx, clerk, { prefix: broken.kana.slice(0, 2), birthDate: broken.birthDate });
  assert.ok(found.ok);
  assert.equal(found.value.hits.find((h) => h.reservationNo === broken.reservationNo)?.state, 'damaged');
  const total = venueReconciliation(ctx.store).total;
  assert.deepEqual([total.received, total.outstanding, total.damaged, total.handedOver, total.holds], [3, 3, 1, 0, true]);
  // It is on the return list at once, long before its collection deadline (found by a new user's trial: the
  // 返戻 page refused it as 受取期限前 although the counter says it goes back to HQ), and nothing else is.
  assert.deepEqual(
    overdueCards(ctx).map((c) => c.reservationNo),
    [broken.reservationNo],
  );
  assert.ok(recordReturnBatch(ctx, lead, [broken.reservationNo], '破損のため返戻').ok);
  assert.equal(decideScan(ctx, clerk, broken.reservationNo).kind, 'returned');
  assert.equal(
    overdueCards(ctx).some((c) => c.reservationNo === broken.reservationNo),
    false,
  );
  // Damaged and not at the venue after all: not received comes first, and it cannot be "returned" from here.
  const other = list[1]!.reservationNo;
  assert.ok(markDamaged(ctx, lead, other, '券面に傷').ok);
  assert.ok(correctReceipt(ctx, lead, other, false, '届いていなかった').ok);
  assert.equal(decideScan(ctx, clerk, other).kind, 'not-received');
  assert.equal(recordReturnBatch(ctx, lead, [other], '破損のため返戻').ok, false);
  assert.ok(venueReconciliation(ctx.store).total.holds);
});
