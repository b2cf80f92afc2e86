// Faults of the folder itself (issue 13): a database gone or emptied under its keyring is never silently made
// again, and two programs creating one folder at once cannot both win.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from './data-folder';
import { DB_FILE } from './folder-files';
import { tempDir } from '../testing/fixtures';
import { bundleChild } from '../testing/bundle-child';

const PASS = 'venue passphrase 1';

describe('a database gone from under its keyring', () => {
  for (const [what, damage] of [
    ['deleted', (dir: string) => rmSync(join(dir, DB_FILE))],
    ['emptied', (dir: string) => writeFileSync(join(dir, DB_FILE), '')],
  ] as const) {
    test(`${what}: opening is refused with what to do, and no new database is made in its place`, (t) => {
      const dir = tempDir(t);
      createVenueDataFolder(dir, 'honchosha', PASS).close();
      damage(dir);
      const r = openVenueDataFolder(dir, PASS);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'database-missing');
      assert.match(r.error.message, /データベース（madoguchi\.db）が(ありません|空です).*バックアップから復元/);
      assert.equal(
        existsSync(join(dir, DB_FILE)) ? readdirSync(dir).filter((f) => f.startsWith(DB_FILE)).length : 0,
        what === 'emptied' ? 1 : 0,
      );
      // Asked again, the same answer: the refusal changed nothing.
      assert.equal((openVenueDataFolder(dir, PASS) as { ok: false; error: { code: string } }).error.code, 'database-missing');
    });
  }
});

describe('two programs creating the same folder at once', () => {
  test('exactly one creates it, the other is refused, and the folder opens with the winner’s passphrase', async (t) => {
    const script = bundleChild(t, 'create-folder-child');
    const root = tempDir(t);
    const run = (dir: string, passphrase: string, go: string) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [script, dir, passphrase, go], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
        child.on('exit', () => resolve(out.trim()));
      });
    for (let pair = 0; pair < 3; pair++) {
      const dir = join(root, `station-${pair}`);
      const go = join(root, `go-${pair}`);
      const both = Promise.all([run(dir, 'pass A', go), run(dir, 'pass B', go)]);
      await new Promise((r) => setTimeout(r, 1_500)); // both started and waiting
      writeFileSync(go, '');
      const said = await both;
      const created = said.filter((s) => s.startsWith('created '));
      assert.equal(created.length, 1, `pair ${pair}: ${said.join(' / ')}`);
      assert.match(
        said.find((s) => !s.startsWith('created '))!,
        /^refused .*already holds a Madoguchi data folder/,
      );
      const winner = said[0]!.startsWith('created ') ? 'pass A' : 'pass B';
      const opened = openVenueDataFolder(dir, winner);
      assert.ok(opened.ok, `pair ${pair}: the folder opens with the winner’s passphrase`);
      assert.equal(opened.value.stationId, created[0]!.slice('created '.length));
      opened.value.close();
      assert.deepEqual(
        readdirSync(root).filter((f) => f.includes('.creating-')),
        [],
        'nothing half-made is left beside it',
      );
    }
  });
});
