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

  test('an unknown staff id gets the rule, not a count (which would tell the id exists)', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    const r = await wrong(app, 'nobody');
    assert.deepEqual(r, {
      ok: false,
      error: { code: 'bad-credentials', message: '職員IDまたはPINが違います（PINを5回続けて誤ると5分間使えなくなります）' },
    });
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
