// A full disk is a state, not a crash (issue 13). SQLite's max_page_count stands in for the disk: once the
// database may not grow, every write fails with SQLITE_FULL exactly as on a full disk. Every look shown has its
// access-record row (written before the reply), a look that cannot be recorded is not shown, a handover that
// cannot be recorded is not acknowledged, the service keeps answering, and work goes on once there is room.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { IdCheck } from '../../shared/counter/id-documents';

const idCheck = IdCheck.parse({ path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' });

test('with the disk full: looks and handovers are refused in words, nothing acknowledged is lost, and work resumes when space returns', async (t) => {
  const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
  const db = app.store.db;
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk');
  const rows = () => db.prepare("SELECT count(*) FROM access_records WHERE action = 'scan-view'").pluck().get() as number;
  const handovers = () => db.prepare("SELECT count(*) FROM events WHERE kind = 'handover.recorded'").pluck().get() as number;
  const before = rows();

  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  let shown = 0;
  let refused: { code: string; message: string } | null = null;
  for (let i = 0; i < 500 && refused === null; i++) {
    const r = await app.invoke('counter:scan', { code: cards[i % cards.length]!.reservationNo, source: 'keyboard' }, 'clerk');
    if (r.ok) shown++;
    else refused = r.error;
  }
  assert.ok(refused, 'the disk filled within 500 scans');
  assert.equal(refused.code, 'storage');
  assert.match(refused.message, /ディスクの空きが足りないため記録できませんでした.*DISK-FULL/);
  assert.equal(rows() - before, shown, 'every look that was shown has its access-record row');

  // Handovers until one cannot be written (a page may still have room for a few): each acknowledged one is there.
  let acknowledged = 0;
  let handoverRefused: { code: string; message: string } | null = null;
  for (let i = 0; i < cards.length && handoverRefused === null; i++) {
    const h = await app.invoke('counter:handover', { reservationNo: cards[i]!.reservationNo, idCheck }, 'clerk');
    if (h.ok) acknowledged++;
    else handoverRefused = h.error;
  }
  assert.ok(handoverRefused, 'the full disk refused a handover');
  assert.equal(handoverRefused.code, 'storage');
  assert.equal(handovers(), acknowledged, 'every acknowledged handover is recorded, and only those');
  const status = await app.invoke('counter:status', {}, 'clerk');
  assert.ok(status.ok, 'the service still answers what needs no write');

  db.pragma('max_page_count = 1073741823');
  const again = await app.invoke('counter:handover', { reservationNo: cards[acknowledged]!.reservationNo, idCheck }, 'clerk');
  assert.ok(again.ok, 'space returned: work goes on');
  assert.equal(handovers(), acknowledged + 1);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
});
