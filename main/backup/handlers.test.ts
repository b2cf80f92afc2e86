// The backup page's channels as the lead uses them, and 日締め's backup: the lead may, a clerk may not; a check is
// only of a backup in this station's record; a close never fails for its backup, and says why there is none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { manualClock } from '../testing/app-fixture';
import { cards, importTestLedger, tempDir, testKeys } from '../testing/fixtures';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { createApp } from '../app/create-app';
import { writeSetting } from '../store/settings';
import type { ChannelOutput } from '../../shared/ipc/contract';

/** A station as the app opens it: a folder with its keyring (a backup carries it), a ledger, the demo staff. */
function signedIn(t: { after(fn: () => void): void }) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const dir = tempDir(t);
  const store = createVenueDataFolder(join(dir, 'data'), 'toyosu', 'correct horse battery staple');
  importTestLedger(store, testKeys(), 'S1', cards(1, 20), { clock });
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  const app = createApp(store, clock, () => {});
  t.after(() => app.close());
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  return { app, store, clock, usb };
}

test('the lead lists, makes and checks backups; a clerk is refused; a check is only of a backup in the record', async (t) => {
  const { app, store, usb } = signedIn(t);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  assert.ok((await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk')).ok);

  for (const [channel, input] of [
    ['backup:list', {}],
    ['backup:create', {}],
    ['backup:verify', { path: usb }],
  ] as const) {
    const r = await app.invoke(channel, input, 'clerk');
    assert.ok(!r.ok && r.error.code === 'forbidden', `${channel} refused to a clerk`);
  }

  const empty = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.deepEqual(empty.value, {
    folder: null,
    keep: 14,
    folderPicker: false,
    reminder: { folderSet: false, lastGood: null, checkDays: 3, overdue: true, goneFromMedium: false },
    backups: [],
  });
  const notSet = await app.invoke('backup:create', {}, 'lead');
  assert.ok(!notSet.ok && notSet.error.code === 'backup-failed');
  assert.match(notSet.error.message, /バックアップ先が決まっていません/);

  writeSetting(store.db, 'backup-folder', usb);
  const made = (await app.invoke('backup:create', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:create'> };
  assert.ok(made.ok, JSON.stringify(made));
  const checked = await app.invoke('backup:verify', { path: made.value.path }, 'lead');
  assert.deepEqual(checked, { ok: true, value: { ok: true, problem: null, recordsProblem: null } });

  // A folder the window names that this station never wrote: not opened, not even looked at.
  const stranger = await app.invoke('backup:verify', { path: usb }, 'lead');
  assert.ok(!stranger.ok && stranger.error.code === 'not-found');

  const list = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.equal(list.value.folder, usb);
  assert.equal(list.value.reminder.overdue, false);
  assert.deepEqual(
    list.value.backups.map((b) => [b.path, b.by, b.reason, b.lastCheck?.ok, b.present]),
    [[made.value.path, '会場　責任者', 'manual', true, true]],
  );

  // The strip's reminder is the lead's; a clerk's status has none.
  const leadStatus = await app.invoke('counter:status', {}, 'lead');
  const clerkStatus = await app.invoke('counter:status', {}, 'clerk');
  assert.ok(leadStatus.ok && clerkStatus.ok);
  assert.equal((leadStatus.value as ChannelOutput<'counter:status'>).backup?.folderSet, true);
  assert.equal((clerkStatus.value as ChannelOutput<'counter:status'>).backup, null);
});

test('日締め makes a backup to the set folder; a missing folder still closes the day and says why', async (t) => {
  const { app, store, usb } = signedIn(t);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  type Closed = ChannelOutput<'day:close'>;

  const unset = await app.invoke('day:close', { date: '2026-11-22' }, 'lead');
  assert.ok(unset.ok);
  assert.deepEqual([(unset.value as Closed).backup, (unset.value as Closed).backupProblem], [null, null], 'not set: none, quietly');

  writeSetting(store.db, 'backup-folder', usb);
  const closed = await app.invoke('day:close', { date: '2026-11-23' }, 'lead');
  assert.ok(closed.ok, JSON.stringify(closed));
  const { backup, backupProblem } = closed.value as Closed;
  assert.match(backup ?? '', /madoguchi-backup-toyosu-/);
  assert.equal(backupProblem, null);
  const list = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.deepEqual(
    list.value.backups.map((b) => [b.path, b.reason, b.by]),
    [[backup, 'day-close', '会場　責任者']],
  );

  writeSetting(store.db, 'backup-folder', join(usb, 'unplugged'));
  const failed = await app.invoke('day:close', { date: '2026-11-24' }, 'lead');
  assert.ok(failed.ok, 'the day is closed all the same');
  assert.equal((failed.value as Closed).backup, null);
  assert.match((failed.value as Closed).backupProblem ?? '', /BACKUP-NO-FOLDER.*日締めは済んでいます/);
  const again = await app.invoke('day:close', { date: '2026-11-24' }, 'lead');
  assert.ok(!again.ok && again.error.code === 'already-closed', 'the close was kept');
});

test('a checked backup gone from its medium: the page says so at once, the strip from what was found within the minute', async (t) => {
  const { app, store, clock, usb } = signedIn(t);
  assert.ok((await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead')).ok);
  writeSetting(store.db, 'backup-folder', usb);
  assert.ok((await app.invoke('backup:create', {}, 'lead')).ok);
  const strip = async () =>
    ((await app.invoke('counter:status', {}, 'lead')) as { ok: true; value: ChannelOutput<'counter:status'> }).value.backup;
  assert.equal((await strip())?.goneFromMedium, false);

  renameSync(usb, `${usb}-away`);
  clock.advance(10_000);
  // The strip is asked after every handover; a share gone away can hold the process while the OS looks.
  assert.equal((await strip())?.goneFromMedium, false, 'asked 10 s ago');
  const list = (await app.invoke('backup:list', {}, 'lead')) as { ok: true; value: ChannelOutput<'backup:list'> };
  assert.deepEqual([list.value.reminder.goneFromMedium, list.value.reminder.overdue, list.value.backups[0]?.present], [true, false, false]);
  assert.equal((await strip())?.goneFromMedium, true, 'what the page found');

  renameSync(`${usb}-away`, usb);
  clock.advance(61_000);
  assert.equal((await strip())?.goneFromMedium, false, 'plugged back in, asked again after a minute');
});
