// The access record names who held the station and who tried to: sign-in, sign-out, lock (by hand or idle),
// unlock, wrong PINs, lockouts and a lead lifting one. Never a PIN.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { readAccessRecords } from '../access/access-record';
import { ACCOUNT_ACTIONS } from '../../shared/access/access-actions';

const ACCOUNT: ReadonlySet<string> = new Set(ACCOUNT_ACTIONS);

function accountRows(app: ReturnType<typeof appFixture>['app']) {
  return readAccessRecords(app.store.db)
    .filter((r) => ACCOUNT.has(r.action))
    .map((r) => [r.at.slice(11, 19), r.actor, r.action, r.detail]);
}

describe('access record: sessions and PINs', () => {
  test('a clerk’s day at the window: each change once, with its time, the idle lock when main notices it', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    assert.ok(!(await app.invoke('session:signIn', { staffId: 'clerk1', pin: '7319' }, 'w')).ok);
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w')).ok);
    clock.advance(60_000);
    await app.invoke('session:lock', {}, 'w');
    await app.invoke('session:lock', {}, 'w');
    assert.ok(!(await app.invoke('session:unlock', { pin: '7319' }, 'w')).ok);
    assert.ok((await app.invoke('session:unlock', { pin: '1111' }, 'w')).ok);
    clock.advance(6 * 60_000); // past idle-lock-minutes (5)
    for (let i = 0; i < 3; i++) await app.invoke('session:get', {}, 'w');
    await app.invoke('session:lock', { idle: true }, 'w'); // the window's own idle timer, late: locked already
    assert.ok((await app.invoke('session:unlock', { pin: '1111' }, 'w')).ok);
    await app.invoke('session:lock', { idle: true }, 'w');
    await app.invoke('session:signOut', {}, 'w');
    await app.invoke('session:signOut', {}, 'w');
    assert.deepEqual(accountRows(app), [
      ['01:00:00', 'clerk:clerk1', 'pin-failed', { staffId: 'clerk1', failures: 1 }],
      ['01:00:00', 'clerk:clerk1', 'sign-in', {}],
      ['01:01:00', 'clerk:clerk1', 'lock', { idle: false }],
      ['01:01:00', 'clerk:clerk1', 'pin-failed', { staffId: 'clerk1', failures: 1 }],
      ['01:01:00', 'clerk:clerk1', 'unlock', {}],
      ['01:07:00', 'clerk:clerk1', 'lock', { idle: true, idleSince: '2026-11-25T01:01:00.000Z' }],
      ['01:07:00', 'clerk:clerk1', 'unlock', {}],
      ['01:07:00', 'clerk:clerk1', 'lock', { idle: true }],
      ['01:07:00', 'clerk:clerk1', 'sign-out', {}],
    ]);
  });

  test('a lockout and its lifting; unknown ids named unless they look like a PIN; a PIN is never written', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    for (let i = 0; i < 5; i++) await app.invoke('session:signIn', { staffId: 'clerk2', pin: '7319' }, 'w');
    await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2222' }, 'w');
    await app.invoke('session:signIn', { staffId: 'tanaka', pin: '7319' }, 'w');
    await app.invoke('session:signIn', { staffId: '2222', pin: '7319' }, 'w'); // a PIN typed into the id field
    assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
    await app.invoke('session:unlockAccount', { staffId: 'clerk2' }, 'lead');
    // Another person signing in at a window signs the first out.
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'lead')).ok);
    const rows = accountRows(app);
    assert.deepEqual(rows.slice(4), [
      ['01:00:00', 'clerk:clerk2', 'pin-failed', { staffId: 'clerk2', failures: 5 }],
      ['01:00:00', 'clerk:clerk2', 'locked-out', { staffId: 'clerk2', failures: 5, until: '2026-11-25T01:05:00.000Z' }],
      ['01:00:00', 'clerk:clerk2', 'sign-in-refused', { staffId: 'clerk2', reason: 'locked-out' }],
      ['01:00:00', 'unknown-staff', 'pin-failed', { staffId: 'tanaka', known: false }],
      ['01:00:00', 'unknown-staff', 'pin-failed', { staffId: null, known: false }],
      ['01:00:00', 'lead:lead1', 'sign-in', {}],
      ['01:00:00', 'lead:lead1', 'account-unlocked', { staffId: 'clerk2', failures: 5 }],
      ['01:00:00', 'lead:lead1', 'sign-out', { replacedBy: 'clerk1' }],
      ['01:00:00', 'clerk:clerk1', 'sign-in', {}],
    ]);
    const everything = JSON.stringify(readAccessRecords(app.store.db));
    assert.ok(!everything.includes('7319'), 'no wrong PIN');
    assert.ok(!everything.includes('2222'), 'no PIN, not even one typed as an id');
  });
});
