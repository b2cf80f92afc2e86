// HQ's own folder has the same life as a station's (issue 15): backed up, restored on a new PC (no files of its
// own to take back: it pulls the stations' again), and erased at the end of the project with its report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataFolder, openDataFolder, type HqStore } from '../store/data-folder';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { writeSetting } from '../store/settings';
import { backupHistory } from './backup-record';
import { backUp } from './back-up';
import { restoreFolder } from './restore';
import { eraseFolder } from '../erasure/erase-folder';
import { verifyErasureReport } from '../erasure/verify-erasure';

const PASS = 'correct horse battery staple';

test('HQ’s folder: backed up, restored into a new folder, erased with a signed report', async (t) => {
  const clock = manualClock('2027-03-31T01:00:00Z');
  const dir = tempDir(t);
  const opened = createDataFolder(join(dir, 'hq'), 'hq', PASS);
  const hq = opened.store as HqStore;
  mkdirSync(join(dir, 'usb'));
  writeSetting(hq.db, 'backup-folder', join(dir, 'usb'));
  writeSetting(hq.db, 'backup-keep', '1');
  // Two backups, one kept: the second's making removes the first, after its own copy was taken.
  const first = await backUp(hq, clock, 'hq:hq1', { to: join(dir, 'usb'), reason: 'manual' });
  clock.advance(60_000);
  const made = await backUp(hq, clock, 'hq:hq1', { to: join(dir, 'usb'), reason: 'manual' });
  assert.ok(first.ok && made.ok);
  assert.deepEqual(made.value.removed, [first.value.path]);
  assert.equal(made.value.body.site, 'hq');
  hq.close();

  const restored = await restoreFolder(clock, {
    from: made.value.path,
    to: join(dir, 'new-pc'),
    passphrase: PASS,
    syncFiles: null,
    actor: async () => 'hq:hq1',
  });
  assert.ok(restored.ok, JSON.stringify(restored));
  assert.equal(restored.value.reclaimed, null, 'HQ publishes no files of its own');
  // Where the settings point now: the absolute backup folder as it was, the relative outbox beside the new folder.
  assert.deepEqual(
    restored.value.places.map((p) => [p.setting, p.resolved, p.relative]),
    [
      ['backup-folder', join(dir, 'usb'), false],
      ['sync-outbox', join(dir, 'new-pc', 'outbox'), true],
    ],
  );
  const again = openDataFolder(join(dir, 'new-pc'), PASS);
  assert.ok(again.ok && again.value.site === 'hq');
  // Its backup list is the backup it came from (made by whom and when the manifest says, checked as restored), not
  // the one that backup's making removed (its copy still names it; nothing of it is left to destroy by hand).
  assert.deepEqual(
    backupHistory(again.value.store.db).map((b) => [b.path, b.at, b.by, b.reason, b.lastCheck?.ok]),
    [[made.value.path, made.value.body.createdAt, 'hq:hq1', 'manual', true]],
  );

  const erased = eraseFolder(again.value.store, clock, {
    approval: 'A-HQ',
    reportDir: join(dir, 'report'),
    actor: 'hq:hq1',
    actorName: '事務センター　職員',
  });
  assert.ok(erased.ok);
  assert.equal(existsSync(join(dir, 'new-pc')), false);
  assert.equal(erased.value.body.site, 'hq');
  assert.ok(verifyErasureReport(readFileSync(erased.value.json, 'utf8'), null).ok);
});
