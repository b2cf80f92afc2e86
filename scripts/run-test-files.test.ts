// The test runner itself: a file that hangs (while loading, or inside a test) fails within its limit, under
// its own name, saying where it hung, and everything it started is killed; the other files still count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTestFiles } from './run-test-files.mjs';

const FILES: Record<string, string> = {
  'passes.test.mjs': `import { test } from 'node:test';\ntest('one', () => {});\ntest('two', () => {});\n`,
  'fails.test.mjs': `import { test } from 'node:test';\ntest('good', () => {});\ntest('bad', () => { throw new Error('expected failure'); });\n`,
  // A deadlocked module load, as tsx's off-thread hooks could leave a file on Node 20: no test ever starts.
  'hangs-loading.test.mjs': `const cell = new Int32Array(new SharedArrayBuffer(4));\nAtomics.wait(cell, 0, 0);\n`,
  // A test waiting forever on something that never comes, with a child process of its own.
  'hangs-in-test.test.mjs': `import { test, describe } from 'node:test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
describe('outer', () => {
  test('finishes', () => {});
  test('waits for a reply that never comes', async () => {
    const child = spawn('sleep', ['600'], { stdio: 'ignore' });
    writeFileSync(new URL('./child.pid', import.meta.url), String(child.pid));
    setInterval(() => {}, 1000);
    await new Promise(() => {});
  });
});
`,
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('hung files fail at their limit, named with where they hung; their children are killed; the rest still count', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-runner-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  let log = '';
  const started = Date.now();
  const run = await runTestFiles({
    root: dir,
    files: Object.keys(FILES),
    nodeArgs: [],
    concurrency: 2,
    timeoutMs: 3000,
    workDir: join(dir, 'work'),
    log: (text) => (log += text + '\n'),
  });
  const took = (Date.now() - started) / 1000;
  assert.ok(took < 15, `two hung files at a 3 s limit took ${took} s`);

  const byFile = Object.fromEntries(run.results.map((r) => [r.file, r]));
  assert.deepEqual([byFile['passes.test.mjs']!.pass, byFile['passes.test.mjs']!.fail, byFile['passes.test.mjs']!.timedOut], [2, 0, false]);
  assert.deepEqual([byFile['fails.test.mjs']!.pass, byFile['fails.test.mjs']!.fail, byFile['fails.test.mjs']!.timedOut], [1, 1, false]);
  assert.equal(byFile['hangs-loading.test.mjs']!.timedOut, true);
  assert.equal(byFile['hangs-in-test.test.mjs']!.timedOut, true);
  assert.ok(byFile['hangs-in-test.test.mjs']!.seconds < 8);
  assert.equal(run.failed, 1 + 1 + 1, 'the failing test and one failure per hung file');
  assert.equal(run.passed, 2 + 1, 'a hung file reports no totals, so its finished tests are not counted as passed');

  assert.match(log, /✖ hangs-loading\.test\.mjs: 制限時間 3 秒を過ぎても終わらないため停止しました/);
  assert.match(log, /no test had started: the file itself did not finish loading/);
  assert.match(log, /✖ hangs-in-test\.test\.mjs: 制限時間 3 秒/);
  assert.match(log, /still running: outer › waits for a reply that never comes/);
  assert.match(log, /expected failure/, "a failing file's own output is shown");

  const childPid = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
  for (let i = 0; i < 20 && alive(childPid); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(alive(childPid), false, "the hung file's own child process was killed with it");
});
