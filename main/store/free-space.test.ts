// The free-space warning's levels, with the disk's answer injected: no real disk needs to be nearly full here
// (main/app/low-disk.test.ts fills a real one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CRITICAL_FREE_BYTES, LOW_FREE_BYTES, classifyFreeSpace, dataFolderFreeSpace, freeSpaceWarning } from './free-space';

const MIB = 1024 * 1024;
const disk = (freeBytes: number) => ({ statfs: () => ({ bavail: freeBytes / 4096, bsize: 4096 }), fileSize: () => 10 * MIB });

test('plenty of room: no warning', () => {
  assert.equal(classifyFreeSpace(2048 * MIB, 10 * MIB).warning, null);
  assert.equal(classifyFreeSpace(LOW_FREE_BYTES, 10 * MIB).warning, null, 'exactly the threshold is not below it');
});

test('below 500 MB: the lead is told how much is left and what to do', () => {
  const w = classifyFreeSpace(312 * MIB + 5, 10 * MIB).warning;
  assert.equal(w?.level, 'low');
  assert.equal(
    w?.message,
    'データフォルダの空き容量が少なくなっています（残り 312 MB）。不要なファイルを削除するか、サポートに連絡してください',
  );
});

test('below 50 MB: the stronger words', () => {
  const w = classifyFreeSpace(CRITICAL_FREE_BYTES - 1, 10 * MIB).warning;
  assert.equal(w?.level, 'critical');
  assert.match(w!.message, /空き容量がほとんどありません（残り 49 MB）。まもなく記録できなくなります。すぐに/);
  assert.equal(classifyFreeSpace(0, 0).warning?.level, 'critical');
});

test('a database larger than the floor raises it to its own size (an update or import can need as much again)', () => {
  const big = 2048 * MIB;
  assert.equal(classifyFreeSpace(1024 * MIB, 10 * MIB).warning, null);
  const r = classifyFreeSpace(1024 * MIB, big);
  assert.equal(r.lowBytes, big);
  assert.match(r.warning!.message, /残り 1,024 MB/);
});

test('read from the folder: statfs blocks times block size; the database and its WAL counted', () => {
  assert.equal(freeSpaceWarning('/x', disk(100 * MIB))?.level, 'low');
  assert.equal(freeSpaceWarning('/x', disk(10 * MIB))?.level, 'critical');
  assert.equal(freeSpaceWarning('/x', disk(600 * MIB)), null);
  const sizes: string[] = [];
  const r = dataFolderFreeSpace('/data', {
    statfs: () => ({ bavail: 700 * 256, bsize: 4096 }),
    fileSize: (p) => (sizes.push(p), 400 * MIB),
  });
  assert.deepEqual(
    sizes.map((p) => p.replace(/\\/g, '/')),
    ['/data/madoguchi.db', '/data/madoguchi.db-wal'],
  );
  assert.equal(r?.lowBytes, 800 * MIB);
  assert.equal(r?.warning?.level, 'low');
});

test('a disk that will not say is not guessed at: no warning (the full disk is still caught when it happens)', () => {
  const throws = () => {
    throw Object.assign(new Error('nope'), { code: 'ENOSYS' });
  };
  assert.equal(dataFolderFreeSpace('/x', { statfs: throws }), null);
  assert.equal(freeSpaceWarning('/x', { statfs: throws }), null);
  // No database yet (a folder being made): only the floor counts.
  assert.equal(freeSpaceWarning('/x', { statfs: disk(600 * MIB).statfs, fileSize: throws }), null);
});
