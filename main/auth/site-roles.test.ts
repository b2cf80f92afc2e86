// Roles belong to a site: HQ staff (hq) only in HQ's folder, clerks and leads only in a venue's. An hq account
// enrolled at 本庁舎 printed its whole ledger (144 pages, 1,293 residents); now it cannot be made there, and one
// made by an older version cannot sign in there.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appFixture, manualClock } from '../testing/app-fixture';
import { enrollStaff, listStaff } from './staff';
import { createDataFolder, type HqStore } from '../store/data-folder';
import { createHqApp } from '../app/create-hq-app';
import { tempDir } from '../testing/fixtures';
import { readAccessRecords } from '../access/access-record';

describe('roles scoped to the site', () => {
  test('a venue refuses to enrol hq staff; an hq account left from before cannot sign in there, and says why', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const { app } = appFixture(t, clock);
    const db = app.store.db;
    assert.throws(
      () => enrollStaff(db, clock, app.store.stationId, 'cli', { staffId: 'hq1', displayName: '本部', role: 'hq', pin: '8888' }),
      { message: '事務センター（hq）の職員は会場のデータフォルダには登録できません。事務センターのデータフォルダに登録してください' },
    );
    assert.deepEqual(
      listStaff(db).map((s) => s.staffId),
      ['clerk1', 'clerk2', 'lead1'],
      'nothing enrolled',
    );
    // As an older version left it: an hq account in a venue's folder.
    enrollStaff(db, clock, app.store.stationId, 'cli', { staffId: 'honbu', displayName: '本部　一', role: 'lead', pin: '8888' });
    db.prepare("UPDATE staff SET role = 'hq' WHERE staff_id = 'honbu'").run();
    const r = await app.invoke('session:signIn', { staffId: 'honbu', pin: '8888' }, 'w');
    assert.deepEqual(r, {
      ok: false,
      error: { code: 'forbidden', message: '事務センターの職員IDは会場の端末では使えません。事務センターの端末でサインインしてください' },
    });
    assert.deepEqual(await app.invoke('session:get', {}, 'w'), { ok: true, value: null }, 'no session');
    const printed = await app.invoke('print:document', { document: 'ledger', shipmentId: 'S1', order: 'town' }, 'w');
    assert.equal(printed.ok ? null : printed.error.code, 'signed-out');
    assert.deepEqual(
      readAccessRecords(db)
        .filter((a) => a.action === 'sign-in-refused')
        .map((a) => [a.actor, a.detail]),
      [['hq:honbu', { staffId: 'honbu', reason: 'role-not-at-this-site' }]],
    );
    const wrongPin = await app.invoke('session:signIn', { staffId: 'honbu', pin: '0000' }, 'w');
    assert.equal(wrongPin.ok ? null : wrongPin.error.code, 'bad-credentials', 'without the PIN, nothing about the role');
  });

  test('HQ’s folder holds hq staff only: a clerk or lead is refused there, and one left from before cannot sign in', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const store = createDataFolder(join(tempDir(t), 'hq'), 'hq', 'hq-passphrase-1', 'hq-test01').store as HqStore;
    const app = createHqApp(store, clock, () => {});
    t.after(() => app.close());
    for (const role of ['clerk', 'lead'] as const) {
      assert.throws(() => enrollStaff(store.db, clock, store.stationId, 'cli', { staffId: 'x1', displayName: 'x', role, pin: '1234' }), {
        message: '事務センターのデータフォルダに登録できる役割は hq のみです',
      });
    }
    enrollStaff(store.db, clock, store.stationId, 'cli', { staffId: 'lead9', displayName: '会場', role: 'hq', pin: '9999' });
    store.db.prepare("UPDATE staff SET role = 'lead' WHERE staff_id = 'lead9'").run();
    const r = await app.invoke('session:signIn', { staffId: 'lead9', pin: '9999' }, 'w');
    assert.deepEqual(r, {
      ok: false,
      error: { code: 'forbidden', message: '会場の職員IDは事務センターの端末では使えません。会場の端末でサインインしてください' },
    });
    enrollStaff(store.db, clock, store.stationId, 'cli', { staffId: 'hq1', displayName: '本部', role: 'hq', pin: '8888' });
    assert.ok((await app.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'w')).ok);
  });

  test('at HQ no lead exists: the 15th wrong PIN says to ask HQ’s administrator (madoguchi staff unlock)', async (t) => {
    const clock = manualClock('2026-11-25T01:00:00Z');
    const store = createDataFolder(join(tempDir(t), 'hq'), 'hq', 'hq-passphrase-1', 'hq-test01').store as HqStore;
    const app = createHqApp(store, clock, () => {});
    t.after(() => app.close());
    enrollStaff(store.db, clock, store.stationId, 'cli', { staffId: 'hq1', displayName: '本部', role: 'hq', pin: '8888' });
    let last = '';
    for (let i = 0; i < 15; i++) {
      const r = await app.invoke('session:signIn', { staffId: 'hq1', pin: '0000' }, 'w');
      last = r.ok ? '' : r.error.message;
      if (i === 4 || i === 9) {
        if (i === 4) assert.match(last, /お急ぎのときは事務センターの管理者にロック解除（madoguchi staff unlock）を依頼してください$/);
        clock.advance(61 * 60_000);
      }
    }
    assert.equal(
      last,
      'PINの誤りが15回続いたため、この職員IDは使えません。事務センターの管理者にロック解除（madoguchi staff unlock）を依頼してください',
    );
  });
});
