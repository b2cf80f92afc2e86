// One meaning per event: the counter's state of a card and the reconciliation's count of it come from the same
// rule (shared/reconciliation/card-flags.ts). Named regressions of disagreements found from outside, and a
// property over random receipt histories.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importLedger } from '../ledger/import-ledger';
import { card, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { confirmShipmentReceipt, counterStatus, decideScan, recordHandover, searchCards } from '../counter/counter-service';
import { readCardStates } from '../counter/card-state';
import { correctReceipt, markDamaged, overdueCards, recordReturnBatch } from './corrections';
import { venueReconciliation, forgetReconciliation } from './reconciliation';
import { appendEvent } from '../db/event-log';
import { reconcile } from '../../shared/reconciliation/reconcile';

const keys = testKeys();
const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };

function venue(t: { after(fn: () => void): void }, n = 3) {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  let at = Date.parse('2026-11-25T01:00:00Z');
  const clock = { now: () => new Date((at += 1000)) };
  const list = Array.from({ length: n }, (_, i) => card(i + 1));
  assert.ok(importLedger({ store, clock: fixedClock('2026-11-25T00:00:00Z'), actor: 'lead:lead1' }, ledgerBytes(keys, 'toyosu', 'S1', list), { venueKey: keys.venues.toyosu, hqKey: keys.hq }).ok);
  return { ctx: { store, clock }, list };
}

test('regression: a card corrected as not received before its box is confirmed stays not received everywhere', (t) => {
  const { ctx, list } = venue(t);
  const missing = list[1]!.reservationNo;
  assert.ok(correctReceipt(ctx, lead, missing, false, '箱に入っていなかった').ok);
  assert.ok(confirmShipmentReceipt(ctx, lead, 'S1').ok);
  assert.equal(decideScan(ctx, clerk, missing).kind, 'not-received', 'the counter refuses it');
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
  assert.equal(searchCards(ctx, clerk, { prefix: broken.kana.slice(0, 2), birthDate: broken.birthDate }).hits.find((h) => h.reservationNo === broken.reservationNo)?.state, 'damaged');
  const total = venueReconciliation(ctx.store).total;
  assert.deepEqual([total.received, total.outstanding, total.damaged, total.handedOver, total.holds], [3, 3, 1, 0, true]);
  // It waits on the shelf until it goes back to HQ, like any card past its deadline.
  assert.ok(recordReturnBatch(ctx, lead, [broken.reservationNo], '破損のため返戻').ok);
  assert.equal(decideScan(ctx, clerk, broken.reservationNo).kind, 'returned');
  assert.equal(overdueCards(ctx).some((c) => c.reservationNo === broken.reservationNo), false);
  // Damaged and not at the venue after all: not received comes first, and it cannot be "returned" from here.
  const other = list[1]!.reservationNo;
  assert.ok(markDamaged(ctx, lead, other, '券面に傷').ok);
  assert.ok(correctReceipt(ctx, lead, other, false, '届いていなかった').ok);
  assert.equal(decideScan(ctx, clerk, other).kind, 'not-received');
  assert.equal(recordReturnBatch(ctx, lead, [other], '破損のため返戻').ok, false);
  assert.ok(venueReconciliation(ctx.store).total.holds);
});

test('property: over random receipt histories the counter, the kept fold and a fresh replay agree on every card', (t) => {
  const { ctx, list } = venue(t, 4);
  const nos = list.map((c) => c.reservationNo);
  const step = fc.oneof(
    fc.record({ kind: fc.constant('receipt.confirmed' as const) }),
    fc.record({ kind: fc.constant('receipt.card-received' as const), card: fc.nat({ max: 3 }) }),
    fc.record({ kind: fc.constant('receipt.corrected' as const), card: fc.nat({ max: 3 }), received: fc.boolean() }),
  );
  // Each history is appended to a fresh log: one store per run would be slow, so the runs share one store and
  // each is checked on the cards it touched after it (the log only grows, as at a venue).
  fc.assert(
    fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
      ctx.store.db.transaction(() => {
        for (const s of steps) {
          const actor = 'lead:lead1';
          const stationId = ctx.store.stationId;
          if (s.kind === 'receipt.confirmed') appendEvent(ctx.store.db, ctx.clock, { stationId, actor, kind: s.kind, payload: { shipmentId: 'S1', cards: nos.length } });
          else if (s.kind === 'receipt.card-received') appendEvent(ctx.store.db, ctx.clock, { stationId, actor, kind: s.kind, payload: { reservationNo: nos[s.card]!, checkId: 'c1' }, subject: nos[s.card]! });
          else appendEvent(ctx.store.db, ctx.clock, { stationId, actor, kind: s.kind, payload: { reservationNo: nos[s.card]!, received: s.received, reason: '確認' }, subject: nos[s.card]! });
        }
      })();
      const counter = readCardStates(ctx.store.db, nos).map((c) => c.kind === 'outstanding');
      const kept = venueReconciliation(ctx.store);
      const events = ctx.store.db.prepare('SELECT id, kind, station_id AS stationId, seq, client_time AS clientTime, subject, payload FROM events ORDER BY client_time, station_id, seq').all() as { payload: string }[];
      const fresh = reconcile(list.map((c) => ({ reservationNo: c.reservationNo, shipmentId: 'S1' })), events.map((e) => ({ ...(e as object), payload: JSON.parse(e.payload) }) as never));
      assert.equal(kept.total.received, counter.filter(Boolean).length, 'kept fold vs counter');
      assert.equal(fresh.total.received, counter.filter(Boolean).length, 'fresh replay vs counter');
      assert.equal(counterStatus(ctx).outstandingAtVenue, kept.total.outstanding, 'status strip vs fold');
      assert.ok(kept.total.holds);
    }),
    { numRuns: 60 },
  );
});
