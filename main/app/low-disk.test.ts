// The lead is warned before the disk fills (issue 13): a real tmpfs, filled to below the threshold, and the
// warning is in what the lead sees — the unlock screen's view, the status strip's, the day close's result and
// the command line's — while the work (unlocking, 日締め) goes on as usual. Needs root to mount a tmpfs;
// elsewhere each test says it was skipped, and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FreeSpaceWarning } from '../../shared/ipc/contract/common';
import { createStation } from './station';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { manualClock } from '../testing/app-fixture';
import { cli } from '../testing/cli-harness';
import { TINY_DISK_SKIP, fillDisk, mountTinyDisk } from '../testing/tiny-disk';

const PASS = 'venue passphrase 9';
const MIB = 1024 * 1024;
const LOW = /^データフォルダの空き容量が少なくなっています（残り (\d+) MB）。不要なファイルを削除するか、サポートに連絡してください$/;

function newStationFolder(dir: string, clock: ReturnType<typeof manualClock>): void {
  const store = createVenueDataFolder(dir, 'toyosu', PASS, 'toyosu-st01');
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  store.close();
}

const freeSpaceOf = (r: { ok: boolean; value?: unknown }): FreeSpaceWarning => {
  assert.ok(r.ok, JSON.stringify(r));
  return (r.value as { freeSpace: FreeSpaceWarning }).freeSpace;
};

test('below 500 MB free, unlock, the status strip and 日締め all say so, and each still works', async (t) => {
  // tmpfs takes memory only for what is written: 600 MB is a limit, the filler below the ~150 MB it uses.
  const disk = mountTinyDisk(t, '600m');
  if (disk === null) return t.skip(TINY_DISK_SKIP);
  const clock = manualClock('2026-11-25T08:00:00Z');
  const dir = join(disk, 'toyosu');
  newStationFolder(dir, clock);
  const station = createStation(dir, clock, () => {});
  t.after(() => station.close());
  assert.equal(freeSpaceOf(await station.invoke('station:status', {}, 'w')), null, 'room enough: nothing said');

  fillDisk(disk, 450 * MIB);
  const locked = freeSpaceOf(await station.invoke('station:status', {}, 'w'));
  assert.equal(locked?.level, 'low', 'said on the unlock screen, before the passphrase');
  const left = Number(LOW.exec(locked.message)?.[1]);
  assert.ok(left >= 440 && left <= 450, locked.message);

  assert.equal(freeSpaceOf(await station.invoke('station:unlock', { passphrase: PASS }, 'w'))?.level, 'low');
  assert.equal(freeSpaceOf(await station.invoke('station:status', {}, 'w'))?.level, 'low', 'and once open');
  assert.ok((await station.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w')).ok);
  assert.match(freeSpaceOf(await station.invoke('counter:status', {}, 'w'))?.message ?? '', LOW, 'on the status strip');

  const closed = await station.invoke('day:close', { date: '2026-11-25' }, 'w');
  assert.match(freeSpaceOf(closed)?.message ?? '', LOW, 'in the day close’s result');
  assert.ok(closed.ok && (closed.value as { closed: unknown }).closed !== null, 'the day is closed all the same');
  await station.close();

  const status = await cli(['status', '--data', dir], { env: { MADOGUCHI_PASSPHRASE: PASS }, clock });
  assert.equal(status.code, 0, status.err);
  assert.match(status.out, /データフォルダの空き容量: 残り \d+ MB\n警告: データフォルダの空き容量が少なくなっています（残り \d+ MB）/);
});

test('nearly full (below 50 MB): the stronger words, and venue close-day still closes the day', async (t) => {
  const disk = mountTinyDisk(t, '16m');
  if (disk === null) return t.skip(TINY_DISK_SKIP);
  const clock = manualClock('2026-11-25T08:00:00Z');
  const dir = join(disk, 'toyosu');
  newStationFolder(dir, clock);
  fillDisk(disk, 3 * MIB);

  const r = await cli(['venue', 'close-day', '--data', dir, '--staff', 'lead1'], {
    env: { MADOGUCHI_PASSPHRASE: PASS, MADOGUCHI_PIN: '9999' },
    clock,
  });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /締めました/);
  assert.match(
    r.out,
    /警告: データフォルダの空き容量がほとんどありません（残り [23] MB）。まもなく記録できなくなります。すぐに不要なファイルを削除するか、サポートに連絡してください\n$/,
  );
  const again = await cli(['status', '--data', dir, '--json'], { env: { MADOGUCHI_PASSPHRASE: PASS }, clock });
  const json = JSON.parse(again.out) as { freeSpace: { warning: FreeSpaceWarning } };
  assert.equal(json.freeSpace.warning?.level, 'critical');
});
