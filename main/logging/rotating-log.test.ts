import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRotatingLog, LOG_FILE, type LogFs } from './rotating-log';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';

const clock = manualClock('2026-12-03T05:42:10.123Z');
const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1);

test('each line is stamped with Tokyo time (ISO 8601, +09:00), scrubbed, and on disk before log() returns', (t) => {
  const dir = tempDir(t);
  const log = createRotatingLog({ dir, maxBytes: 10_000, keep: 2, clock, stderr: () => assert.fail('no stderr') });
  log.log('station unlock: 5 wrong passphrases in a row; waiting until 2026-12-03T05:42:40.123Z');
  log.log('scan A1B-123456 refused\n    at f (x.ts:1:2)');
  log.log('two\nlines');
  assert.deepEqual(linesOf(join(dir, LOG_FILE)), [
    '2026-12-03T14:42:10.123+09:00 station unlock: 5 wrong passphrases in a row; waiting until 2026-12-03T05:42:40.123Z',
    '2026-12-03T14:42:10.123+09:00 scan [予約番号] refused',
    '    at f (x.ts:1:2)',
    '2026-12-03T14:42:10.123+09:00 two',
    '    lines',
  ]);
  assert.equal(log.recent().length, 3);
  if (process.platform !== 'win32') assert.equal(statSync(join(dir, LOG_FILE)).mode & 0o777, 0o600);
});

test('past maxBytes the file rotates to madoguchi.1.log…, keeping `keep` old files, the oldest dropped', (t) => {
  const dir = tempDir(t);
  const log = createRotatingLog({ dir, maxBytes: 1024, keep: 2, clock });
  const line = (n: number) => `line ${String(n).padStart(3, '0')} ${'x'.repeat(90)}`;
  for (let n = 1; n <= 40; n++) log.log(line(n));
  assert.deepEqual(readdirSync(dir).sort(), ['madoguchi.1.log', 'madoguchi.2.log', 'madoguchi.log']);
  for (const f of readdirSync(dir)) assert.ok(statSync(join(dir, f)).size <= 1024, f);
  // Nothing lost between the files kept: the newest 2 old files and the current one end with line 40, in order.
  const kept = ['madoguchi.2.log', 'madoguchi.1.log', 'madoguchi.log'].flatMap((f) => linesOf(join(dir, f)));
  const numbers = kept.map((l) => Number(/line (\d+)/.exec(l)![1]));
  assert.equal(numbers.at(-1), 40);
  assert.deepEqual(
    numbers,
    Array.from({ length: numbers.length }, (_, i) => 40 - numbers.length + 1 + i),
  );
  assert.ok(numbers[0]! > 1, 'the oldest lines went with the oldest file');
});

test('a file left by an earlier run is appended to, and counted toward its size', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, LOG_FILE), 'y'.repeat(1000) + '\n');
  createRotatingLog({ dir, maxBytes: 1024, keep: 1, clock }).log('after a restart, this line does not fit');
  assert.equal(readFileSync(join(dir, 'madoguchi.1.log'), 'utf8').length, 1001);
  assert.match(readFileSync(join(dir, LOG_FILE), 'utf8'), /^2026-12-03T14:42:10\.123\+09:00 after a restart/);
});

test('a full disk never stops the caller: lines go to stderr, said once, and the file is used again when it can be', (t) => {
  const dir = tempDir(t);
  let full = false;
  const failingFs: LogFs = {
    ...fs,
    appendFileSync: ((...args: Parameters<typeof fs.appendFileSync>) => {
      if (full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      fs.appendFileSync(...args);
    }) as typeof fs.appendFileSync,
  };
  const stderr: string[] = [];
  const log = createRotatingLog({ dir, maxBytes: 10_000, keep: 1, clock, fs: failingFs, stderr: (s) => stderr.push(s) });
  log.log('before');
  full = true;
  assert.doesNotThrow(() => log.log('during 1'));
  log.log('during 2');
  assert.equal(stderr.filter((s) => s.includes('書けません')).length, 1, 'said once');
  assert.match(stderr[0]!, /ログファイル .*madoguchi\.log に書けません（ENOSPC）/);
  assert.ok(stderr.some((s) => s.endsWith(' during 1\n')) && stderr.some((s) => s.endsWith(' during 2\n')));
  full = false;
  log.log('after');
  assert.match(stderr.at(-1)!, /書き込みを再開しました/);
  assert.deepEqual(
    linesOf(join(dir, LOG_FILE)).map((l) => l.slice(30)),
    ['before', 'after', 'log: resumed after writing to stderr'],
  );
});

test('a removed log folder is made again; one that cannot be (a file in its place) sends lines to stderr', (t) => {
  const base = tempDir(t);
  const dir = join(base, 'logs');
  const stderr: string[] = [];
  const log = createRotatingLog({ dir, maxBytes: 10_000, keep: 1, clock, stderr: (s) => stderr.push(s) });
  log.log('first');
  rmSync(dir, { recursive: true });
  log.log('after the folder was removed');
  assert.equal(linesOf(join(dir, LOG_FILE)).length, 1);
  assert.equal(stderr.length, 0, 'nothing went to stderr');
  rmSync(dir, { recursive: true });
  writeFileSync(dir, 'not a folder');
  assert.doesNotThrow(() => log.log('nowhere to go'));
  assert.equal(stderr.length, 2);
  assert.match(stderr[0]!, /書けません/);
  assert.ok(stderr[1]!.endsWith(' nowhere to go\n'));
});

test('after close() nothing more is written; bad options are refused in words', (t) => {
  const dir = tempDir(t);
  const log = createRotatingLog({ dir, maxBytes: 4096, keep: 1, clock });
  log.close();
  log.log('too late');
  assert.equal(existsSync(join(dir, LOG_FILE)), false);
  assert.throws(() => createRotatingLog({ dir, maxBytes: 10, keep: 1, clock }), /ログの最大サイズ（maxBytes）は 1024 以上の整数です: 10/);
  assert.throws(() => createRotatingLog({ dir, maxBytes: 4096, keep: -1, clock }), /ログの保存数（keep）は 0〜100 の整数です: -1/);
});
