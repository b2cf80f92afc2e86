// Several stations at one venue: each publishes its own stream; a station takes its siblings' files (sealed to
// the venue's key) so its counter and counts are whole; a card handed over at two stations while they could not
// see each other is flagged at HQ, never merged away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siblingPair } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { decideScan, recordHandover, undoHandover } from '../counter/counter-service';
import { venueReconciliation } from '../reconciliation/reconciliation';
import { reconciliationView } from '../reconciliation/reconciliation-view';
import { cardsNamed, consolidate } from '../hq/consolidation';
import { createHqApp } from '../app/create-hq-app';
import { enrollStaff } from '../auth/staff';
import type { IdCheck } from '../../shared/counter/id-documents';
import { exportSyncFile } from './export';
import { pullAndIngest } from './pull';

const clerk = { staffId: 'clerk1', displayName: '窓口', role: 'clerk' as const };
const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };

test('a sibling’s handovers reach the other station’s counter and counts; a double handover is flagged at HQ', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 8);
  // Each station trusts the other (registered with its outbox as source).
  const { w, a, b, outbox: outboxOf } = siblingPair(t, clock, list);
  const outbox = (id: string) => outboxOf(w.stations[id]!);

  recordHandover({ store: a, clock }, clerk, list[0]!.reservationNo, idCheck);
  assert.ok(exportSyncFile({ store: a, clock }, outbox(a.stationId)).ok);
  const pulled = await pullAndIngest({ db: b.db, clock, recipient: w.venueKeys.honchosha }, [outbox(a.stationId)]);
  assert.deepEqual(
    pulled.map((p) => p.outcomes.map((o) => o.status)),
    [['ingested']],
  );
  const seen = decideScan({ store: b, clock }, clerk, list[0]!.reservationNo);
  assert.equal(seen.kind, 'already-handed-over');
  assert.equal(seen.kind === 'already-handed-over' && seen.handover.stationId, 'honchosha-st01');
  assert.equal(venueReconciliation(b).total.handedOver, 1);
  // Nothing of a station's own stream is re-published by its sibling.
  const bFile = exportSyncFile({ store: b, clock }, outbox(b.stationId));
  assert.ok(bFile.ok);

  // Offline from each other, both hand over the same card.
  recordHandover({ store: a, clock }, clerk, list[1]!.reservationNo, idCheck);
  recordHandover({ store: b, clock }, clerk, list[1]!.reservationNo, idCheck);
  for (const s of [a, b]) assert.ok(exportSyncFile({ store: s, clock }, outbox(s.stationId)).ok);
  // The lead's station sees it as soon as the sibling's file arrives: listed for the lead, not merged away.
  await pullAndIngest({ db: a.db, clock, recipient: w.venueKeys.honchosha }, [outbox(b.stationId)]);
  assert.deepEqual(reconciliationView({ store: a, clock }, '2026-11-25').conflicts, [
    { reservationNo: list[1]!.reservationNo, stations: ['honchosha-st01', 'honchosha-st02'] },
  ]);
  await pullAndIngest({ db: w.hq.db, clock, recipient: w.inbox() }, [outbox(a.stationId), outbox(b.stationId)]);
  const report = consolidate(w.hq.db, { asOf: '2026-11-25' });
  const honcho = report.venues.find((v) => v.venue === 'honchosha')!;
  assert.deepEqual(honcho.conflicts, [{ reservationNo: list[1]!.reservationNo, stations: ['honchosha-st01', 'honchosha-st02'] }]);
  assert.equal(honcho.figures.handedOver, 2, 'the card counts once');
  // The stations as the report names every station: by venue and label (here none was set, so venue and id).
  assert.ok(
    report.mismatches.includes(
      `本庁舎: ${list[1]!.reservationNo} が複数の端末で交付されています（本庁舎 honchosha-st01、本庁舎 honchosha-st02）`,
    ),
    report.mismatches.join('\n'),
  );
  // For a reader not named (a command without --staff) the same mismatch is a count, no reservation number.
  assert.deepEqual(cardsNamed(report), [list[1]!.reservationNo]);
  const counted = consolidate(w.hq.db, { asOf: '2026-11-25', cards: 'counted' }).mismatches;
  assert.ok(counted.includes('本庁舎: 複数の端末で交付されたカード 1件'), counted.join('\n'));
  assert.ok(!counted.join('\n').includes(list[1]!.reservationNo));
  // HQ's screen names the card to its signed-in staff, and HQ's access record says who saw whose record.
  enrollStaff(w.hq.db, clock, w.hq.stationId, 'test', { staffId: 'hq1', displayName: '本部　一', role: 'hq', pin: '8888' });
  const hqApp = createHqApp(w.hq, clock, () => {});
  await hqApp.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'w');
  const shown = await hqApp.invoke('hq:report', { date: '2026-11-25' }, 'w');
  assert.ok(shown.ok && (shown.value as { mismatches: string[] }).mismatches.some((m) => m.includes(list[1]!.reservationNo)));
  const looks = w.hq.db.prepare("SELECT actor, detail FROM access_records WHERE action = 'record-view'").all() as {
    actor: string;
    detail: string;
  }[];
  assert.deepEqual(
    looks.map((r) => [r.actor, JSON.parse(r.detail)]),
    [['hq:hq1', { document: 'ward-report', subjects: [list[1]!.reservationNo] }]],
  );
  const atHq = (station: string) =>
    (w.hq.db.prepare("SELECT count(*) AS n FROM events WHERE station_id = ? AND kind = 'handover.recorded'").get(station) as { n: number })
      .n;
  assert.deepEqual([atHq('honchosha-st01'), atHq('honchosha-st02')], [2, 1], 'each stream once, a sibling’s events never re-published');
});

test('an undo at one station cancels only its own handover: a sibling’s handover of the same card still stands at the counter', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 3);
  const { w, a, b, outbox: outboxOf } = siblingPair(t, clock, list);
  const outbox = outboxOf(b);
  const no = list[0]!.reservationNo;
  recordHandover({ store: b, clock }, clerk, no, idCheck);
  clock.advance(60_000);
  recordHandover({ store: a, clock }, clerk, no, idCheck);
  clock.advance(60_000);
  assert.ok(undoHandover({ store: a, clock }, { staffId: 'lead1', displayName: 'l', role: 'lead' }, no, '誤って記録').ok);
  assert.ok(exportSyncFile({ store: b, clock }, outbox).ok);
  await pullAndIngest({ db: a.db, clock, recipient: w.venueKeys.honchosha }, [outbox]);
  const seen = decideScan({ store: a, clock }, clerk, no);
  assert.equal(seen.kind === 'already-handed-over' && seen.handover.stationId, 'honchosha-st02');
  assert.equal(venueReconciliation(a).total.handedOver, 1);
});
