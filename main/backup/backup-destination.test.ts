// The lead sets where backups go on the backup page (backup:set-folder): main checks the folder before saving it
// and says what is wrong with one it refuses; a clerk may not; each change is a row of the access record, who and
// old → new. In Electron the folder may come from main's own dialog (backup:choose-folder, a fake here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';
import { createDataFolder, createVenueDataFolder, type HqStore } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { createApp } from '../app/create-app';
import { createHqApp } from '../app/create-hq-app';
import { readSetting, writeSetting } from '../store/settings';
import { readAccessRecords } from '../access/access-record';
import type { FolderPicker } from './folder-picker';
import type { ChannelOutput } from '../../shared/ipc/contract';

function station(t: { after(fn: () => void): void }, picker: FolderPicker | null = null) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const dir = tempDir(t);
  const store = createVenueDataFolder(join(dir, 'data'), 'toyosu', 'correct horse battery staple');
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  const app = createApp(store, clock, () => {}, { folderPicker: picker });
  t.after(() => app.close());
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  return { app, store, clock, dir, usb };
}

const settingsRows = (s: ReturnType<typeof station>['store']) => readAccessRecords(s.db).filter((r) => r.action === 'backup-settings');

test('the lead saves a usable folder and the numbers; the change is in the access record, who and old → new', async (t) => {
  const { app, store, usb } = station(t);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);

  const saved = await app.invoke('backup:set-folder', { folder: ` ${usb}/ `, keep: 7, checkDays: 5 }, 'lead');
  assert.deepEqual(saved, { ok: true, value: { folder: usb, keep: 7, checkDays: 5 } });
  assert.deepEqual(
    [readSetting(store.db, 'backup-folder'), readSetting(store.db, 'backup-keep'), readSetting(store.db, 'backup-check-days')],
    [usb, 7, 5],
  );
  assert.deepEqual(readdirSync(usb), [], 'the write check leaves nothing behind');
  assert.deepEqual(
    settingsRows(store).map((r) => [r.actor, r.detail]),
    [['lead:lead1', { folderFrom: null, folderTo: usb, keepFrom: 14, keepTo: 7, checkDaysFrom: 3, checkDaysTo: 5 }]],
  );

  // Saved again unchanged: nothing changed, nothing recorded.
  assert.ok((await app.invoke('backup:set-folder', { folder: usb, keep: 7, checkDays: 5 }, 'lead')).ok);
  assert.equal(settingsRows(store).length, 1);

  const other = join(usb, '..', 'usb2');
  mkdirSync(other);
  assert.ok((await app.invoke('backup:set-folder', { folder: other, keep: 7, checkDays: 5 }, 'lead')).ok);
  assert.deepEqual(settingsRows(store).at(-1)?.detail, {
    folderFrom: usb,
    folderTo: join(usb, '..', 'usb2'),
    keepFrom: 7,
    keepTo: 7,
    checkDaysFrom: 5,
    checkDaysTo: 5,
  });

  // The lead's 個人情報取扱台帳 page says it in words: what changed, from what.
  const uses = (await app.invoke('access:uses', { date: null, staffId: 'lead1', reservationNo: null }, 'lead')) as {
    ok: true;
    value: ChannelOutput<'access:uses'>;
  };
  assert.deepEqual(
    uses.value.uses.filter((u) => u.what === 'バックアップ先の変更').map((u) => [u.staff, u.note]),
    [
      ['会場　責任者', `${usb} → ${other}`],
      ['会場　責任者', `未設定 → ${usb}、残す数 14 → 7、確認の間隔 3 → 5日`],
    ],
  );

  const list = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.deepEqual([list.value.folder, list.value.keep, list.value.reminder.checkDays], [other, 7, 5]);
  // The backup now goes there.
  const made = (await app.invoke('backup:create', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:create'> };
  assert.ok(made.ok && made.value.path.startsWith(other), JSON.stringify(made));
});

test('a folder that cannot take backups is refused, saying what is wrong; nothing is saved or recorded', async (t) => {
  const { app, store, dir, usb } = station(t);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  writeFileSync(join(usb, 'notes.txt'), 'x');
  const outbox = join(store.dir, '..', 'outbox');
  mkdirSync(outbox);
  writeSetting(store.db, 'sync-outbox', outbox);
  // Root writes through file modes: a folder no one may create files in (Linux's /proc) stands in for a locked stick.
  const locked = process.getuid?.() === 0 ? '/proc' : join(dir, 'locked');
  if (locked !== '/proc') {
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    t.after(() => chmodSync(locked, 0o700));
  }

  const refusals: [string, unknown, RegExp][] = [
    ['relative', 'usb', /「usb」はフォルダの場所の途中からの書き方です。E:\\madoguchi（Windows）や \/media\/usb\/madoguchi のように/],
    ['empty', '   ', /バックアップ先のフォルダを入力してください/],
    ['missing', join(dir, 'unplugged'), /unplugged」が見つかりません。USBメモリが差してあるか/],
    ['a file', join(usb, 'notes.txt'), /notes\.txt」はファイルです/],
    ['the data folder', store.dir, /この端末のデータフォルダ（.*）の中です/],
    ['inside the data folder', join(store.dir, 'backups-here'), /データフォルダ（.*）の中です/],
    ['the sync outbox', outbox, /同期ファイルの送信用フォルダ（.*outbox）です/],
    ['inside the sync outbox', join(outbox, 'sub'), /同期ファイルの送信用フォルダ（.*outbox）の中です/],
    ['not writable', locked, /に書き込めません（書き込み禁止のUSBメモリか/],
  ];
  mkdirSync(join(store.dir, 'backups-here'));
  mkdirSync(join(outbox, 'sub'));
  for (const [what, folder, said] of refusals) {
    const r = await app.invoke('backup:set-folder', { folder, keep: 14, checkDays: 3 }, 'lead');
    assert.ok(!r.ok && r.error.code === 'invalid-input', `${what}: ${JSON.stringify(r)}`);
    assert.match(r.error.message, said, what);
  }
  for (const [keep, checkDays, said] of [
    [0, 3, /残す数は1〜365の整数で入力してください/],
    [2.5, 3, /残す数は1〜365の整数/],
    [null, 3, /残す数は1〜365の整数/],
    [14, 91, /確認の間隔は1〜90日の整数で入力してください/],
  ] as const) {
    const r = await app.invoke('backup:set-folder', { folder: usb, keep, checkDays }, 'lead');
    assert.ok(!r.ok && r.error.code === 'invalid-input');
    assert.match(r.error.message, said);
  }
  assert.equal(readSetting(store.db, 'backup-folder'), '');
  assert.equal(settingsRows(store).length, 0);
});

test('a clerk may neither set the folder nor open the dialog; the dialog is main’s, where there is one', async (t) => {
  const asked: (string | null)[] = [];
  const picker: FolderPicker = { choose: async (from) => (asked.push(from), asked.length === 1 ? '/media/usb/madoguchi' : null) };
  const { app, store, usb } = station(t, picker);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk')).ok);
  for (const [channel, input] of [
    ['backup:set-folder', { folder: usb, keep: 14, checkDays: 3 }],
    ['backup:choose-folder', {}],
  ] as const) {
    const r = await app.invoke(channel, input, 'clerk');
    assert.ok(!r.ok && r.error.code === 'forbidden', `${channel} refused to a clerk`);
  }
  assert.equal(readSetting(store.db, 'backup-folder'), '');
  assert.deepEqual(asked, [], 'no dialog opened for a clerk');

  const list = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.equal(list.value.folderPicker, true);
  // What the dialog chose is only shown back: the lead saves it, and main checks it then.
  assert.deepEqual(await app.invoke('backup:choose-folder', {}, 'lead'), { ok: true, value: { folder: '/media/usb/madoguchi' } });
  assert.equal(readSetting(store.db, 'backup-folder'), '');
  assert.ok((await app.invoke('backup:set-folder', { folder: usb, keep: 14, checkDays: 3 }, 'lead')).ok);
  assert.deepEqual(await app.invoke('backup:choose-folder', {}, 'lead'), { ok: true, value: { folder: null } }, 'cancelled');
  assert.deepEqual(asked, [null, usb], 'the dialog opens at the folder set');
  assert.ok(existsSync(usb));
});

test('browser mode has no folder dialog: the page is told so and the channel says to type the path', async (t) => {
  const { app } = station(t);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  const list = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.equal(list.value.folderPicker, false);
  const r = await app.invoke('backup:choose-folder', {}, 'lead');
  assert.ok(!r.ok && r.error.code === 'unavailable');
  assert.match(r.error.message, /フォルダの場所を入力してください/);
});

test('HQ staff set HQ’s own folder the same way, and HQ’s folder is refused as a destination', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const dir = tempDir(t);
  const store = createDataFolder(join(dir, 'hq'), 'hq', 'hq-passphrase-1', 'hq-test01').store as HqStore;
  const app = createHqApp(store, clock, () => {});
  t.after(() => app.close());
  enrollStaff(store.db, clock, store.stationId, 'cli', { staffId: 'hq1', displayName: '本部', role: 'hq', pin: '8888' });
  assert.ok((await app.invoke('session:signIn', { staffId: 'hq1', pin: '8888' }, 'w')).ok);
  const inside = await app.invoke('backup:set-folder', { folder: store.dir, keep: 14, checkDays: 3 }, 'w');
  assert.ok(!inside.ok && /データフォルダ（.*）の中です/.test(inside.error.message));
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  assert.deepEqual(await app.invoke('backup:set-folder', { folder: usb, keep: 30, checkDays: 7 }, 'w'), {
    ok: true,
    value: { folder: usb, keep: 30, checkDays: 7 },
  });
  assert.deepEqual(
    readAccessRecords(store.db)
      .filter((r) => r.action === 'backup-settings')
      .map((r) => [r.actor, r.detail.folderTo]),
    [['hq:hq1', usb]],
  );
});
