// Damage looked for when a folder opens, and said truly (issue 13): the keyring is sealed with authenticated
// encryption, so once it opens the passphrase was right and a database that will not open, or fails SQLite's
// quick_check, is damaged. Each kind of damage is refused with DB-DAMAGED and what to do, never as a wrong
// passphrase nor an internal error, and the refused open writes nothing in the folder.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from './data-folder';
import { DB_FILE } from './folder-files';
import { createStation } from '../app/station';
import { fixedClock } from '../clock';
import { cards, importTestLedger, tempDir, testKeys } from '../testing/fixtures';
import { flipByte, folderFingerprint, overwritePage1, truncateToHalf } from '../testing/damage';

const PASS = 'venue passphrase 1';
const clock = fixedClock('2026-11-20T01:00:00Z');
const DAMAGED =
  /データベース（madoguchi\.db）が破損しています（.+）。パスフレーズは正しく.*バックアップから復元するか、サポートに連絡してください（コード: DB-DAMAGED）/;

describe('a damaged database is refused as damaged when its folder opens', () => {
  // One folder with a ledger of 2,000 cards (a few hundred pages), copied for each kind of damage.
  let pristine = '';
  before(() => {
    pristine = join(tempDir(), 'pristine');
    const store = createVenueDataFolder(pristine, 'toyosu', PASS);
    importTestLedger(store, testKeys(), 'S1', cards(1, 2_000), { clock });
    store.close();
  });

  const damages = [
    ['page 1 overwritten (bytes 100..4096)', (f: string) => overwritePage1(f), /先頭のページを読めません/],
    ['cut to half its size', (f: string) => truncateToHalf(f), /読めないページがあります/],
    ['one byte flipped in a middle page', (f: string) => flipByte(f, 'middle'), /整合性の検査/],
    ['one byte flipped in the last page', (f: string) => flipByte(f, 'last'), /整合性の検査/],
  ] as const;

  for (const [what, damage, how] of damages) {
    test(`${what}: DB-DAMAGED with what to do, not a wrong passphrase, and nothing written`, (t) => {
      const dir = join(tempDir(t), 'station');
      cpSync(pristine, dir, { recursive: true });
      damage(join(dir, DB_FILE));
      const before = folderFingerprint(dir);

      const r = openVenueDataFolder(dir, PASS);
      assert.ok(!r.ok, 'the damaged folder does not open');
      assert.equal(r.error.code, 'database-damaged');
      assert.match(r.error.message, DAMAGED);
      assert.match(r.error.message, how);
      assert.doesNotMatch(r.error.message, /パスフレーズが違|SQLITE|Error|database|key/, 'no wrong-passphrase claim, no English');
      assert.deepEqual(folderFingerprint(dir), before, 'the refused open wrote nothing: no file made, changed or left');

      // A wrong passphrase is still said as one: the keyring is asked first.
      const wrong = openVenueDataFolder(dir, 'not the passphrase');
      assert.ok(!wrong.ok);
      assert.equal(wrong.error.code, 'wrong-passphrase');
    });
  }

  test('the station’s unlock (the app, serve) says DB-DAMAGED, not 内部エラー, and stays locked', async (t) => {
    const dir = join(tempDir(t), 'station');
    cpSync(pristine, dir, { recursive: true });
    flipByte(join(dir, DB_FILE), 'middle');
    const station = createStation(dir, clock, () => {});
    const unlocked = await station.invoke('station:unlock', { passphrase: PASS }, 'window');
    assert.ok(!unlocked.ok);
    assert.match(unlocked.error.message, DAMAGED);
    assert.doesNotMatch(unlocked.error.message, /内部エラー/);
    const status = await station.invoke('station:status', {}, 'window');
    assert.ok(status.ok && !(status.value as { unlocked: boolean }).unlocked, 'still locked: no work on a damaged database');
    await station.close();
  });

  test('the undamaged folder opens (the check refuses damage only)', () => {
    const opened = openVenueDataFolder(pristine, PASS);
    assert.ok(opened.ok);
    opened.value.close();
  });
});
