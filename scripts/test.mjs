#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, every *.test.ts under node:test (through tsx),
// then the renderer build and the Playwright suite in Chromium. Ends with one plain total line.
//   npm test -- <filter>   only node test files whose path contains <filter>
//   npm test -- --unit-only   skip typecheck, lint and Playwright
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const unitOnly = args.includes('--unit-only');
const filters = args.filter((a) => !a.startsWith('--'));
const full = !unitOnly && filters.length === 0;

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

function run(label, cmd, cmdArgs, { exitOnFailure = true, env = process.env } = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0 && exitOnFailure) {
    console.error(`\n${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  return r.status ?? 1;
}

if (full) {
  run('typecheck (main, preload, shared)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('typecheck (renderer)', 'npx', ['tsc', '-p', 'renderer/tsconfig.json', '--noEmit']);
  run('lint', 'npx', ['eslint', '.']);
}

let files = ['shared', 'main', 'bench', 'preload'].filter((d) => existsSync(join(root, d))).flatMap((d) => findTests(join(root, d)));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
files.sort();

// Human-readable spec output on the console; TAP into a file for the totals.
const work = mkdtempSync(join(tmpdir(), 'madoguchi-test-'));
const tapFile = join(work, 'results.tap');
const unitStatus = run(`unit and integration tests (${files.length} files)`, process.execPath, [
  // A test that hangs fails after 10 minutes instead of holding CI until its own limit.
  '--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
  ...files,
], { exitOnFailure: false });
const tap = readFileSync(tapFile, 'utf8');
const tapTotal = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
let passed = tapTotal('pass');
let failed = tapTotal('fail') + tapTotal('cancelled');
let skipped = tapTotal('skipped');

let e2eStatus = 0;
const hasE2e = existsSync(join(root, 'e2e')) && readdirSync(join(root, 'e2e')).some((f) => f.endsWith('.spec.ts'));
if (full && hasE2e) {
  run('renderer build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  const jsonFile = join(work, 'playwright.json');
  e2eStatus = run('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    exitOnFailure: false,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile },
  });
  if (existsSync(jsonFile)) {
    const stats = JSON.parse(readFileSync(jsonFile, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  } else if (e2eStatus !== 0) failed += 1;
}
rmSync(work, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
