import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { appFixture, manualClock } from '../testing/app-fixture';
import { CHANNELS, contract } from '../../shared/ipc/contract';

const license = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };

describe('the IPC door into main', () => {
  test('signed out, nothing but the session channels answer', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    const r = await app.invoke('counter:scan', { code: 'T00-000001', source: 'manual' }, 'w1');
    assert.deepEqual(r, { ok: false, error: { code: 'signed-out', message: 'サインインしてください' } });
    assert.deepEqual(await app.invoke('session:get', {}, 'w1'), { ok: true, value: null });
  });

  test('roles are checked in main: a clerk cannot undo, whatever the UI sends; a lead can', async (t) => {
    const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk-window')).ok);
    assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead-window')).ok);
    const no = cards[0]!.reservationNo;
    assert.ok((await app.invoke('counter:handover', { reservationNo: no, idCheck: license }, 'clerk-window')).ok);
    const byClerk = await app.invoke('counter:undo', { reservationNo: no, reason: '誤り' }, 'clerk-window');
    assert.deepEqual(byClerk, { ok: false, error: { code: 'forbidden', message: 'この操作の権限がありません' } });
    const byLead = await app.invoke('counter:undo', { reservationNo: no, reason: '誤り' }, 'lead-window');
    assert.ok(byLead.ok);
  });

  test('every venue-lead channel refuses a clerk in main, before looking at the input', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk-window');
    // Who may call says the contract (channel names say the capability, not the role).
    const leadOnly = CHANNELS.filter((c) => {
      const { access, sites } = contract[c];
      return access !== 'public' && access.includes('lead') && !access.includes('clerk') && (sites as readonly string[]).includes('venue');
    });
    assert.ok(leadOnly.length >= 15, `${leadOnly.length} lead-only channels`);
    for (const channel of leadOnly) {
      const r = await app.invoke(channel, { shipmentId: 'S1' }, 'clerk-window');
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'forbidden', channel);
    }
    const valid = await app.invoke('receipt:open', { shipmentId: 'S1' }, 'clerk-window');
    assert.deepEqual(valid, { ok: false, error: { code: 'forbidden', message: 'この操作の権限がありません' } });
  });

  test('a wrong PIN is refused without saying which part was wrong; five in a row lock the account', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    for (let i = 0; i < 4; i++) {
      const r = await app.invoke('session:signIn', { staffId: 'clerk1', pin: '0000' }, 'w');
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'bad-credentials');
      assert.match(r.error.message, /^職員IDまたはPINが違います/);
    }
    const fifth = await app.invoke('session:signIn', { staffId: 'clerk1', pin: '0000' }, 'w');
    assert.ok(!fifth.ok);
    assert.equal(fifth.error.code, 'locked-out', 'the fifth wrong PIN says the account is now locked');
    const locked = await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w');
    assert.ok(!locked.ok);
    assert.equal(locked.error.code, 'locked-out');
  });

  test('after the idle time the session locks; only the same PIN unlocks it', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w')).ok);
    clock.advance(6 * 60_000);
    const r = await app.invoke('counter:status', {}, 'w');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'locked');
    assert.ok(!(await app.invoke('session:unlock', { pin: '2222' }, 'w')).ok, "another clerk's PIN does not unlock");
    assert.ok((await app.invoke('session:unlock', { pin: '1111' }, 'w')).ok);
    assert.ok((await app.invoke('counter:status', {}, 'w')).ok);
  });

  test("the window's activity (session:touch) keeps main's idle clock from locking a busy clerk", async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w');
    clock.advance(4 * 60_000);
    assert.ok((await app.invoke('session:touch', {}, 'w')).ok);
    clock.advance(4 * 60_000);
    assert.ok((await app.invoke('counter:status', {}, 'w')).ok, 'eight minutes in, but active four minutes ago');
  });

  test('invalid input is a typed error that never echoes the value sent', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w');
    const r = await app.invoke('counter:search', { prefix: 'ヤマダ', birthDate: '昭和58年' }, 'w');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'invalid-input');
    assert.ok(!r.error.message.includes('ヤマダ') && !r.error.message.includes('昭和58年'));
    const unknown = await app.invoke('counter:explode', {}, 'w');
    assert.ok(!unknown.ok);
    assert.equal(unknown.error.code, 'unknown-channel');
  });

  for (const channel of CHANNELS) {
    test(`fuzz ${channel}: arbitrary input → a typed result, no crash, no personal data in errors`, async (t) => {
      const { app, cards } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
      await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
      const secrets = cards.slice(0, 5).flatMap((c) => [c.name, c.address]);
      const anything = fc.oneof(
        fc.anything({ withBigInt: false, withMap: false, withSet: false, withTypedArray: false, withDate: false }),
        fc.record({ code: fc.string(), source: fc.string() }),
        fc.record({
          reservationNo: fc.oneof(fc.string(), fc.constantFrom(...cards.map((c) => c.reservationNo))),
          reason: fc.string(),
          idCheck: fc.anything(),
        }),
        fc.record({ prefix: fc.string(), birthDate: fc.string() }),
      );
      await fc.assert(
        fc.asyncProperty(anything, async (input) => {
          const r = await app.invoke(channel, input, 'w');
          assert.equal(typeof r.ok, 'boolean');
          if (!r.ok) {
            assert.equal(typeof r.error.code, 'string');
            for (const s of secrets) assert.ok(!r.error.message.includes(s), `error message leaks ${s}`);
            assert.notEqual(r.error.code, 'internal', `internal error for ${JSON.stringify(input)}`);
          } else {
            assert.ok(contract[channel].output.safeParse(r.value).success);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
