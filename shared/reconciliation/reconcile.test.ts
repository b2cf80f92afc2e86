import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { orderEvents, reconcile, ReconciliationFold, type ReconCard, type ReconEvent } from './reconcile';

// Random venue histories as actions; a deliberately simple model applies each action to plain per-card
// flags, and the same actions become timestamped events at random stations, shuffled before reconciling.
type Action =
  | { t: 'receive-shipment'; s: number }
  | { t: 'receive-card' | 'unreceive-card' | 'handover' | 'undo' | 'refuse' | 'damage' | 'return'; c: number };

const SHIPMENTS = 3;
const CARDS = 12;
const cards: ReconCard[] = Array.from({ length: CARDS }, (_, i) => ({
  reservationNo: `AAA-${String(i).padStart(6, '0')}`,
  shipmentId: `S${i % SHIPMENTS}`,
}));

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant('receive-shipment' as const), s: fc.nat(SHIPMENTS - 1) }),
  fc.record({
    t: fc.constantFrom('receive-card', 'unreceive-card', 'handover', 'undo', 'refuse', 'damage', 'return') as fc.Arbitrary<'handover'>,
    c: fc.nat(CARDS - 1),
  }),
);

/** `own`: the card's own latest receipt word (scanned or corrected), which wins over its box's confirmation. */
interface Flags {
  received: boolean;
  own: boolean | null;
  handed: boolean;
  returned: boolean;
  damaged: boolean;
  refusals: number;
  handoverId: string | null;
  slot: string | null;
}

/** The model's half-hour slot: Tokyo is UTC+9; "date|station", then minutes since Tokyo midnight / 30. */
function slotKey(ms: number, station: string): { key: string; half: number } {
  const tokyo = ms + 9 * 3600_000;
  const minutes = Math.floor((tokyo % 86_400_000) / 60_000);
  return { key: `${new Date(tokyo - (tokyo % 86_400_000)).toISOString().slice(0, 10)}|${station}`, half: Math.floor(minutes / 30) };
}

