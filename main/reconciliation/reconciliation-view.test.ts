// The lead's 照合・日報 page for one day: counts as of the day's end, handovers per 30 minutes net of undos,
// per station, and whether the day is closed — through the same channel the window calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { appendEvent } from '../db/event-log';

const idCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' } as const;

test("lead:reconciliation: the day's handovers by half hour (an undo takes its slot back), per station, and the close", async (t) => {
  const clock = manualClock('2026-11-25T01:05:00Z'); // 10:05 in Tokyo
  const { app, cards } = appFixture(t, clock);
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const [a, b, c] = cards as [(typeof cards)[number], (typeof cards)[number], (typeof cards)[number]];
  const first = await app.invoke('counter:handover', { reservationNo: a.reservationNo, idCheck }, 'w');
  assert.ok(first.ok, JSON.stringify(first));
  // Time passes; the idle lock falls, and the lead unlocks with the PIN each time.
  const later = async (ms: number) => {
    clock.advance(ms);
    assert.ok((await app.invoke('session:unlock', { pin: '9999' }, 'w')).ok);
  };
  await later(35 * 60_000); // 10:40
  assert.ok((await app.invoke('counter:handover', { reservationNo: b.reservationNo, idCheck }, 'w')).ok);
  assert.ok((await app.invoke('counter:handover', { reservationNo: c.reservationNo, idCheck }, 'w')).ok);
  await later(4 * 3_600_000); // 14:40: the 10:40 handover of c was a mistake
  assert.ok((await app.invoke('counter:undo', { reservationNo: c.reservationNo, reason: '記録の誤り' }, 'w')).ok);

  const r = await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'w');
  assert.ok(r.ok, JSON.stringify(r));
  const v = r.value as {
    total: { handedOver: number; outstanding: number; holds: boolean };
    halfHours: number[];
    byStation: { handedOver: number }[];
    closed: unknown;
    breakerCount: number;
  };
  assert.equal(v.halfHours.length, 48);
  assert.equal(v.halfHours[20], 1, '10:00–10:30');
  assert.equal(v.halfHours[21], 1, '10:30–11:00, net of the undo');
  assert.equal(
    v.halfHours.reduce((x, y) => x + y, 0),
    2,
  );
  assert.deepEqual(
    v.byStation.map((s) => s.handedOver),
    [2],
  );
  assert.deepEqual([v.total.handedOver, v.total.outstanding, v.total.holds, v.breakerCount], [2, cards.length - 2, true, 0]);
  assert.equal(v.closed, null);

  // The day before: nothing yet, and the counts are as of that day's end.
  const before = await app.invoke('reconciliation:day', { date: '2026-11-24' }, 'w');
  assert.ok(before.ok);
  assert.deepEqual([(before.value as typeof v).total.handedOver, (before.value as typeof v).halfHours.some((n) => n > 0)], [0, false]);

  assert.ok((await app.invoke('day:close', { date: '2026-11-25' }, 'w')).ok);
  const closed = await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'w');
  assert.ok(closed.ok);
  assert.equal(
    (closed.value as { closed: { by: string } }).closed.by,
    '会場　責任者',
    'the lead named as people know them, not lead:lead1',
  );
  const twice = await app.invoke('day:close', { date: '2026-11-25' }, 'w');
  assert.ok(!twice.ok && twice.error.code === 'already-closed');

  // A correction after the close: the page lists it beside the frozen figure.
  assert.ok((await app.invoke('counter:undo', { reservationNo: b.reservationNo, reason: '記録の誤り' }, 'w')).ok);
  const after = await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'w');
  assert.ok(after.ok);
  const moved = (after.value as { correctedSinceClose: { figure: string; frozen: unknown; now: unknown }[] }).correctedSinceClose;
  assert.deepEqual(
    moved.find((c) => c.figure === 'handedOver'),
    { figure: 'handedOver', frozen: 2, now: 1 },
  );
});

test('the page names a card that breaks an invariant by reservation number: that look is in the access record, with whose', async (t) => {
  const clock = manualClock('2026-11-25T01:05:00Z');
  const { app, store } = appFixture(t, clock);
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const views = () =>
    (
      store.db.prepare("SELECT actor, detail FROM access_records WHERE action = 'record-view'").all() as { actor: string; detail: string }[]
    ).map((r) => [r.actor, JSON.parse(r.detail) as { document: string; subjects: string[] }] as const);
  // A day that adds up names nobody, and is no look at anyone's record.
  assert.ok((await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'w')).ok);
  assert.deepEqual(views(), []);

  // A sibling's handover of a card this venue never had (as a bad merge might bring) breaks the invariant.
  store.db.transaction(() =>
    appendEvent(store.db, clock, {
      stationId: 'toyosu-other',
      actor: 'clerk:x',
      kind: 'handover.recorded',
      payload: { reservationNo: 'TYS-999999', idCheck: { ...idCheck, documents: ['passport'], surrendered: [] } },
      subject: 'TYS-999999',
    }),
  )();
  const r = await app.invoke('reconciliation:day', { date: '2026-11-25' }, 'w');
  assert.ok(r.ok);
  assert.deepEqual(
    (r.value as { breakers: { reservationNo: string }[] }).breakers.map((b) => b.reservationNo),
    ['TYS-999999'],
  );
  assert.deepEqual(views(), [['lead:lead1', { document: 'reconciliation', subjects: ['TYS-999999'] }]]);
});
