// A venue lead manages staff in the app: enrol, stop, new PIN. Leads only; each an event naming the lead.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { readEvents } from '../db/event-log';
import { readAccessRecords } from '../access/access-record';

type App = ReturnType<typeof appFixture>['app'];
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const staffEvents = (app: App) =>
  readEvents(app.store.db)
    .filter((e) => e.kind.startsWith('staff.') && e.actor !== 'test')
    .map((e) => [e.actor, e.kind, e.payload]);

async function asLead(t: { after(fn: () => void): void }) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const { app } = appFixture(t, clock);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  return { app, clock };
}

describe('staff managed by a venue lead', () => {
  test('the lead enrols a clerk, who signs in; a clerk cannot; hq, a taken id, a bad PIN or name are refused', async (t) => {
    const { app } = await asLead(t);
    const added = await app.invoke('staff:add', { staffId: 'tanaka', displayName: ' 田中　一 ', role: 'clerk', pin: '4321' }, 'lead');
    assert.deepEqual(added, { ok: true, value: { staffId: 'tanaka', displayName: '田中　一', role: 'clerk' } });
    assert.ok((await app.invoke('session:signIn', { staffId: 'tanaka', pin: '4321' }, 'tanaka')).ok);
    assert.equal(
      codeOf(await app.invoke('staff:add', { staffId: 'x1', displayName: 'x', role: 'clerk', pin: '1234' }, 'tanaka')),
      'forbidden',
    );
    assert.equal(codeOf(await app.invoke('staff:list', {}, 'tanaka')), 'forbidden');
    assert.equal(
      codeOf(await app.invoke('staff:add', { staffId: 'honbu', displayName: '本部', role: 'hq', pin: '8888' }, 'lead')),
      'invalid-input',
    );
    assert.deepEqual(await app.invoke('staff:add', { staffId: 'clerk1', displayName: '別人', role: 'lead', pin: '5555' }, 'lead'), {
      ok: false,
      error: { code: 'conflict', message: 'この職員IDは既に登録されています。PINを変えるときは「PINを再設定」を使ってください' },
    });
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c1')).ok, 'clerk1 untouched');
    const badPin = await app.invoke('staff:add', { staffId: 'sato', displayName: '佐藤', role: 'clerk', pin: '12' }, 'lead');
    assert.deepEqual(badPin, { ok: false, error: { code: 'invalid-input', message: 'PINは4〜8桁の数字です' } });
    assert.equal(
      codeOf(await app.invoke('staff:add', { staffId: 'sato', displayName: '佐\u202e藤', role: 'clerk', pin: '1234' }, 'lead')),
      'invalid-input',
    );
    assert.equal(
      codeOf(await app.invoke('staff:add', { staffId: 'sato', displayName: '佐\n藤', role: 'clerk', pin: '1234' }, 'lead')),
      'invalid-input',
    );
    assert.equal(
      codeOf(await app.invoke('staff:add', { staffId: 's', displayName: '佐藤', role: 'clerk', pin: '1234' }, 'lead')),
      'invalid-input',
    );
    const list = await app.invoke('staff:list', {}, 'lead');
    assert.deepEqual(list.ok && (list.value as { staffId: string }[]).map((s) => s.staffId), ['clerk1', 'clerk2', 'lead1', 'tanaka']);
    assert.deepEqual(staffEvents(app), [['lead:lead1', 'staff.enrolled', { staffId: 'tanaka', role: 'clerk' }]]);
  });

  test('a stopped account is signed out where it was, cannot sign in (as an unknown id would), and can be enrolled again', async (t) => {
    const { app } = await asLead(t);
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2222' }, 'c2')).ok);
    assert.deepEqual(await app.invoke('staff:disable', { staffId: 'clerk2' }, 'lead'), { ok: true, value: null });
    assert.equal(codeOf(await app.invoke('counter:status', {}, 'c2')), 'signed-out');
    const again = await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2222' }, 'c2');
    assert.deepEqual(again, {
      ok: false,
      error: { code: 'bad-credentials', message: '職員IDまたはPINが違います（あと4回誤ると5分間使えなくなります）' },
    });
    assert.equal(codeOf(await app.invoke('staff:disable', { staffId: 'clerk2' }, 'lead')), 'not-found');
    assert.deepEqual(await app.invoke('staff:disable', { staffId: 'lead1' }, 'lead'), {
      ok: false,
      error: { code: 'conflict', message: 'ご自身のアカウントは停止できません。ほかの会場責任者に依頼してください' },
    });
    assert.ok((await app.invoke('staff:add', { staffId: 'clerk2', displayName: '窓口　二葉', role: 'clerk', pin: '2468' }, 'lead')).ok);
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk2', pin: '2468' }, 'c2')).ok);
    assert.deepEqual(staffEvents(app), [
      ['lead:lead1', 'staff.disabled', { staffId: 'clerk2' }],
      ['lead:lead1', 'staff.enrolled', { staffId: 'clerk2', role: 'clerk' }],
    ]);
    const signedOut = readAccessRecords(app.store.db).filter((r) => r.action === 'sign-out');
    assert.deepEqual(
      signedOut.map((r) => [r.actor, r.detail]),
      [['clerk:clerk2', { disabledBy: 'lead:lead1' }]],
    );
  });

  test('a new PIN lifts a lockout; the old PIN no longer works; no PIN is recorded anywhere', async (t) => {
    const { app } = await asLead(t);
    for (let i = 0; i < 5; i++) await app.invoke('session:signIn', { staffId: 'clerk1', pin: '0000' }, 'c1');
    assert.equal(codeOf(await app.invoke('staff:resetPin', { staffId: 'clerk1', pin: '12' }, 'lead')), 'invalid-input');
    assert.equal(codeOf(await app.invoke('staff:resetPin', { staffId: 'nobody', pin: '7351' }, 'lead')), 'not-found');
    assert.deepEqual(await app.invoke('staff:resetPin', { staffId: 'clerk1', pin: '7351' }, 'lead'), { ok: true, value: null });
    assert.equal(codeOf(await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'c1')), 'bad-credentials');
    assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '7351' }, 'c1')).ok);
    assert.deepEqual(staffEvents(app), [['lead:lead1', 'staff.pin-reset', { staffId: 'clerk1' }]]);
    const everything = JSON.stringify([readEvents(app.store.db), readAccessRecords(app.store.db)]);
    assert.ok(!everything.includes('7351'));
  });
});
