// `npm start` runs `madoguchi serve` under itself; npm does not pass its SIGTERM on, and a killed start script
// cannot. The server must not go on serving residents' data with nobody to stop it: started with
// MADOGUCHI_EXIT_WITH_PARENT=1 it stops (closing the database) once the process that started it is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';

const BIN = fileURLToPath(new URL('../../bin/madoguchi.mjs', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('serve started by npm start stops when its starter is killed outright', async (t) => {
  const dir = join(tempDir(t), 'demo');
  assert.equal((await cli(['demo', '--dir', dir, '--residents', '100'], { env: {} })).code, 0);
  // Any built screen will do (the suite's node tests run before the renderer is built).
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>窓口</title>');
  // A stand-in for scripts/start.mjs: a shell that starts the server and prints its pid, then waits.
  const starter = spawn(
    'sh',
    ['-c', `"${process.execPath}" "${BIN}" serve --data "${join(dir, 'venues', 'toyosu')}" --renderer "${renderer}" & echo $!; wait`],
    {
      env: { ...process.env, MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_EXIT_WITH_PARENT: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  starter.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  let ended = false;
  starter.on('exit', () => (ended = true));
  const deadline = Date.now() + 90_000; // slow on a loaded CI machine
  while (!/URL: http/.test(out) && !ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const serverPid = Number(out.split('\n')[0]);
  assert.ok(serverPid > 0 && /URL: http/.test(out), out);
  t.after(() => alive(serverPid) && process.kill(serverPid, 'SIGKILL'));

  starter.kill('SIGKILL');
  const gone = Date.now() + 10_000;
  while (alive(serverPid) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
  assert.equal(alive(serverPid), false, 'the server stopped within a few seconds of its starter');
});
