// A damaged folder at the command line (issue 13): every command says DB-DAMAGED in Japanese and exits 1, and
// `serve`, which starts its server before it opens the folder, stops with it. Before, a half-truncated database
// made `serve` print its error and then hang for good: the server it had started kept the process alive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVenueDataFolder } from '../store/data-folder';
import { DB_FILE } from '../store/folder-files';
import { cli } from '../testing/cli-harness';
import { cards, importTestLedger, tempDir, testKeys } from '../testing/fixtures';
import { overwritePage1, truncateToHalf } from '../testing/damage';
import { fixedClock } from '../clock';

const BIN = fileURLToPath(new URL('../../bin/madoguchi.mjs', import.meta.url));
const PASS = 'correct horse battery';

function folder(t: { after(fn: () => void): void }): string {
  const dir = join(tempDir(t), 'station');
  const store = createVenueDataFolder(dir, 'toyosu', PASS);
  importTestLedger(store, testKeys(), 'S1', cards(1, 300), { clock: fixedClock('2026-11-20T01:00:00Z') });
  store.close();
  return dir;
}

/** `madoguchi serve` in a process of its own: its exit code and stderr, or null for either if it is still running. */
function serve(dir: string, env: NodeJS.ProcessEnv, ms: number): Promise<{ code: number | null; err: string }> {
  const renderer = join(dir, '..', 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>窓口</title>');
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dir, '--renderer', renderer], {
    env: { ...process.env, MADOGUCHI_PASSPHRASE: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, err });
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}

test('page 1 damaged: status says DB-DAMAGED (not a wrong passphrase) and what to do', async (t) => {
  const dir = folder(t);
  overwritePage1(join(dir, DB_FILE));
  const r = await cli(['status', '--data', dir], { env: { MADOGUCHI_PASSPHRASE: PASS } });
  assert.equal(r.code, 1);
  assert.match(r.err, /破損しています（先頭のページを読めません）.*バックアップから復元.*DB-DAMAGED/);
  assert.doesNotMatch(r.err, /パスフレーズが違|SqliteError|database/);
});

// Slow on a loaded machine (a process that loads the TypeScript), so one generous bound: a hang is forever.
const EXIT_WITHIN_MS = 60_000;

test('serve on a half-truncated database exits 1 with DB-DAMAGED, and does not hang', async (t) => {
  const dir = folder(t);
  truncateToHalf(join(dir, DB_FILE));
  const r = await serve(dir, { MADOGUCHI_PASSPHRASE: PASS }, EXIT_WITHIN_MS);
  assert.equal(r.code, 1, `serve still running after ${EXIT_WITHIN_MS} ms: ${r.err}`);
  assert.match(r.err, /破損しています.*DB-DAMAGED/);
});

test('serve whose start fails another way (no passphrase to be had) exits too: nothing is left running', async (t) => {
  const dir = folder(t);
  const r = await serve(dir, {}, EXIT_WITHIN_MS);
  assert.equal(r.code, 1, `serve still running after ${EXIT_WITHIN_MS} ms: ${r.err}`);
  assert.match(r.err, /パスフレーズが必要です/);
});
