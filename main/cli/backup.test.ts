// `madoguchi backup` as a lead uses it at a terminal: only a lead (by PIN) makes one; verify says what it
// found and, given the folder, writes the check to its access record; list shows both and the reminder.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { fixedClock } from '../clock';

const PASS = 'madoguchi-demo';

/** A new 総合区民センター folder with the demo's staff, and an empty folder to back up to. */
function folderWithStaff(t: { after(fn: () => void): void }): { data: string; usb: string } {
  const root = tempDir(t);
  const data = join(root, 'data');
  const usb = join(root, 'usb');
  mkdirSync(usb);
  const store = createVenueDataFolder(data, 'sogo', PASS);
  for (const s of DEMO_STAFF) enrollStaff(store.db, fixedClock('2026-11-20T00:00:00Z'), store.stationId, 'test', s);
  store.close();
  return { data, usb };
}

test('backup create, verify and list at the command line', async (t) => {
  const { data, usb } = folderWithStaff(t);
  const env = { MADOGUCHI_PASSPHRASE: PASS };

  const asClerk = await cli(['backup', 'create', '--data', data, '--to', usb, '--staff', 'clerk1'], {
    env: { ...env, MADOGUCHI_PIN: '1111' },
  });
  assert.notEqual(asClerk.code, 0);
  assert.match(asClerk.err, /会場責任者が行います/);
  const nobody = await cli(['backup', 'create', '--data', data, '--to', usb], { env });
  assert.match(nobody.err, /職員IDとPINが必要です/);
  assert.deepEqual(readdirSync(usb), []);

  const made = await cli(['backup', 'create', '--data', data, '--to', usb, '--staff', 'lead1'], { env: { ...env, MADOGUCHI_PIN: '9999' } });
  assert.equal(made.code, 0, made.err);
  const path = /^バックアップを作りました: (.+)$/m.exec(made.out)?.[1];
  assert.ok(path && readdirSync(usb).length === 1, made.out);
  assert.match(made.out, /作成 2026\/11\/20 10:00（手動）・会場　責任者（lead1）/);

  const checked = await cli(['backup', 'verify', path, '--data', data, '--staff', 'lead1'], { env: { ...env, MADOGUCHI_PIN: '9999' } });
  assert.equal(checked.code, 0, checked.err);
  assert.match(checked.out, /^バックアップは正常です（復元に使えます）/);
  assert.match(checked.out, /（手動）・会場　責任者（lead1）/, 'by name, the station at hand');
  // Without the station's folder at hand, the maker by id and role, never lead:lead1.
  const alone = await cli(['backup', 'verify', path], { env });
  assert.equal(alone.code, 0, alone.err);
  assert.match(alone.out, /（手動）・lead1（会場責任者）/);
  const wrong = await cli(['backup', 'verify', path], { env: { MADOGUCHI_PASSPHRASE: 'wrong one' } });
  assert.equal(wrong.code, 1);
  assert.match(wrong.err, /パスフレーズが違います/);

  const listed = await cli(['backup', 'list', '--data', data, '--json'], { env });
  const list = JSON.parse(listed.out);
  assert.equal(list.overdue, false);
  assert.deepEqual(
    list.backups.map((b: { path: string; by: string; lastCheck: { ok: boolean }; present: boolean }) => [
      b.path,
      b.by,
      b.lastCheck.ok,
      b.present,
    ]),
    [[path, 'lead:lead1', true, true]],
  );
  const text = await cli(['backup', 'list', '--data', data], { env });
  assert.match(text.out, /バックアップ先: 未設定/);
  assert.match(text.out, /2026\/11\/20 10:00 手動 会場　責任者（lead1） {2}正常（2026\/11\/20 10:00 確認）/);
  assert.doesNotMatch(text.out, /注意/);

  // The stick taken away: checked yesterday, but nothing at hand to restore from; list says so, and what to do.
  renameSync(usb, `${usb}-away`);
  const gone = await cli(['backup', 'list', '--data', data, '--json'], { env });
  assert.deepEqual([JSON.parse(gone.out).overdue, JSON.parse(gone.out).goneFromMedium], [false, true]);
  const goneText = await cli(['backup', 'list', '--data', data], { env });
  assert.match(goneText.out, /［媒体に見当たりません］/);
  assert.match(
    goneText.out,
    /^注意: 確認済みのバックアップが媒体に見当たりません（最後: 2026\/11\/20 10:00）。バックアップの入ったUSBメモリを差し直すか、今すぐバックアップしてください$/m,
  );
});

test('venue close-day names 日締め’s backup, or says the folder is not set', async (t) => {
  const { data, usb } = folderWithStaff(t);
  const env = { MADOGUCHI_PASSPHRASE: PASS, MADOGUCHI_PIN: '9999' };

  const unset = await cli(['venue', 'close-day', '--data', data, '--staff', 'lead1', '--date', '2026-11-18'], { env });
  assert.equal(unset.code, 0, unset.err);
  assert.match(unset.out, /^バックアップは作っていません：バックアップ先が未設定です/m);
  // Checked as the page checks it: a folder not there (a stick not plugged in) is refused, nothing saved.
  const missing = await cli(['settings', 'backup-folder', join(usb, 'not-plugged-in'), '--data', data], { env });
  assert.equal(missing.code, 1);
  assert.match(missing.err, /not-plugged-in」が見つかりません。USBメモリが差してあるか/);
  const inside = await cli(['settings', 'backup-folder', 'backups', '--data', data], { env });
  assert.equal(inside.code, 1, 'relative: read from the data folder, so inside it');
  assert.equal((await cli(['settings', 'backup-folder', usb, '--data', data], { env })).code, 0);
  const closed = await cli(['venue', 'close-day', '--data', data, '--staff', 'lead1', '--date', '2026-11-19'], { env });
  assert.equal(closed.code, 0, closed.err);
  assert.match(closed.out, /^バックアップ: .*madoguchi-backup-sogo-/m);
  assert.equal(readdirSync(usb).length, 1);
});
