import { test } from 'node:test';
import assert from 'node:assert/strict';
import { card, importTestLedger, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { counterStatus, decideScan, recordHandover, undoHandover } from '../counter/counter-service';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { correctReceipt, markDamaged, withdrawDamage } from './corrections';
import { overdueCards, recordReturnBatch } from '../returns/returns';
import { venueReconciliation } from '../reconciliation/reconciliation';

const keys = testKeys();
const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };
const license = { path: 'self' as const, documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' as const };

function venue(t: { after(fn: () => void): void }, today: string) {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const clock = fixedClock(`${today}T01:00:00Z`);
  const list = [
    card(1, { shippedOn: '2026-06-01' }),
    card(2, { shippedOn: '2026-06-01' }),
    card(3, { shippedOn: '2026-06-01' }),
    card(4, { shippedOn: '2026-11-01' }),
  ];
  importTestLedger(store, keys, 'S1', list, { clock });
  assert.ok(confirmShipmentReceipt({ store, clock }, lead, 'S1').ok);
  return { ctx: { store, clock }, list };
}

test('returns to HQ: overdue outstanding cards (90 days after the notice), one batch, all or none; the counter refuses them', (t) => {
  const { ctx, list } = venue(t, '2026-09-15');
  assert.ok(recordHandover(ctx, clerk, list[0]!.reservationNo, license).ok);
  const overdue = overdueCards(ctx);
  assert.deepEqual(
    overdue.map((o) => [o.reservationNo, o.deadline]),
    [
      [list[1]!.reservationNo, '2026-08-30'],
      [list[2]!.reservationNo, '2026-08-30'],
    ],
  );
  assert.equal(recordReturnBatch(ctx, clerk, [list[1]!.reservationNo], '期限切れ').ok, false, 'clerks cannot');
  const mixed = recordReturnBatch(ctx, lead, [list[1]!.reservationNo, list[0]!.reservationNo], '期限切れ');
  assert.ok(!mixed.ok);
  assert.equal(mixed.error.code, 'not-outstanding');
  assert.equal(overdueCards(ctx).length, 2, 'a refused batch records nothing');
  const batch = recordReturnBatch(
    ctx,
    lead,
    overdue.map((o) => o.reservationNo),
    '受取期限切れ',
  );
  assert.ok(batch.ok);
  assert.equal(batch.value.cards, 2);
  assert.deepEqual(overdueCards(ctx), []);
  assert.equal(decideScan(ctx, clerk, list[1]!.reservationNo).kind, 'returned');
  const r = recordHandover(ctx, clerk, list[1]!.reservationNo, license);
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'returned');
  const total = venueReconciliation(ctx.store).total;
  assert.deepEqual([total.received, total.handedOver, total.outstanding, total.returned, total.holds], [4, 1, 1, 2, true]);
  assert.equal(counterStatus(ctx).outstandingAtVenue, 1);
});

test('corrections need a reason and a lead: damaged, and a receipt recorded by mistake', (t) => {
  const { ctx, list } = venue(t, '2026-11-25');
  assert.equal(markDamaged(ctx, lead, list[3]!.reservationNo, ' ').ok, false);
  assert.equal(markDamaged(ctx, clerk, list[3]!.reservationNo, '券面に傷').ok, false);
  assert.ok(markDamaged(ctx, lead, list[3]!.reservationNo, '券面に傷').ok);
  assert.ok(correctReceipt(ctx, lead, list[2]!.reservationNo, false, '箱に入っていなかった').ok);
  assert.equal(decideScan(ctx, clerk, list[2]!.reservationNo).kind, 'not-received');
  assert.ok(recordHandover(ctx, clerk, list[0]!.reservationNo, license).ok);
  const refused = correctReceipt(ctx, lead, list[0]!.reservationNo, false, '誤り');
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'handed-over');
  assert.ok(undoHandover(ctx, lead, list[0]!.reservationNo, '誤り').ok);
  const total = venueReconciliation(ctx.store).total;
  assert.deepEqual([total.received, total.notReceived, total.damaged, total.outstanding, total.holds], [3, 1, 1, 3, true]);
});

test('a damage record made in error is withdrawn by a lead with a reason: the card can be handed over again, and counts as such', (t) => {
  const { ctx, list } = venue(t, '2026-11-25');
  const no = list[3]!.reservationNo;
  assert.equal(withdrawDamage(ctx, lead, no, '破損ではなかった').ok, false, 'a card not recorded damaged has nothing to withdraw');
  assert.ok(markDamaged(ctx, lead, no, '券面に傷').ok);
  assert.equal(decideScan(ctx, clerk, no).kind, 'damaged');
  assert.equal(venueReconciliation(ctx.store).total.damaged, 1);

  const byClerk = withdrawDamage(ctx, clerk, no, '見間違い');
  assert.ok(!byClerk.ok && byClerk.error.code === 'forbidden');
  const noReason = withdrawDamage(ctx, lead, no, '  ');
  assert.ok(!noReason.ok && noReason.error.code === 'no-reason');
  assert.ok(withdrawDamage(ctx, lead, no, '汚れだった（拭いたら取れた）').ok);
  assert.equal(decideScan(ctx, clerk, no).kind, 'ok', 'the counter serves it again');
  assert.equal(venueReconciliation(ctx.store).total.damaged, 0);
  assert.ok(recordHandover(ctx, clerk, no, license).ok);
  const again = withdrawDamage(ctx, lead, no, '二度目');
  assert.ok(!again.ok && again.error.code === 'not-damaged', 'withdrawn once; the card is handed over now');
  assert.equal(ctx.store.db.prepare("SELECT count(*) FROM events WHERE kind LIKE 'card.damage%'").pluck().get(), 2, 'both records stay');
});
