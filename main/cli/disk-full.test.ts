// The command line on a full disk (issue 13): a real small tmpfs, filled, then a command that writes. The person
// reads what happened and what to do in Japanese (no SqliteError, no stack trace), and the folder still opens
// with what it held. Needs root to mount; elsewhere the test says it was skipped, and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from '../store/data-folder';
import { readSetting } from '../store/settings';
import { cli } from '../testing/cli-harness';

const PASS = 'correct horse battery';

function mountTinyDisk(t: { after(fn: () => void): void }): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  t.after(() => {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

test('a command that writes on a full disk says so in Japanese, with what to do, and the folder keeps what it held', async (t) => {
  const disk = mountTinyDisk(t);
  if (disk === null) return t.skip('tmpfs cannot be mounted here (not root)');
  const data = join(disk, 'station');
  const store = createVenueDataFolder(data, 'toyosu', PASS);
  store.close();
  // Everything left taken by one file: the next page SQLite writes has nowhere to go.
  const free = Number(statfsSync(disk).bavail) * Number(statfsSync(disk).bsize);
  writeFileSync(join(disk, 'filler'), Buffer.alloc(free));

  const r = await cli(['settings', 'station-label', '窓口9', '--data', data], { env: { MADOGUCHI_PASSPHRASE: PASS } });
  assert.equal(r.code, 1);
  assert.match(r.err, /ディスクの空きが足りないため記録できませんでした.*DISK-FULL/);
  assert.doesNotMatch(r.err, /SqliteError|at .*\.ts:\d+/);

  rmSync(join(disk, 'filler'));
  const opened = openVenueDataFolder(data, PASS);
  assert.ok(opened.ok, 'the folder still opens');
  assert.equal(readSetting(opened.value.db, 'station-label'), '', 'the refused change is not there');
  assert.equal(opened.value.db.pragma('integrity_check', { simple: true }), 'ok');
  opened.value.close();
  const again = await cli(['settings', 'station-label', '窓口9', '--data', data], { env: { MADOGUCHI_PASSPHRASE: PASS } });
  assert.equal(again.code, 0, again.err);
});
