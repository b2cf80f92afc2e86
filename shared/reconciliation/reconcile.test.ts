import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { reconcile, type ReconCard, type ReconEvent } from './reconcile';

// Random venue histories as actions; a deliberately simple model applies each action to plain per-card
// flags, and the same actions become timestamped events at random stations, shuffled before reconciling.
type Action =
  | { t: 'receive-shipment'; s: number }
  | { t: 'receive-card' | 'unreceive-card' | 'handover' | 'undo' | 'refuse' | 'damage' | 'return'; c: number };

const SHIPMENTS = 3;
const CARDS = 12;
const cards: ReconCard[] = Array.from({ length: CARDS }, (_, i) => ({ reservationNo: `AAA-${String(i).padStart(6, '0')}`, shipmentId: `S${i % SHIPMENTS}` }));

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('receive-shipment' as const), s: fc.nat(SHIPMENTS - 1) }),
  fc.record({ t: fc.constantFrom('receive-card', 'unreceive-card', 'handover', 'undo', 'refuse', 'damage', 'return') as fc.Arbitrary<'handover'>, c: fc.nat(CARDS - 1) }),
);

interface Flags { received: boolean; handed: boolean; returned: boolean; damaged: boolean; refusals: number; handoverId: string | null }

function run(actions: readonly Action[], validOnly: boolean, stations: readonly string[]) {
  const flags = cards.map((): Flags => ({ received: false, handed: false, returned: false, damaged: false, refusals: 0, handoverId: null }));
  const events: ReconEvent[] = [];
  let clock = Date.UTC(2026, 10, 20, 0, 0, 0);
  let n = 0;
  let tick = 0;
  const emit = (kind: string, subject: string | null, payload: unknown) => {
    // Several events often share a clock reading (a fixed or coarse clock): only the sequence orders them.
    // Events at one reading come from one station, as they would: across stations the clock orders.
    if (n % 3 !== 0) {
      clock += 60_000 * 7;
      tick++;
    }
    const id = (n++).toString(16).padStart(32, '0');
    events.push({ id, kind, stationId: stations[tick % stations.length]!, seq: n, clientTime: new Date(clock).toISOString(), subject, payload });
    return id;
  };
  for (const a of actions) {
    if (a.t === 'receive-shipment') {
      emit('receipt.confirmed', null, { shipmentId: `S${a.s}`, cards: 0 });
      cards.forEach((c, i) => c.shipmentId === `S${a.s}` && (flags[i]!.received = true));
      continue;
    }
    const f = flags[a.c]!;
    const no = cards[a.c]!.reservationNo;
    const usable = f.received && !f.handed && !f.returned;
    switch (a.t) {
      case 'receive-card': emit('receipt.card-received', no, { reservationNo: no, checkId: 'c' }); f.received = true; break;
      case 'unreceive-card':
        if (validOnly && (f.handed || f.returned)) break;
        emit('receipt.corrected', no, { reservationNo: no, received: false, reason: 'x' }); f.received = false; break;
      case 'handover':
        if (validOnly ? !usable : f.handed) break;
        f.handoverId = emit('handover.recorded', no, { reservationNo: no }); f.handed = true; break;
      case 'undo':
        if (!f.handed) break;
        emit('handover.undone', no, { reservationNo: no, handoverEventId: f.handoverId, reason: 'x' }); f.handed = false; f.handoverId = null; break;
      case 'refuse':
        if (validOnly && !usable) break;
        emit('handover.refused', no, { reservationNo: no, reason: 'x' }); f.refusals++; break;
      case 'damage': emit('card.damaged', no, { reservationNo: no, reason: 'x' }); f.damaged = true; break;
      case 'return':
        if (validOnly ? !usable : f.returned) break;
        emit('card.returned', no, { reservationNo: no, batchId: 'b', reason: 'x' }); f.returned = true; break;
    }
  }
  return { flags, events };
}

function modelCounts(flags: readonly Flags[]) {
  const count = (p: (f: Flags) => boolean) => flags.filter(p).length;
  return {
    shipped: flags.length,
    received: count((f) => f.received),
    notReceived: count((f) => !f.received),
    handedOver: count((f) => f.handed),
    outstanding: count((f) => f.received && !f.handed && !f.returned),
    returned: count((f) => f.returned),
    refusals: flags.reduce((s, f) => s + f.refusals, 0),
    damaged: count((f) => f.damaged),
  };
}

describe('reconciliation from the event log', () => {
  test('property: any valid history, in any delivery order, gives the model counts and the invariants hold', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), fc.constantFrom(['st-a'], ['st-a', 'st-b', 'st-c']), fc.integer(), (actions, stations, seed) => {
        const { flags, events } = run(actions, true, stations);
        const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), { numRuns: 1, seed })[0]!;
        const r = reconcile(cards, shuffled);
        const { holds, ...counts } = r.total;
        assert.deepEqual(counts, modelCounts(flags));
        assert.equal(holds, true);
        assert.deepEqual(r.breakers, []);
        assert.equal(r.shipments.reduce((s, x) => s + x.handedOver, 0), counts.handedOver);
        assert.equal(r.byDayAndStation.reduce((s, d) => s + d.handedOver, 0), counts.handedOver, 'per-day figures add up to the total');
      }),
      { numRuns: 1000 },
    );
  });

  test('property: in any history, exactly the cards the model finds inconsistent are listed as breaking the invariant', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const { flags, events } = run(actions, false, ['st-a', 'st-b']);
        const r = reconcile(cards, events);
        const expected = flags.flatMap((f, i) => {
          const no = cards[i]!.reservationNo;
          const out: string[] = [];
          if (f.handed && !f.received) out.push(`${no}:handed-over-not-received`);
          if (f.returned && !f.received) out.push(`${no}:returned-not-received`);
          if (f.handed && f.returned) out.push(`${no}:handed-over-and-returned`);
          return out;
        });
        assert.deepEqual(r.breakers.map((b) => `${b.reservationNo}:${b.reason}`).sort(), expected.sort());
        assert.equal(r.total.holds, expected.length === 0);
      }),
      { numRuns: 1000 },
    );
  });

  test('an event about a card not in any ledger is listed, not counted', () => {
    const r = reconcile(cards, [{ id: '1', kind: 'handover.recorded', stationId: 's', seq: 1, clientTime: '2026-11-20T00:00:00Z', subject: 'ZZZ-999999', payload: {} }]);
    assert.deepEqual(r.breakers, [{ reservationNo: 'ZZZ-999999', reason: 'not-in-ledger' }]);
    assert.equal(r.total.handedOver, 0);
    assert.equal(r.total.holds, false);
  });
});