// `startMinute` moves the first event through the day, so histories cross Tokyo midnight (15:00 UTC) too.
function run(actions: readonly Action[], validOnly: boolean, stations: readonly string[], startMinute = 0) {
  const flags = cards.map((): Flags => ({
    received: false,
    own: null,
    handed: false,
    returned: false,
    damaged: false,
    refusals: 0,
    handoverId: null,
    slot: null,
  }));
  const events: ReconEvent[] = [];
  /** Net handovers per "date|station" and half hour, as the model counts them. */
  const slots = new Map<string, number[]>();
  const bump = (slot: string, by: number) => {
    const [key, half] = slot.split('#') as [string, string];
    if (!slots.has(key)) slots.set(key, new Array<number>(48).fill(0));
    slots.get(key)![Number(half)]! += by;
  };
  let clock = Date.UTC(2026, 10, 20, 0, 0, 0) + startMinute * 60_000;
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
    events.push({
      id,
      kind,
      stationId: stations[tick % stations.length]!,
      seq: n,
      clientTime: new Date(clock).toISOString(),
      subject,
      payload,
    });
    return id;
  };
  for (const a of actions) {
    if (a.t === 'receive-shipment') {
      emit('receipt.confirmed', null, { shipmentId: `S${a.s}`, cards: 0 });
      cards.forEach((c, i) => c.shipmentId === `S${a.s}` && flags[i]!.own === null && (flags[i]!.received = true));
      continue;
    }
    const f = flags[a.c]!;
    const no = cards[a.c]!.reservationNo;
    const usable = f.received && !f.handed && !f.returned;
    switch (a.t) {
      case 'receive-card':
        emit('receipt.card-received', no, { reservationNo: no, checkId: 'c' });
        f.received = f.own = true;
        break;
      case 'unreceive-card':
        if (validOnly && (f.handed || f.returned)) break;
        emit('receipt.corrected', no, { reservationNo: no, received: false, reason: 'x' });
        f.received = f.own = false;
        break;
      case 'handover': {
        if (validOnly ? !usable : f.handed) break;
        f.handoverId = emit('handover.recorded', no, { reservationNo: no });
        f.handed = true;
        const at = events.at(-1)!;
        const { key, half } = slotKey(Date.parse(at.clientTime), at.stationId);
        f.slot = `${key}#${half}`;
        bump(f.slot, 1);
        break;
      }
      case 'undo':
        if (!f.handed) break;
        emit('handover.undone', no, { reservationNo: no, handoverEventId: f.handoverId, reason: 'x' });
        f.handed = false;
        f.handoverId = null;
        bump(f.slot!, -1); // off the original handover's day, station and half hour
        f.slot = null;
        break;
      case 'refuse':
        if (validOnly && !usable) break;
        emit('handover.refused', no, { reservationNo: no, reason: 'x' });
        f.refusals++;
        break;
      case 'damage':
        emit('card.damaged', no, { reservationNo: no, reason: 'x' });
        f.damaged = true;
        break;
      case 'return':
        if (validOnly ? !usable : f.returned) break;
        emit('card.returned', no, { reservationNo: no, batchId: 'b', reason: 'x' });
        f.returned = true;
        break;
    }
  }
  return { flags, events, slots };
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
      fc.property(
        fc.array(action, { maxLength: 80 }),
        fc.constantFrom(['st-a'], ['st-a', 'st-b', 'st-c']),
        fc.integer(),
        fc.nat(1439),
        (actions, stations, seed, start) => {
          const { flags, events, slots } = run(actions, true, stations, start);
          const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), {
            numRuns: 1,
            seed,
          })[0]!;
          const r = reconcile(cards, shuffled);
          const { holds, ...counts } = r.total;
          assert.deepEqual(counts, modelCounts(flags));
          assert.equal(holds, true);
          assert.deepEqual(r.breakers, []);
          assert.equal(
            r.shipments.reduce((s, x) => s + x.handedOver, 0),
            counts.handedOver,
          );
          assert.equal(
            r.byDayAndStation.reduce((s, d) => s + d.handedOver, 0),
            counts.handedOver,
            'per-day figures add up to the total',
          );
          for (const d of r.byDayAndStation) {
            assert.equal(d.halfHours.length, 48);
            assert.equal(
              d.halfHours.reduce((s, n) => s + n, 0),
              d.handedOver,
              'the half hours add up to the day',
            );
          }
          // Every day and station the model counted handovers for, slot by slot (a day with only refusals has all zeros).
          const got = new Map(r.byDayAndStation.map((d) => [`${d.date}|${d.stationId}`, d.halfHours]));
          for (const key of new Set([...got.keys(), ...slots.keys()])) {
            assert.deepEqual(got.get(key) ?? new Array(48).fill(0), slots.get(key) ?? new Array(48).fill(0), key);
          }
        },
      ),
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

  test('property: a fold fed the log in batches, replayed when a batch brings an older event, equals reconciling the whole log', () => {
    // Delivery as stations merge: mostly in time order, some events late by a few places or a lot.
    const delay = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(40) });
    let applied = 0;
    let replays = 0;
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 80 }),
        fc.boolean(),
        fc.nat(1439),
        fc.array(delay, { minLength: 1 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1 }),
        (actions, validOnly, start, delays, sizes) => {
          const { events } = run(actions, validOnly, ['st-a', 'st-b', 'st-c'], start);
          const arrival = events
            .map((e, i) => ({ e, at: i + delays[i % delays.length]! }))
            .sort((a, b) => a.at - b.at)
            .map((x) => x.e);
          let fold = new ReconciliationFold(cards);
          const seen: ReconEvent[] = [];
          for (let i = 0, b = 0; i < arrival.length; b++) {
            const batch = arrival.slice(i, (i += sizes[b % sizes.length]!));
            seen.push(...batch);
            const before = fold.result();
            if (!fold.apply(orderEvents(batch))) {
              assert.deepEqual(fold.result(), before, 'a refused batch changes nothing');
              replays++;
              fold = new ReconciliationFold(cards);
              assert.ok(fold.apply(orderEvents(seen)), 'a replay in order is always accepted');
            } else applied++;
            assert.deepEqual(fold.result(), reconcile(cards, seen));
          }
        },
      ),
      { numRuns: 500 },
    );
    assert.ok(applied > 0 && replays > 0, 'both paths were taken');
  });

  test("an undo takes the handover off its own day, station and half hour, not the undo's", () => {
    const at = (clientTime: string, stationId: string, seq: number, kind: string, payload: unknown): ReconEvent => ({
      id: `${stationId}-${seq}`,
      kind,
      stationId,
      seq,
      clientTime,
      subject: cards[0]!.reservationNo,
      payload,
    });
    const r = reconcile(cards, [
      at('2026-11-20T14:45:00.000Z', 'st-a', 1, 'handover.recorded', {}), // 23:45 in Tokyo: slot 47 of the 20th
      at('2026-11-20T15:10:00.000Z', 'st-b', 1, 'handover.undone', { handoverEventId: 'st-a-1' }), // 00:10 on the 21st
      at('2026-11-20T15:20:00.000Z', 'st-b', 2, 'handover.recorded', {}),
    ]);
    const zeros = new Array<number>(48).fill(0);
    assert.deepEqual(r.byDayAndStation, [
      { date: '2026-11-20', stationId: 'st-a', handedOver: 0, refusals: 0, halfHours: zeros },
      { date: '2026-11-21', stationId: 'st-b', handedOver: 1, refusals: 0, halfHours: zeros.map((_, i) => (i === 0 ? 1 : 0)) },
    ]);
  });

  test('two stations hand the same card over unaware of each other: an undo at one leaves the other standing', () => {
    const at = (clientTime: string, stationId: string, seq: number, kind: string, payload: unknown): ReconEvent => ({
      id: `${stationId}-${seq}`,
      kind,
      stationId,
      seq,
      clientTime,
      subject: cards[0]!.reservationNo,
      payload,
    });
    const events = [
      at('2026-11-20T01:00:00.000Z', 'st-b', 1, 'handover.recorded', {}),
      at('2026-11-20T02:00:00.000Z', 'st-a', 1, 'handover.recorded', {}),
      at('2026-11-20T03:00:00.000Z', 'st-a', 2, 'handover.undone', { handoverEventId: 'st-a-1' }),
    ];
    const r = reconcile(cards, events);
    assert.equal(r.total.handedOver, 1, 'st-b’s handover stands');
    assert.deepEqual(
      r.byDayAndStation.map((d) => [d.stationId, d.handedOver]),
      [
        ['st-a', 0],
        ['st-b', 1],
      ],
    );
    const fold = new ReconciliationFold(cards);
    fold.apply(events);
    assert.ok(!fold.outstandingCards().includes(cards[0]!.reservationNo));
    // Undoing st-b's too leaves the card on the shelf again.
    const both = reconcile(cards, [...events, at('2026-11-20T04:00:00.000Z', 'st-b', 2, 'handover.undone', { handoverEventId: 'st-b-1' })]);
    assert.equal(both.total.handedOver, 0);
  });

  test('a timestamp with an offset instead of Z counts in its Tokyo day and half hour all the same', () => {
    const handover = (clientTime: string, c: number, seq: number): ReconEvent => ({
      id: String(seq),
      kind: 'handover.recorded',
      stationId: 'st-a',
      seq,
      clientTime,
      subject: cards[c]!.reservationNo,
      payload: {},
    });
    const r = reconcile(cards, [
      handover('2026-11-20T14:40:00.000Z', 0, 1),
      handover('2026-11-21T00:10:00+09:00', 1, 2),
      handover('2026-11-20T15:45:00Z', 2, 3),
    ]);
    assert.deepEqual(
      r.byDayAndStation.map((d) => [d.date, d.handedOver, d.halfHours.flatMap((n, i) => (n ? [`${i}:${n}`] : []))]),
      [
        ['2026-11-20', 1, ['47:1']],
        ['2026-11-21', 2, ['0:1', '1:1']],
      ],
    );
  });

  test('an event about a card not in any ledger is listed, not counted', () => {
    const r = reconcile(cards, [
      {
        id: '1',
        kind: 'handover.recorded',
        stationId: 's',
        seq: 1,
        clientTime: '2026-11-20T00:00:00Z',
        subject: 'ZZZ-999999',
        payload: {},
      },
    ]);
    assert.deepEqual(r.breakers, [{ reservationNo: 'ZZZ-999999', reason: 'not-in-ledger' }]);
    assert.equal(r.total.handedOver, 0);
    assert.equal(r.total.holds, false);
  });
});
