// One owner per data folder (issue 13): a second program that would write is refused before it touches the
// database and told which program holds the folder; a program that only reads opens beside the owner; the lock
// is the OS's, so an owner killed with SIGKILL leaves nothing behind that blocks the next one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from './data-folder';
import { OWNER_FILE } from './folder-files';
import { thisProgram } from './folder-lock';
import { tempDir } from '../testing/fixtures';
import { bundleChild } from '../testing/bundle-child';
import { cli } from '../testing/cli-harness';

const PASS = 'venue passphrase 1';

function holder(script: string, dir: string): Promise<{ child: ChildProcess; said: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, dir, PASS], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve({ child, said: out.trim() });
    });
  });
}

test('a second program is refused with who holds the folder; after the owner is killed, the next one opens', async (t) => {
  const dir = tempDir(t);
  createVenueDataFolder(dir, 'sogo', PASS).close();
  const script = bundleChild(t, 'hold-folder-child');
  const first = await holder(script, dir);
  t.after(() => first.child.kill('SIGKILL'));
  assert.equal(first.said, 'held');

  const second = openVenueDataFolder(dir, PASS);
  assert.ok(!second.ok);
  assert.equal(second.error.code, 'in-use');
  assert.match(
    second.error.message,
    new RegExp(`別のプログラム（madoguchi、プロセス番号 ${first.child.pid}、このコンピューター、.*から）が使用中です.*FOLDER-IN-USE`),
  );
  assert.doesNotMatch(second.error.message, /database is locked|SQLITE/);
  // Another child is told the same: the lock is between processes, not within one.
  const third = await holder(script, dir);
  assert.match(third.said, /^refused .*使用中です/);

  // A reader (status, a report) opens beside it.
  const reader = openVenueDataFolder(dir, PASS, { share: true });
  assert.ok(reader.ok);
  reader.value.close();

  // Killed without a chance to clean up: the OS drops its lock, and the stale note does not block.
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  assert.ok(existsSync(join(dir, OWNER_FILE)), 'the killed owner’s note is still there');
  const after = openVenueDataFolder(dir, PASS);
  assert.ok(after.ok, after.ok ? '' : after.error.message);
  after.value.close();
  assert.equal(existsSync(join(dir, OWNER_FILE)), false, 'a clean close leaves no note');
});

test('in one process too: the folder opened twice is refused until the first closes', (t) => {
  const dir = tempDir(t);
  const store = createVenueDataFolder(dir, 'toyosu', PASS);
  const again = openVenueDataFolder(dir, PASS);
  assert.ok(!again.ok);
  assert.equal(again.error.code, 'in-use');
  store.close();
  const now = openVenueDataFolder(dir, PASS);
  assert.ok(now.ok);
  now.value.close();
});

test('a command that writes is refused while the folder is owned; status reads beside the owner', async (t) => {
  const dir = tempDir(t);
  const owner = createVenueDataFolder(dir, 'honchosha', PASS);
  t.after(() => owner.close());
  const env = { MADOGUCHI_PASSPHRASE: PASS };
  const close = await cli(['venue', 'close-day', '--data', dir, '--staff', 'lead1'], { env });
  assert.notEqual(close.code, 0);
  assert.match(close.err, /このデータフォルダは別のプログラム（.*）が使用中です.*FOLDER-IN-USE/);
  assert.doesNotMatch(close.err, /Error|at \w+ \(/);
  const status = await cli(['status', '--data', dir], { env });
  assert.equal(status.code, 0, status.err);
});

test('the program is named as people call it, never with its arguments', () => {
  const node = { ...process.versions, electron: undefined } as unknown as NodeJS.ProcessVersions;
  assert.equal(thisProgram(['node', 'madoguchi', 'sync', 'serve', '--data', '/secret/path'], node), 'madoguchi sync serve');
  assert.equal(thisProgram(['node', 'madoguchi', 'serve', '--port', '1'], node), 'madoguchi serve');
  assert.equal(thisProgram(['node', 'child.mjs', '/tmp/dir', 'venue passphrase'], node), 'madoguchi');
  assert.equal(thisProgram(['electron', '.'], { ...process.versions, electron: '39.0.0' }), 'Madoguchi（アプリ）');
});
