// The one card fold, over whole random histories: receipts before and after the box is confirmed, per-card and
// box receipts, corrections both ways, damage (and its withdrawal), handovers and their undos, refusals and returns, 余剰
// scans in another shipment's receipt check and their removal (which change no card), from two
// stations whose events reach this log in any order (a sibling's sync file merged late). The counter's state of
// every card must equal reconciliation's classification of it, the kept fold must equal a fresh replay, and
// the figures must hold exactly when no card breaks them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importLedger } from '../ledger/import-ledger';
import { card, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { counterStatus } from '../counter/counter-service';
import { readCardStates } from '../counter/card-state';
import { venueCardKinds, venueReconciliation, forgetReconciliation } from './reconciliation';
import { reconcile, type ReconEvent } from '../../shared/reconciliation/reconcile';

const keys = testKeys();
const CARDS = 3;
const STATIONS = ['toyosu-desk01', 'toyosu-desk02'];

const cardNo = fc.nat({ max: CARDS - 1 });
const step = fc.oneof(
  fc.record({ kind: fc.constant('receipt.confirmed' as const) }),
  fc.record({ kind: fc.constant('receipt.card-received' as const), card: cardNo }),
  fc.record({ kind: fc.constant('receipt.corrected' as const), card: cardNo, received: fc.boolean() }),
  fc.record({ kind: fc.constant('card.damaged' as const), card: cardNo }),
  fc.record({ kind: fc.constant('card.damage-withdrawn' as const), card: cardNo }),
  fc.record({ kind: fc.constant('card.returned' as const), card: cardNo }),
  fc.record({ kind: fc.constant('handover.recorded' as const), card: cardNo }),
  fc.record({ kind: fc.constant('handover.refused' as const), card: cardNo }),
  // A card scanned as 余剰 in another shipment's receipt check, and taken back out of it: about the check only.
  fc.record({ kind: fc.constant('receipt.unexpected' as const), card: cardNo }),
  fc.record({ kind: fc.constant('receipt.unexpected-removed' as const), card: cardNo }),
  // Undoes the n-th handover so far (mod their number): possibly one from the other station, possibly undone already.
  fc.record({ kind: fc.constant('handover.undone' as const), handover: fc.nat({ max: 5 }) }),
);
const timed = fc.record({ step, station: fc.nat({ max: STATIONS.length - 1 }), minutes: fc.nat({ max: 600 }) });
type Timed = typeof timed extends fc.Arbitrary<infer T> ? T : never;

interface Row {
  id: string;
  station_id: string;
  seq: number;
  client_time: string;
  actor: string;
  kind: string;
  payload: Record<string, unknown>;
  subject: string | null;
}

/** A history as the log would hold it: each station's events in its own sequence, times never going back. */
function toRows(history: Timed[], nos: readonly string[]): Row[] {
  const seq = STATIONS.map(() => 0);
  const last = STATIONS.map(() => 0);
  const handovers: Row[] = [];
  const rows: Row[] = [];
  for (const { step: s, station, minutes } of history) {
    const t = (last[station] = Math.max(last[station]!, Date.parse('2026-11-25T00:00:00Z') + minutes * 60_000));
    const base = {
      id: randomBytes(16).toString('hex'),
      station_id: STATIONS[station]!,
      seq: ++seq[station]!,
      client_time: new Date(t).toISOString(),
      actor: 'lead:lead1',
    };
    const no = 'card' in s ? nos[s.card]! : null;
    let row: Row | undefined;
    switch (s.kind) {
      case 'receipt.confirmed':
        row = { ...base, kind: s.kind, payload: { shipmentId: 'S1', cards: CARDS }, subject: null };
        break;
      case 'receipt.card-received':
        row = { ...base, kind: s.kind, payload: { reservationNo: no, checkId: 'c1' }, subject: no };
        break;
      case 'receipt.corrected':
        row = { ...base, kind: s.kind, payload: { reservationNo: no, received: s.received, reason: '確認' }, subject: no };
        break;
      case 'card.damaged':
      case 'card.damage-withdrawn':
        row = { ...base, kind: s.kind, payload: { reservationNo: no, reason: '傷' }, subject: no };
        break;
      case 'card.returned':
        row = { ...base, kind: s.kind, payload: { reservationNo: no, batchId: 'b1', reason: '期限' }, subject: no };
        break;
      case 'handover.recorded':
        row = {
          ...base,
          kind: s.kind,
          payload: { reservationNo: no, idCheck: { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' } },
          subject: no,
        };
        handovers.push(row);
        break;
      case 'handover.refused':
        row = { ...base, kind: s.kind, payload: { reservationNo: no, reason: '書類不足' }, subject: no };
        break;
      case 'receipt.unexpected':
        row = { ...base, kind: s.kind, payload: { checkId: 'c2', shipmentId: 'S2', code: no, kind: 'other-shipment' }, subject: null };
        break;
      case 'receipt.unexpected-removed':
        row = { ...base, kind: s.kind, payload: { checkId: 'c2', shipmentId: 'S2', code: no }, subject: null };
        break;
      case 'handover.undone': {
        const h = handovers[s.handover % Math.max(1, handovers.length)];
        if (!h) continue;
        row = { ...base, kind: s.kind, payload: { reservationNo: h.subject, handoverEventId: h.id, reason: '誤操作' }, subject: h.subject };
        break;
      }
    }
    if (row) rows.push(row);
  }
  return rows;
}

test('property: over whole histories merged in any order, the counter, the kept fold and a fresh replay agree on every card', (t) => {
  const list = Array.from({ length: CARDS }, (_, i) => card(i + 1));
  const nos = list.map((c) => c.reservationNo);
  const ledger = ledgerBytes(keys, 'toyosu', 'S1', list);
  const root = tempDir(t);
  let run = 0;
  fc.assert(
    fc.property(
      fc.array(timed, { maxLength: 14 }),
      fc.array(fc.nat(), { maxLength: 14 }),
      fc.nat({ max: 14 }),
      (history, shuffle, split) => {
        const dir = join(root, String(run++));
        mkdirSync(dir);
        const store = testStore(dir, 'toyosu');
        try {
          assert.ok(
            importLedger({ store, clock: fixedClock('2026-11-24T00:00:00Z'), actor: 'lead:lead1' }, ledger, {
              venueKey: keys.venues.toyosu,
              hqKey: keys.hq,
            }).ok,
          );
          const rows = toRows(history, nos);
          // The log receives the rows in a shuffled order, in two batches with a screen refresh between (so the
          // kept fold sees an older event arrive after newer ones, as when a sibling's file is merged late).
          const order = rows
            .map((r, i) => ({ r, k: shuffle[i] ?? i }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.r);
          const insert = store.db.prepare(
            'INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          );
          const append = (batch: Row[]) =>
            store.db.transaction(() =>
              batch.forEach((r) =>
                insert.run(r.id, r.station_id, r.seq, r.client_time, r.actor, r.kind, JSON.stringify(r.payload), r.subject),
              ),
            )();
          append(order.slice(0, split));
          venueReconciliation(store);
          append(order.slice(split));

          const counter = readCardStates(store.db, nos).map((s) => s.kind);
          const kept = venueCardKinds(store);
          assert.deepEqual(
            kept.map((c) => c.kind),
            counter,
            'the counter and reconciliation classify every card the same',
          );
          const keptResult = venueReconciliation(store);
          const events: ReconEvent[] = rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            stationId: r.station_id,
            seq: r.seq,
            clientTime: r.client_time,
            subject: r.subject,
            payload: r.payload,
          }));
          const fresh = reconcile(
            list.map((c) => ({ reservationNo: c.reservationNo, shipmentId: 'S1' })),
            events,
          );
          const checkOnly = new Set(['receipt.unexpected', 'receipt.unexpected-removed']);
          assert.deepEqual(
            reconcile(
              list.map((c) => ({ reservationNo: c.reservationNo, shipmentId: 'S1' })),
              events.filter((e) => !checkOnly.has(e.kind)),
            ),
            fresh,
            'a 余剰 scan in another check, or its removal, changes no card and no figure',
          );
          const { venue: _v, asOf: _a, ...keptFigures } = keptResult;
          assert.deepEqual(keptFigures, fresh, 'the kept fold (fed in two batches, out of order) equals a fresh replay');
          forgetReconciliation(store);
          assert.deepEqual(venueReconciliation(store).total, fresh.total, 'a cold replay of the store equals it too');

          const c = fresh.total;
          assert.equal(c.shipped, c.received + c.notReceived);
          assert.equal(
            c.holds,
            c.received === c.handedOver + c.outstanding + c.returned && fresh.breakers.length === 0,
            'the figures hold exactly when no card breaks them',
          );
          assert.equal(
            c.outstanding,
            counter.filter((k) => k === 'outstanding' || k === 'damaged').length,
            '交付待ち is every received card on the shelf, damaged ones included',
          );
          assert.equal(c.handedOver, counter.filter((k) => k === 'handed-over').length);
          assert.equal(
            counterStatus({ store, clock: fixedClock('2026-11-25T12:00:00Z') }).outstandingAtVenue,
            c.outstanding,
            'the status strip says the same',
          );
        } finally {
          store.close();
        }
      },
    ),
    { numRuns: 80 },
  );
});
