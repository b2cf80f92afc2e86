// The handling report over a period counts uses per person and kind, the residents touched (by looks and by
// the lists that named them), backups made and checked, files written out — and names no resident.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createVenueDataFolder } from '../store/data-folder';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { recordAccess } from '../access/access-record';
import { handlingReport } from './handling-report';
import { appendEvent } from '../db/event-log';

test('handling report: uses per person and kind, distinct residents, backups and exports within the period only', (t) => {
  const clock = manualClock('2026-12-01T01:00:00Z');
  const store = createVenueDataFolder(join(tempDir(t), 'data'), 'sogo', 'correct horse battery staple');
  t.after(() => store.close());
  const use = (actor: string, action: Parameters<typeof recordAccess>[2]['action'], subject: string | null, detail = {}) =>
    recordAccess(store.db, clock, { stationId: store.stationId, actor, action, subject, detail });
  use('clerk:c1', 'scan-view', 'SGO-000001');
  use('clerk:c1', 'scan-view', 'SGO-000002');
  use('clerk:c2', 'search', null, { subjects: ['SGO-000002', 'SGO-000003'] });
  use('lead:l1', 'backup', null, { destination: '/media/usb/b1' });
  use('lead:l1', 'backup-verify', null, { destination: '/media/usb/b1', ok: false, problem: 'x' });
  use('lead:l1', 'export', 'S1', { destination: '/tmp/x.pdf', rows: 3, subjects: ['SGO-000004'] });
  // The 照合 page naming a card: its subject is the day, its resident is in the list.
  use('lead:l1', 'record-view', '2026-12-01', { document: 'reconciliation', subjects: ['SGO-000001'] });
  // A change to a resident's record is a use too (its event is its record), and a sign-in is not.
  store.db.transaction(() =>
    appendEvent(store.db, clock, {
      stationId: store.stationId,
      actor: 'lead:l1',
      kind: 'card.damaged',
      payload: { reservationNo: 'SGO-000005', reason: '破損' },
      subject: 'SGO-000005',
    }),
  )();
  use('clerk:c1', 'sign-in', null);
  // Where backups go is a setting, not a use of residents' data.
  use('lead:l1', 'backup-settings', null, { folderFrom: null, folderTo: '/media/usb' });
  clock.advance(3 * 86_400_000);
  use('clerk:c1', 'scan-view', 'SGO-000009'); // after the period

  const r = handlingReport(store, '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z');
  assert.equal(r.totalUses, 8);
  assert.equal(r.accountEvents, 2);
  assert.equal(r.residents, 5, 'SGO-000001…000005, each once');
  assert.ok(r.uses.some((u) => u.staff === 'l1' && u.label === '破損として記録' && u.times === 1));
  assert.deepEqual(r.uses[0], { staff: 'c1', action: 'scan-view', label: 'スキャンで表示', times: 2 });
  assert.deepEqual(r.backups, { made: 1, checked: 0, failedChecks: 1 });
  assert.deepEqual(
    r.exports.map((e) => [e.staff, e.destination, e.rows]),
    [['l1', '/tmp/x.pdf', 3]],
  );
  assert.ok(!JSON.stringify(r).includes('SGO-0000'), 'residents are counted, never listed');
});
