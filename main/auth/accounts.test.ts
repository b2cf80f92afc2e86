// What sign-in and the lock screen say about wrong PINs and lockouts, and a venue lead lifting a lockout.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { readEvents } from '../db/event-log';

const wrong = async (app: ReturnType<typeof appFixture>['app'], staffId: string, window = 'w') =>
  app.invoke('session:signIn', { staffId, pin: '0000' }, window);

describe('accounts: attempts left, lockout, a lead unlocks', () => {
  test('sign-in says how many attempts are left and, once locked, until when (Tokyo time) and for how long', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await wrong(app, 'clerk1');
      assert.ok(!r.ok);
      messages.push(r.error.message);
    }
    assert.deepEqual(messages, [
      '職員IDまたはPINが違います（あと4回誤ると5分間使えなくなります）',
      '職員IDまたはPINが違います（あと3回誤ると5分間使えなくなります）',
      '職員IDまたはPINが違います（あと2回誤ると5分間使えなくなります）',
      '職員IDまたはPINが違います（あと1回誤ると5分間使えなくなります）',
      'PINの誤りが5回続いたため、10:05まで（5分間）使えません。会場責任者がロックを解除できます',
    ]);
    const right = await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w');
    assert.deepEqual(right.ok ? null : right.error.code, 'locked-out', 'the right PIN waits too');
  });

  test('an unknown staff id is answered exactly as a known one, try by try, lockout included (nothing tells which ids exist)', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    const answers = async (staffId: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 7; i++) out.push(await wrong(app, staffId));
      return out;
    };
    const known = await answers('clerk1');
    assert.deepEqual(await answers('nobody'), known);
    assert.deepEqual(known.at(-1), {
      ok: false,
      error: { code: 'locked-out', message: 'PINの誤りが5回続いたため、10:05まで（5分間）使えません。会場責任者がロックを解除できます' },
    });
  });

  test('the lock grows: 5 wrong PINs lock 5 minutes, 10 an hour, 15 until a lead unlocks; the count survives a timed lock', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    const last = async (n: number) => {
      let r: Awaited<ReturnType<typeof wrong>> | null = null;
      for (let i = 0; i < n; i++) r = await wrong(app, 'clerk2');
      return r!.ok ? null : r!.error.message;
    };
    await last(5);
    clock.advance(5 * 60_000 + 1);
    assert.equal(await last(1), '職員IDまたはPINが違います（あと4回誤ると1時間使えなくなります）', 'the count did not restart');
    assert.equal(await last(4), 'PINの誤りが10回続いたため、11:05まで（1時間）使えません。会場責任者がロックを解除できます');
    clock.advance(59 * 60_000);
    const during = await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2222' }, 'w');
    assert.equal(during.ok ? null : during.error.code, 'locked-out', 'the right PIN waits the hour out too');
    clock.advance(60_000 + 1);
    assert.equal(await last(1), '職員IDまたはPINが違います（あと4回誤ると会場責任者が解除するまで使えなくなります）');
    const held = 'PINの誤りが15回続いたため、この職員IDは使えません。会場責任者にロック解除を依頼してください';
    assert.equal(await last(4), held);
    clock.advance(7 * 24 * 3_600_000);
    const weekLater = await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2222' }, 'w');
    assert.deepEqual(weekLater, { ok: false, error: { code: 'locked-out', message: held } }, 'no time lifts it');

    assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
    const locked = await app.invoke('session:lockedAccounts', {}, 'lead');
    assert.deepEqual(locked.ok && locked.value, [
      { staffId: 'clerk2', displayName: '窓口　二葉', role: 'clerk', lockedUntil: null, failedAttempts: 15 },
    ]);
    assert.deepEqual(await app.invoke('session:unlockAccount', { staffId: 'clerk2' }, 'lead'), { ok: true, value: null });
    assert.deepEqual(
      readEvents(app.store.db, 'staff.unlocked').map((e) => [e.actor, e.payload]),
      [['lead:lead1', { staffId: 'clerk2', lockedUntil: null }]],
    );
    assert.equal(
      await last(1),
      '職員IDまたはPINが違います（あと4回誤ると5分間使えなくなります）',
      "a lead's unlock starts the count again",
    );
  });

  test('a right PIN starts the count again, between locks too', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    for (let i = 0; i < 7; i++) {
      await wrong(app, 'clerk1');
      if (i === 4) clock.advance(5 * 60_000 + 1);
    }
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w')).ok);
    const r = await wrong(app, 'clerk1', 'other');
    assert.equal(r.ok ? null : r.error.message, '職員IDまたはPINが違います（あと4回誤ると5分間使えなくなります）');
  });

  test('the lock screen asks only for the PIN, and says so', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w')).ok);
    await app.invoke('session:lock', {}, 'w');
    const r = await app.invoke('session:unlock', { pin: '0000' }, 'w');
    assert.deepEqual(r, { ok: false, error: { code: 'bad-credentials', message: 'PINが違います（あと4回誤ると5分間使えなくなります）' } });
  });

  test('a venue lead sees the locked account and unlocks it: recorded with the lead as actor; the clerk signs in', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    for (let i = 0; i < 5; i++) await wrong(app, 'clerk2', 'clerk-window');
    assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
    const locked = await app.invoke('session:lockedAccounts', {}, 'lead');
    assert.ok(locked.ok);
    assert.deepEqual(
      (locked.value as { staffId: string; lockedUntil: string }[]).map((a) => [a.staffId, a.lockedUntil]),
      [['clerk2', '2026-11-25T01:05:00.000Z']],
    );

    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk1')).ok);
    const byClerk = await app.invoke('session:unlockAccount', { staffId: 'clerk2' }, 'clerk1');
    assert.deepEqual(byClerk.ok ? null : byClerk.error.code, 'forbidden', 'a clerk cannot');

    assert.deepEqual(await app.invoke('session:unlockAccount', { staffId: 'clerk2' }, 'lead'), { ok: true, value: null });
    const events = readEvents(app.store.db, 'staff.unlocked');
    assert.deepEqual(
      events.map((e) => [e.actor, e.payload]),
      [['lead:lead1', { staffId: 'clerk2', lockedUntil: '2026-11-25T01:05:00.000Z' }]],
    );
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2222' }, 'clerk-window')).ok);
    const again = await app.invoke('session:unlockAccount', { staffId: 'clerk2' }, 'lead');
    assert.deepEqual(again.ok ? null : again.error, { code: 'not-found', message: 'この職員はロックされていません' });
    const bad = await app.invoke('session:unlockAccount', { staffId: '' }, 'lead');
    assert.deepEqual(bad.ok ? null : bad.error.code, 'invalid-input', 'zod-checked');
  });
});
