import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { openDataFolder } from '../store/data-folder';
import { lockedAccounts, verifyStaffPin } from '../auth/staff';
import { systemClock } from '../clock';
import { manualClock } from '../testing/app-fixture';

test('a lead adds staff and changes settings from the command line; bad values are refused', async (t) => {
  const dir = join(tempDir(t), 'demo');
  assert.equal((await cli(['demo', '--dir', dir, '--residents', '50'], { env: {} })).code, 0);
  const data = join(dir, 'venues', 'sogo');
  const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_STAFF_PIN: '4321', MADOGUCHI_STAFF: 'lead1', MADOGUCHI_PIN: '9999' };
  // The passphrase alone no longer adds staff (issue 14): a lead, by id and PIN, recorded as that lead.
  const { MADOGUCHI_STAFF: _, ...noStaff } = env;
  const anonymous = await cli(['staff', 'add', '--id', 'tanaka', '--name', '田中　一', '--role', 'lead', '--data', data], { env: noStaff });
  assert.equal(anonymous.code, 1);
  assert.match(anonymous.err, /職員の登録には、行う会場責任者の職員IDとPINが必要です（--staff 職員ID、または環境変数 MADOGUCHI_STAFF）/);
  const byClerk = await cli(
    ['staff', 'add', '--id', 'tanaka', '--name', '田中　一', '--role', 'lead', '--data', data, '--staff', 'clerk1'],
    {
      env: { ...noStaff, MADOGUCHI_PIN: '1111' },
    },
  );
  assert.equal(byClerk.code, 1);
  assert.match(byClerk.err, /職員の登録は会場責任者が行います（clerk1 は窓口職員です）/);
  const added = await cli(['staff', 'add', '--id', 'tanaka', '--name', '田中　一', '--role', 'clerk', '--data', data], { env });
  assert.equal(added.code, 0, added.err);
  const list = await cli(['staff', 'list', '--data', data], { env });
  assert.match(list.out, /^tanaka\t田中　一\tclerk$/m);
  assert.match(list.out, /^lead1\t/m);
  const badPin = await cli(['staff', 'add', '--id', 'x1', '--name', 'x', '--role', 'clerk', '--data', data], {
    env: { ...env, MADOGUCHI_STAFF_PIN: '12' },
  });
  assert.equal(badPin.code, 1);
  assert.match(badPin.err, /4〜8桁/);
  const set = await cli(['settings', 'idle-lock-minutes', '10', '--data', data], { env });
  assert.equal(set.code, 0, set.err);
  assert.match(set.out, /^idle-lock-minutes\t10\t/m);
  assert.equal(set.err, '', 'read afresh by a running app: nothing to say');
  const scanner = await cli(['settings', 'scanner-mode', 'hid', '--data', data], { env });
  assert.equal(scanner.code, 0, scanner.err);
  assert.match(scanner.err, /実行中のアプリには、アプリを再起動すると反映されます/, 'read once at start: said');
  const bad = await cli(['settings', 'idle-lock-minutes', '0', '--data', data], { env });
  assert.equal(bad.code, 1);
  assert.match(bad.err, /idle-lock-minutes の値が不正です: 0（1〜120 の整数）/, 'says what it may be');
  const all = await cli(['settings', '--data', data], { env });
  assert.match(all.out, /^scanner-mode\thid\t/m);

  // HQ staff belong in HQ's folder: a venue's refuses them, saying where they go.
  const hq = await cli(['staff', 'add', '--id', 'honbu', '--name', '本部', '--role', 'hq', '--data', data], { env });
  assert.equal(hq.code, 1);
  assert.match(hq.err, /事務センター（hq）の職員は会場のデータフォルダには登録できません。事務センターのデータフォルダに登録してください/);
  assert.doesNotMatch((await cli(['staff', 'list', '--data', data], { env })).out, /honbu|hq1/, 'none at the venue, the demo’s included');

  // Locked until someone unlocks it (15 wrong PINs): `staff unlock` lifts it (HQ has no lead to do it in the app).
  const opened = openDataFolder(data, 'madoguchi-demo');
  assert.ok(opened.ok);
  const clock = manualClock(new Date(Date.now() - 3 * 3_600_000).toISOString());
  for (let i = 0; i < 15; i++) {
    if (i === 5 || i === 10) clock.advance(3_600_001); // past the 5-minute and the 1-hour lock
    verifyStaffPin(opened.value.store.db, clock, 'tanaka', '0000');
  }
  assert.deepEqual(
    lockedAccounts(opened.value.store.db, systemClock).map((a) => [a.staffId, a.lockedUntil]),
    [['tanaka', null]],
  );
  opened.value.store.close();
  const unlocked = await cli(['staff', 'unlock', '--id', 'tanaka', '--data', data], { env });
  assert.equal(unlocked.code, 0, unlocked.err);
  assert.equal(unlocked.out, '職員 tanaka のロックを解除しました\n');
  const again = await cli(['staff', 'unlock', '--id', 'tanaka', '--data', data], { env });
  assert.equal(again.code, 1);
  assert.match(again.err, /tanaka: この職員はロックされていません/);
  const reopened = openDataFolder(data, 'madoguchi-demo');
  assert.ok(reopened.ok);
  const actors = reopened.value.store.db
    .prepare("SELECT kind, actor FROM events WHERE kind IN ('staff.enrolled', 'staff.unlocked') AND payload LIKE '%tanaka%'")
    .all();
  reopened.value.store.close();
  assert.deepEqual(actors, [
    { kind: 'staff.enrolled', actor: 'lead:lead1' },
    { kind: 'staff.unlocked', actor: 'lead:lead1' },
  ]);
});

test('the first lead of a new folder is added without one, recorded as setup; the second needs the first', async (t) => {
  const root = tempDir(t);
  const data = join(root, 'sogo');
  const env = { MADOGUCHI_PASSPHRASE: 'a venue passphrase 1', MADOGUCHI_STAFF_PIN: '4321' };
  assert.equal((await cli(['keys', 'hq', '--out', join(root, 'k')], { env })).code, 0);
  const made = await cli(['venue', 'trust-hq', '--hq-pub', join(root, 'k', 'hq.pub'), '--venue', 'sogo', '--data', data], { env });
  assert.equal(made.code, 0, made.err);
  // Asked to act as someone in a folder with no lead yet: said, and recorded as setup, not counted as a wrong PIN.
  const first = await cli(['staff', 'add', '--id', 'l1', '--name', '責任者', '--role', 'lead', '--data', data, '--staff', 'l1'], { env });
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /このデータフォルダにはまだ会場責任者が登録されていないため、初期設定（setup）として記録します/);
  const second = await cli(['staff', 'add', '--id', 'c1', '--name', '窓口', '--role', 'clerk', '--data', data], { env });
  assert.equal(second.code, 1, 'a lead exists now: nobody else adds staff without one');
  const byLead = await cli(['staff', 'add', '--id', 'c1', '--name', '窓口', '--role', 'clerk', '--data', data, '--staff', 'l1'], {
    env: { ...env, MADOGUCHI_PIN: '4321' },
  });
  assert.equal(byLead.code, 0, byLead.err);
  const opened = openDataFolder(data, env.MADOGUCHI_PASSPHRASE);
  assert.ok(opened.ok);
  const actors = opened.value.store.db.prepare("SELECT actor FROM events WHERE kind = 'staff.enrolled' ORDER BY seq").all();
  opened.value.store.close();
  assert.deepEqual(actors, [{ actor: 'setup' }, { actor: 'lead:l1' }]);
});
