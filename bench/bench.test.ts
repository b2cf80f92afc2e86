// Keeps `npm run bench` working: runs it at toy sizes. Says nothing about speed (that is the bench's job).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('the benchmark script runs every target and reports ratio and budget for each', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('./run.ts', import.meta.url).pathname, '--quick'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  for (const name of [
    'import a 2,000-row ledger',
    'build ledgers from a 5,000-row',
    'route 5,000 addresses',
    'scan → decision',
    'handover commit',
    'kana prefix + birth date search',
    'reconciliation of 2,000 cards',
    'ledger PDF of 200 rows',
    'HQ ingest of 30 files',
    'HQ re-ingest of the same 30 files',
    'sync file of a day with 200 handovers',
    'records checked link by link at unlock',
    'backup (snapshot, every page read back',
  ]) {
    assert.ok(r.stdout.includes(name), `missing target: ${name}\n${r.stdout}`);
  }
  assert.equal(r.stdout.match(/× baseline \(target ≤/g)?.length, 13);
});
