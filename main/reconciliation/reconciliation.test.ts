import { tokyoDayEnd } from '../../shared/tokyo-date';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importLedger } from '../ledger/import-ledger';
import { appendEvent, readEvents } from '../db/event-log';
import { cards, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { reconcile } from '../../shared/reconciliation/reconcile';
import type { EventKind, EventPayload } from '../../shared/events/event';
import type { VenueStore } from '../store/data-folder';
import { forgetReconciliation, venueReconciliation } from './reconciliation';

const keys = testKeys();
const idCheck = { path: 'self' as const, documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' as const };

/**
 * The plain way, with nothing kept between calls: every event read back and validated, filtered by parsed time;
 * the cards of the ledgers whose import event falls before the day's end.
 */
function fromScratch(store: VenueStore, asOf?: string) {
  const end = asOf ? Date.parse(tokyoDayEnd(asOf)) : Infinity;
  const events = readEvents(store.db).filter((e) => Date.parse(e.clientTime) < end);
  const imported = new Set(events.flatMap((e) => (e.kind === 'ledger.imported' ? [(e.payload as { shipmentId: string }).shipmentId] : [])));
  const ledger = store.db.prepare('SELECT reservation_no AS reservationNo, shipment_id AS shipmentId FROM ledger_cards').all() as {
    reservationNo: string;
    shipmentId: string;
  }[];
  const r = reconcile(
    ledger.filter((c) => imported.has(c.shipmentId)),
    events,
  );
  return { ...r, byDayAndStation: asOf ? r.byDayAndStation.filter((d) => d.date === asOf) : r.byDayAndStation };
}

function assertSame(store: VenueStore, asOf?: string) {
  const { venue: _venue, asOf: _asOf, ...kept } = venueReconciliation(store, asOf ? { asOf } : {});
  assert.deepEqual(kept, fromScratch(store, asOf), asOf ? `as of ${asOf}` : 'now');
}

test('the kept reconciliation always equals one computed from scratch: new events, an older event merged late, a new shipment, past days', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const clock = manualClock('2026-11-25T00:00:00Z'); // 09:00 in Tokyo
  const append = <K extends EventKind>(kind: K, payload: EventPayload<K>, subject: string | null, stationId = store.stationId) =>
    store.db.transaction(() => appendEvent(store.db, clock, { stationId, actor: 'lead:l', kind, payload, subject }))();
  const list = cards(1, 8);
  const no = (i: number) => list[i]!.reservationNo;
  assert.ok(
    importLedger({ store, clock, actor: 'lead:l' }, ledgerBytes(keys, 'toyosu', 'S1', list), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  assertSame(store);
  append('receipt.confirmed', { shipmentId: 'S1', cards: list.length }, null);
  assertSame(store);

  const handovers: string[] = [];
  for (let i = 0; i < 4; i++) {
    clock.advance(20 * 60_000);
    handovers.push(append('handover.recorded', { reservationNo: no(i), idCheck }, no(i)).id);
    assertSame(store);
  }
  append('handover.refused', { reservationNo: no(5), reason: '書類不足' }, no(5));
  append('handover.undone', { reservationNo: no(1), handoverEventId: handovers[1]!, reason: '誤り' }, no(1));
  append('receipt.corrected', { reservationNo: no(6), received: false, reason: '未着' }, no(6));
  append('card.damaged', { reservationNo: no(7), reason: '破損' }, no(7));
  append('card.returned', { reservationNo: no(7), batchId: 'b1', reason: '期限切れ' }, no(7));
  assertSame(store);
  assert.equal(venueReconciliation(store).total.handedOver, 3);

  // Another station's events merged later, timed before those already counted (08:30 in Tokyo).
  const now = clock.now().getTime();
  clock.advance(Date.parse('2026-11-24T23:30:00Z') - now);
  append('handover.recorded', { reservationNo: no(4), idCheck }, no(4), 'toyosu-other');
  append('receipt.corrected', { reservationNo: no(6), received: true, reason: '到着' }, no(6), 'toyosu-other');
  clock.advance(now - clock.now().getTime());
  assertSame(store);
  assert.equal(venueReconciliation(store).total.handedOver, 4);

  // A second shipment arrives: a new ledger.
  const more = cards(100, 3);
  assert.ok(
    importLedger({ store, clock, actor: 'lead:l' }, ledgerBytes(keys, 'toyosu', 'S2', more), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  assertSame(store);
  assert.equal(venueReconciliation(store).total.shipped, 11);

  // The next day: today's figures and the day before's, as it stood at its end.
  clock.advance(24 * 3600_000);
  append('receipt.card-received', { reservationNo: more[0]!.reservationNo, checkId: 'c1' }, more[0]!.reservationNo);
  append('handover.recorded', { reservationNo: more[0]!.reservationNo, idCheck }, more[0]!.reservationNo);
  // A third ledger arrives that day: it was not at the venue the day before.
  assert.ok(
    importLedger({ store, clock, actor: 'lead:l' }, ledgerBytes(keys, 'toyosu', 'S3', cards(200, 2)), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  const days = [undefined, '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];
  for (const asOf of days) assertSame(store, asOf);
  // And with nothing kept yet (the station just unlocked), whichever day is asked first.
  for (const asOf of days) {
    forgetReconciliation(store);
    assertSame(store, asOf);
  }
  assert.equal(venueReconciliation(store, { asOf: '2026-11-25' }).total.handedOver, 4);
  assert.equal(venueReconciliation(store, { asOf: '2026-11-26' }).total.handedOver, 5);
  assert.deepEqual(
    ['2026-11-24', '2026-11-25', '2026-11-26'].map((asOf) => venueReconciliation(store, { asOf }).total.shipped),
    [0, 11, 13],
    'shipped as each day ended: before any ledger, two ledgers, three',
  );
});

test('per half hour of the Tokyo day: handovers land in their slot, and an undo takes its handover off that slot', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const clock = manualClock('2026-11-25T00:29:59Z'); // 09:29:59 in Tokyo: slot 18
  const list = cards(1, 3);
  assert.ok(
    importLedger({ store, clock, actor: 'lead:l' }, ledgerBytes(keys, 'toyosu', 'S1', list), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  const append = <K extends EventKind>(kind: K, payload: EventPayload<K>, subject: string | null) =>
    store.db.transaction(() => appendEvent(store.db, clock, { stationId: store.stationId, actor: 'lead:l', kind, payload, subject }))();
  append('receipt.confirmed', { shipmentId: 'S1', cards: 3 }, null);
  const first = append('handover.recorded', { reservationNo: list[0]!.reservationNo, idCheck }, list[0]!.reservationNo);
  clock.advance(1000); // 09:30:00: slot 19
  append('handover.recorded', { reservationNo: list[1]!.reservationNo, idCheck }, list[1]!.reservationNo);
  append('handover.recorded', { reservationNo: list[2]!.reservationNo, idCheck }, list[2]!.reservationNo);
  const slots = () => venueReconciliation(store, { asOf: '2026-11-25' }).byDayAndStation[0]!.halfHours;
  assert.deepEqual([slots()[18], slots()[19]], [1, 2]);
  clock.advance(3 * 3600_000); // the undo at 12:30 takes it off 09:00–09:30
  append('handover.undone', { reservationNo: list[0]!.reservationNo, handoverEventId: first.id, reason: '誤り' }, list[0]!.reservationNo);
  assert.deepEqual(
    slots(),
    new Array(48).fill(0).map((_, i) => (i === 19 ? 2 : 0)),
  );
});

test('a card number holding a control character is still reported by name', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const clock = manualClock('2026-11-25T00:00:00Z');
  const list = cards(1, 2);
  assert.ok(
    importLedger({ store, clock, actor: 'lead:l' }, ledgerBytes(keys, 'toyosu', 'S1', list), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  assertSame(store);
  store.db.transaction(() =>
    appendEvent(store.db, clock, {
      stationId: store.stationId,
      actor: 'x',
      kind: 'handover.recorded',
      payload: { reservationNo: list[0]!.reservationNo, idCheck },
      subject: 'AB\x1fC',
    }),
  )();
  assertSame(store);
  assert.deepEqual(venueReconciliation(store).breakers, [{ reservationNo: 'AB\x1fC', reason: 'not-in-ledger' }]);
});
