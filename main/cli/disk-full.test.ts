// The command line on a full disk (issue 13): a real small tmpfs, filled, then a command that writes. The person
// reads what happened and what to do in Japanese (no SqliteError, no stack trace), and the folder still opens
// with what it held. Needs root to mount; elsewhere the test says it was skipped, and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from '../store/data-folder';
import { readSetting } from '../store/settings';
import { cli } from '../testing/cli-harness';
import { TINY_DISK_SKIP, fillDisk, mountTinyDisk } from '../testing/tiny-disk';

const PASS = 'correct horse battery';

test('a command that writes on a full disk says so in Japanese, with what to do, and the folder keeps what it held', async (t) => {
  const disk = mountTinyDisk(t);
  if (disk === null) return t.skip(TINY_DISK_SKIP);
  const data = join(disk, 'station');
  const store = createVenueDataFolder(data, 'toyosu', PASS);
  store.close();
  // Everything left taken by one file: the next page SQLite writes has nowhere to go.
  fillDisk(disk, 0);

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
