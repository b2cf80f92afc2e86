// Revoking a station whose keys are lost (issue 14): what it sent before stays; whatever its key signs after is
// refused and kept as an alert; it cannot be registered again; the reason is text a person can read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { recordHandover } from '../counter/counter-service';
import type { IdCheck } from '../../shared/counter/id-documents';
import { exportSyncFile } from './export';
import { createIngester } from './ingest';
import { revokeStation } from './revocation';
import { registerStation, stationRegistration } from './registration';
import { syncAlerts } from '../db/queries/sync-alerts';
import { consolidate } from '../hq/consolidation';
import { describeSyncStatus, syncStatus } from './sync-status';

const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
const clerk = { staffId: 'c1', displayName: 'c', role: 'clerk' as const };

test('a revoked station: its earlier files stay, a later one is refused with an alert, and it cannot come back', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 6);
  const w = syncWorld(t, clock, [{ venue: 'toyosu', stationId: 'toyosu-st01' }], { toyosu: list });
  const store = w.stations['toyosu-st01']!;
  const outbox = join(w.dir, 'outbox', 'toyosu-st01');
  const handAndExport = (from: number, to: number) => {
    for (const c of list.slice(from, to)) recordHandover({ store, clock }, clerk, c.reservationNo, idCheck);
    const f = exportSyncFile({ store, clock }, outbox);
    assert.ok(f.ok);
    return readFileSync(f.value.path);
  };
  const ingester = () => createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
  const handedOver = () => consolidate(w.hq.db, { asOf: '2026-11-25' }).venues.find((v) => v.venue === 'toyosu')!.figures.handedOver;

  const first = handAndExport(0, 3);
  assert.equal(ingester().ingest(first).status, 'ingested');
  assert.equal(handedOver(), 3);

  for (const [reason, message] of [
    ['', /取り消しの理由を入力してください/],
    ['盗難\u202e', /文字の向きを変える書式文字/],
    ['x'.repeat(201), /200文字以内/],
  ] as const) {
    const r = revokeStation(w.hq.db, clock, 'toyosu-st01', reason, 'hq1');
    assert.ok(!r.ok);
    assert.match(r.error.message, message);
  }
  const unknown = revokeStation(w.hq.db, clock, 'toyosu-nobody', '盗難', 'hq1');
  assert.ok(!unknown.ok);
  assert.match(unknown.error.message, /端末 toyosu-nobody は登録されていません/);
  assert.equal(syncStatus(w.hq.db).stations[0]!.revoked, null, 'a refused revocation changed nothing');

  clock.advance(60_000);
  const revoked = revokeStation(w.hq.db, clock, 'toyosu-st01', '  端末の盗難  ', 'hq1');
  assert.deepEqual(revoked, {
    ok: true,
    value: { stationId: 'toyosu-st01', status: 'revoked', keptThroughSeq: 1, at: clock.now().toISOString() },
  });
  const again = revokeStation(w.hq.db, clock, 'toyosu-st01', '二度目', 'hq1');
  assert.ok(again.ok);
  assert.equal(again.value.status, 'already-revoked');

  // The stolen station goes on signing: refused, alerted once however often it is offered, nothing taken in.
  const later = handAndExport(3, 6);
  for (let i = 0; i < 2; i++) {
    const r = ingester().ingest(later);
    assert.equal(r.status, 'rejected');
    assert.ok(r.status === 'rejected' && r.code === 'revoked');
    assert.match(r.status === 'rejected' ? r.message : '', /toyosu-st01 #2: 取り消した端末の鍵で署名されたファイルです/);
  }
  assert.deepEqual(
    syncAlerts(w.hq.db).map((a) => [a.station_id, a.seq, a.kind]),
    [['toyosu-st01', 2, 'revoked-station']],
  );
  assert.equal(handedOver(), 3, 'nothing of the later file was taken in; the earlier one stays');
  assert.equal(ingester().ingest(first).status, 'already-have');
  const report = consolidate(w.hq.db, { asOf: '2026-12-25' });
  assert.ok(report.mismatches.some((m) => m.includes('#2: 取り消した端末の鍵で署名されたファイル')));
  assert.ok(!report.mismatches.some((m) => m.includes('届いていません')), 'a revoked station is expected to go quiet');
  const toyosu = report.venues.find((v) => v.venue === 'toyosu')!.stations[0]!;
  assert.deepEqual(toyosu.revoked, { at: revoked.ok ? revoked.value.at : '', reason: '端末の盗難', keptThroughSeq: 1 });
  assert.ok(
    describeSyncStatus(syncStatus(w.hq.db), (id) => id).some((l) =>
      /取り消した端末 toyosu-st01.*端末の盗難.*#1 までのファイルを保持/.test(l),
    ),
  );

  // Registered again (the thief's own registration file, or the old one): refused.
  const back = registerStation(
    w.hq.db,
    clock,
    { venue: 'hq', stationId: w.hq.stationId },
    stationRegistration(store.db, 'toyosu', 'toyosu-st01'),
    null,
  );
  assert.ok(!back.ok);
  assert.equal(back.error.code, 'revoked');
});
