import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleChild } from '../testing/bundle-child';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { installCrashReport } from './crash-report';
import { createRotatingLog, LOG_FILE } from './rotating-log';

function crashChild(t: { after(fn: () => void): void }, script: string, how: 'throw' | 'reject') {
  const dir = tempDir(t);
  const r = spawnSync(process.execPath, [script, dir, how], { encoding: 'utf8', timeout: 60_000 });
  const reports = readdirSync(dir).filter((f) => f.startsWith('crash-'));
  return { dir, r, reports };
}

test('a real crash (an exception nobody caught) leaves crash-<time>.txt with the version, platform, time, error kind and stack, and the last log lines; the process still dies as before', (t) => {
  const script = bundleChild(t, 'crash-report-child');
  const { dir, r, reports } = crashChild(t, script, 'throw');
  assert.equal(r.status, 1, 'Node still exits 1 on an uncaught exception');
  assert.match(r.stderr, /TypeError/, 'and still prints it');
  assert.equal(reports.length, 1);
  assert.match(reports[0]!, /^crash-\d{8}-\d{6}\.txt$/);
  const text = readFileSync(join(dir, reports[0]!), 'utf8');
  assert.match(
    text,
    /^Madoguchi crash report\nversion: 9\.8\.7-test\nplatform: \w+ \w+, Node \d+\.\d+\.\d+\ntime: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00\norigin: uncaughtException\n/,
  );
  assert.match(text, /\n {2}TypeError\n {2}at handOver \(/);
  // The last 50 lines: scans 12–60 and the careless line, scrubbed (scans 1–11 are older).
  const tail = text.slice(text.indexOf('last log lines (50):'));
  assert.doesNotMatch(tail, / counter:scan 11\n/);
  assert.match(tail, / counter:scan 12\n[^]*counter:scan 60\n.*scan of \[予約番号\] for \[日付\] went wrong\n/);
  for (const personal of ['窓口', '一郎', '豊洲', 'A1B-123456', '1983-04-01']) assert.ok(!text.includes(personal), personal);
  if (process.platform !== 'win32') assert.equal(statSync(join(dir, reports[0]!)).mode & 0o777, 0o600);
  assert.match(readFileSync(join(dir, LOG_FILE), 'utf8'), /crash: uncaughtException; report crash-\d{8}-\d{6}\.txt\n$/);
});

test('a promise rejection nobody handled is a crash too (Node turns it into an uncaught exception)', (t) => {
  const script = bundleChild(t, 'crash-report-child');
  const { dir, r, reports } = crashChild(t, script, 'reject');
  assert.equal(r.status, 1);
  assert.equal(reports.length, 1);
  const text = readFileSync(join(dir, reports[0]!), 'utf8');
  assert.match(text, /\norigin: unhandledRejection\n/);
  assert.match(text, /\n {2}RangeError\n/);
  assert.ok(!text.includes('一郎'));
});

test('at most `keep` reports are kept, oldest removed; uninstalled, a crash writes none', (t) => {
  const dir = tempDir(t);
  const clock = manualClock('2026-12-03T05:00:00Z');
  writeFileSync(join(dir, 'crash-20261201-090000.txt'), 'old');
  writeFileSync(join(dir, 'notes.txt'), 'not a report: left alone');
  const log = createRotatingLog({ dir, maxBytes: 4096, keep: 1, clock });
  const proc = new EventEmitter();
  const uninstall = installCrashReport({ dir, clock, log, version: '1', keep: 2, process: proc as unknown as NodeJS.Process });
  proc.emit('uncaughtExceptionMonitor', new Error('a'), 'uncaughtException');
  proc.emit('uncaughtExceptionMonitor', new Error('b'), 'uncaughtException'); // the same second
  assert.deepEqual(
    readdirSync(dir)
      .filter((f) => f.startsWith('crash-'))
      .sort(),
    ['crash-20261203-140000-2.txt', 'crash-20261203-140000.txt'],
  );
  clock.advance(1000);
  uninstall();
  proc.emit('uncaughtExceptionMonitor', new Error('c'), 'uncaughtException');
  assert.equal(readdirSync(dir).filter((f) => f.startsWith('crash-')).length, 2);
  assert.ok(readdirSync(dir).includes('notes.txt'));
});
