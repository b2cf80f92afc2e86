// An older Madoguchi installed over a newer one (or a backup restored onto a PC not yet updated): the window says,
// in Japanese, that the folder is a newer version's and to install the newer installer; nothing is opened or
// changed, and the folder opens again once the version that understands it is back.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStation } from './station';
import { createVenueDataFolder } from '../store/data-folder';
import { unlockKeyring } from '../store/keyring';
import { DB_FILE, KEYRING_FILE } from '../store/folder-files';
import { openDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/migrate';
import { tempDir } from '../testing/fixtures';
import { fixedClock } from '../clock';

const PASS = 'madoguchi-demo';

test('a folder of a newer version: refused at unlock with what to do, and left as it was', async (t) => {
  const dir = join(tempDir(t), 'honchosha');
  createVenueDataFolder(dir, 'honchosha', PASS).close();
  const keyring = unlockKeyring(readFileSync(join(dir, KEYRING_FILE), 'utf8'), PASS);
  assert.ok(keyring.ok);
  const { dbKey } = keyring.value;
  const db = openDatabase(join(dir, DB_FILE), dbKey);
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
  db.close();

  const station = createStation(dir, fixedClock('2026-12-03T01:00:00Z'), () => {});
  const r = await station.invoke('station:unlock', { passphrase: PASS }, 'window:1');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.error.message, /新しい版の Madoguchi で使われています（データベースの版 \d+。この PC の Madoguchi は版 \d+ まで）/);
    assert.match(r.error.message, /新しい版のインストーラーでこの PC を更新してから開いてください/);
  }
  const status = await station.invoke('station:status', {}, 'window:1');
  assert.equal(status.ok && (status.value as { unlocked: boolean }).unlocked, false);
  const after = openDatabase(join(dir, DB_FILE), dbKey);
  t.after(() => after.close());
  assert.equal(schemaVersion(after), LATEST_SCHEMA_VERSION + 3, 'not migrated, not rewritten');
});
