// After 日締め the counter does not record silently: a clerk needs a venue lead's approval (ID and PIN) to record
// more for the closed day, the event names the lead, and the day's report shows the figure moving since the close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import type { IdCheck } from '../../shared/counter/id-documents';

const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };

test('after the day is closed a clerk’s handover needs a lead’s approval, recorded with it; the report shows it moved', async (t) => {
  const clock = manualClock('2026-11-25T07:00:00Z'); // 16:00 Tokyo
  const { app, cards } = appFixture(t, clock);
  const [early, late, refused] = cards.map((c) => c.reservationNo);
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk');
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead');
  assert.ok((await app.invoke('counter:handover', { reservationNo: early!, idCheck }, 'clerk')).ok, 'the day is open');
  const status = async () => (await app.invoke('counter:status', {}, 'clerk')) as { ok: true; value: { todayClosed: unknown } };
  assert.equal((await status()).value.todayClosed, null);

  clock.advance(240_000); // (within the idle lock)
  assert.ok((await app.invoke('day:close', { date: '2026-11-25' }, 'lead')).ok);
  assert.deepEqual((await status()).value.todayClosed, { at: '2026-11-25T07:04:00.000Z', by: 'lead:lead1' }, 'the counter knows');

  clock.advance(120_000); // a resident arrives late
  const refusedPlain = await app.invoke('counter:handover', { reservationNo: late!, idCheck }, 'clerk');
  assert.ok(!refusedPlain.ok && refusedPlain.error.code === 'day-closed');
  assert.match(refusedPlain.error.message, /本日（2026年11月25日）は日締め済みです。.*会場責任者の承認/);
  const wrongPin = await app.invoke(
    'counter:handover',
    { reservationNo: late!, idCheck, approval: { staffId: 'lead1', pin: '0000' } },
    'clerk',
  );
  assert.ok(!wrongPin.ok && wrongPin.error.code === 'bad-credentials');
  const byClerk = await app.invoke(
    'counter:handover',
    { reservationNo: late!, idCheck, approval: { staffId: 'clerk2', pin: '2222' } },
    'clerk',
  );
  assert.ok(!byClerk.ok && byClerk.error.code === 'forbidden', 'only a lead approves');
  const refusal = await app.invoke('counter:refuse', { reservationNo: refused!, reason: '書類不足' }, 'clerk');
  assert.ok(!refusal.ok && refusal.error.code === 'day-closed', 'a refusal is a record for the day too');

  const approved = await app.invoke(
    'counter:handover',
    { reservationNo: late!, idCheck, approval: { staffId: 'lead1', pin: '9999' } },
    'clerk',
  );
  assert.ok(approved.ok, JSON.stringify(approved));
  const event = app.store.db
    .prepare(
      "SELECT actor, json_extract(payload, '$.approvedAfterClose') AS approvedBy FROM events WHERE subject = ? AND kind = 'handover.recorded'",
    )
    .get(late!);
  assert.deepEqual(event, { actor: 'clerk:clerk1', approvedBy: 'lead:lead1' });
  const leadSelf = await app.invoke('counter:refuse', { reservationNo: refused!, reason: '書類不足' }, 'lead');
  assert.ok(leadSelf.ok, 'a lead signed in at the counter approves their own record');

  const report = await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'lead');
  assert.ok(report.ok);
  const moved = (report.value as { correctedSinceClose: { figure: string; frozen: number; now: number }[] }).correctedSinceClose;
  assert.deepEqual(
    moved.find((m) => m.figure === 'handedOver'),
    { figure: 'handedOver', frozen: 1, now: 2 },
    'the late handover shows as moved since the close, beside the frozen figure',
  );
});
