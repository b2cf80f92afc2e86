import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from './data-folder';
import { defaultDataDir, resolveDataDir } from './app-folders';
import { KEYRING_FILE } from './folder-files';
import { importLedger } from '../ledger/import-ledger';
import { card, ledgerBytes, tempDir, testKeys } from '../testing/fixtures';
import { fixedClock } from '../clock';

const PASS = 'venue passphrase 1';

describe('venue data folder', () => {
  test('the database opens only through the keyring with the right passphrase', (t) => {
    const dir = tempDir(t);
    createVenueDataFolder(dir, 'honchosha', PASS).close();
    const wrong = openVenueDataFolder(dir, 'another passphrase');
    assert.ok(!wrong.ok);
    assert.equal(wrong.error.code, 'wrong-passphrase');
    const right = openVenueDataFolder(dir, PASS);
    assert.ok(right.ok);
    assert.equal(right.value.venue, 'honchosha');
    right.value.close();
  });

  test('a keyring edited to claim another venue does not open', (t) => {
    const dir = tempDir(t);
    createVenueDataFolder(dir, 'honchosha', PASS).close();
    const file = join(dir, KEYRING_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"venue": "honchosha"', '"venue": "sogo"'));
    const r = openVenueDataFolder(dir, PASS);
    assert.ok(!r.ok);
  });

  test('creating over an existing data folder is refused', (t) => {
    const dir = tempDir(t);
    createVenueDataFolder(dir, 'sogo', PASS).close();
    assert.throws(() => createVenueDataFolder(dir, 'sogo', PASS), /already/);
  });

  test('after an import no file in the data folder holds a resident in plaintext', (t) => {
    const dir = tempDir(t);
    const keys = testKeys();
    const store = createVenueDataFolder(dir, 'toyosu', PASS);
    const canary = card(1, { name: '燈籠　カナリア', kana: 'トウロウ　カナリア', address: '東京都江東区豊洲六丁目9番9号カナリアハイツ' });
    const r = importLedger({ store, clock: fixedClock('2026-11-20T00:00:00Z'), actor: 't' }, ledgerBytes(keys, 'toyosu', 'S1', [canary]), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    });
    assert.ok(r.ok);
    const files = readdirSync(dir);
    assert.ok(
      files.some((f) => f.endsWith('-wal')),
      'the WAL is part of what is checked',
    );
    for (const f of files) {
      const raw = readFileSync(join(dir, f));
      for (const needle of [canary.name, canary.kana, 'カナリアハイツ', canary.reservationNo]) {
        assert.ok(!raw.includes(Buffer.from(needle)), `${f} holds ${needle} (utf-8)`);
        assert.ok(!raw.includes(Buffer.from(needle, 'utf16le')), `${f} holds ${needle} (utf-16)`);
      }
    }
    store.close();
  });

  test('--data beats MADOGUCHI_DATA_DIR, which beats the app user-data folder', () => {
    assert.equal(resolveDataDir('/x/data', { MADOGUCHI_DATA_DIR: '/y' }), '/x/data');
    assert.equal(resolveDataDir(undefined, { MADOGUCHI_DATA_DIR: '/y' }), '/y');
    assert.equal(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/home/a/.config' }), '/home/a/.config/Madoguchi');
    assert.equal(
      defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32').replaceAll('\\', '/').endsWith('Roaming/Madoguchi'),
      true,
    );
    assert.equal(existsSync('/x/data'), false);
  });
});
