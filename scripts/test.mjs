#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, the import-cycle check, the dead-code check (knip) and the
// format check (prettier), every
// *.test.ts under node:test (through tsx), each file in its own process under a time limit, then the renderer
// build and the Playwright suite in Chromium.
// Ends with one plain total line and the slowest files.
//   npm test -- <filter>   only node test files whose path contains <filter>
//   npm test -- --unit-only   skip typecheck, lint, the cycle, dead-code and format checks and Playwright
//   MADOGUCHI_TEST_FILE_TIMEOUT_S=N   a node test file still running after N seconds is a failure (default 150)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSupportedNode } from './ensure-node.mjs';
import { runTestFiles } from './run-test-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await ensureSupportedNode(root);
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

const phases = [];
const timed = (label, started) => phases.push(`${label} ${((Date.now() - started) / 1000).toFixed(0)} s`);

function run(label, cmd, cmdArgs, { exitOnFailure = true, env = process.env } = {}) {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  timed(label, started);
  if (r.status !== 0 && exitOnFailure) {
    console.error(`\n${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  return r.status ?? 1;
}

/** Runs independent checks side by side, printing each one's output in one piece when it ends. */
async function runTogether(label, steps) {
  console.log(`\n== ${label}`);
  const started = Date.now();
  const results = await Promise.all(
    steps.map(
      ([name, cmd, cmdArgs]) =>
        new Promise((resolve) => {
          const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (code) => {
            console.log(`-- ${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`}${out.trim() ? `\n${out.trimEnd()}` : ''}`);
            resolve(code);
          });
        }),
    ),
  );
  timed(label, started);
  if (results.some((code) => code !== 0)) {
    console.error(`\n${label} failed`);
    process.exit(1);
  }
}

if (full) {
  await runTogether('typecheck, lint, import cycles, dead code and format', [
    ['typecheck (every tsconfig.json)', process.execPath, ['scripts/typecheck.mjs']],
    ['lint', 'npx', ['eslint', '.']],
    ['import cycles', process.execPath, ['scripts/check-cycles.mjs']],
    ['dead code (knip: unused files, exports, types, dependencies)', 'npx', ['knip']],
    ['format (prettier --check; npm run format rewrites)', 'npx', ['prettier', '--check', '.']],
  ]);
}

let files = ['shared', 'main', 'bench', 'preload', 'scripts']
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) => findTests(join(root, d)));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  // A mistyped filter must not look like a pass.
  console.error(`どのテストファイルにも一致しません: ${filters.join(' ')}`);
  process.exit(2);
}
files.sort();

// Longest files first (times from the previous run), so two at a time finish together.
const timesFile = join(root, 'node_modules', '.cache', 'madoguchi-test', 'times.json');
const lastTimes = existsSync(timesFile)
  ? Object.fromEntries(JSON.parse(readFileSync(timesFile, 'utf8')).map((r) => [r.file, r.seconds]))
  : {};
files.sort((a, b) => (lastTimes[b] ?? 0) - (lastTimes[a] ?? 0) || a.localeCompare(b));

// The slowest file once took ≈105 s beside the other crash test here (each then killed its child 200 times, now 100
// at stratified points); 210 s is twice that, so a hang fails in minutes, naming the file and the test it was in,
// instead of holding CI, and a loaded machine has room.
const timeoutS = Number(process.env.MADOGUCHI_TEST_FILE_TIMEOUT_S ?? 210);
if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
  console.error(`MADOGUCHI_TEST_FILE_TIMEOUT_S は秒数（正の数）で指定してください: ${process.env.MADOGUCHI_TEST_FILE_TIMEOUT_S}`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'madoguchi-test-'));
console.log(`\n== unit and integration tests (${files.length} files, 2 at a time, ${timeoutS} s limit per file)`);
const unitStarted = Date.now();
const unit = await runTestFiles({
  root,
  files,
  nodeArgs: ['--import', 'tsx'],
  concurrency: 2,
  timeoutMs: timeoutS * 1000,
  workDir: join(work, 'unit'),
});
const unitSeconds = (Date.now() - unitStarted) / 1000;
timed('node tests', unitStarted);
if (filters.length === 0) {
  mkdirSync(join(timesFile, '..'), { recursive: true });
  writeFileSync(timesFile, JSON.stringify(unit.results.map(({ file, seconds }) => ({ file, seconds }))));
}
let passed = unit.passed;
let failed = unit.failed;
let skipped = unit.skipped;
const unitStatus = failed > 0 ? 1 : 0;

let e2eStatus = 0;
const hasE2e = existsSync(join(root, 'e2e')) && readdirSync(join(root, 'e2e')).some((f) => f.endsWith('.spec.ts'));
if (full && hasE2e) {
  run('renderer build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  const jsonFile = join(work, 'playwright.json');
  e2eStatus = run('browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    exitOnFailure: false,
    // The renderer was just built above; the suite's global setup would build it a second time.
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile, E2E_SKIP_BUILD: '1' },
  });
  if (existsSync(jsonFile)) {
    const stats = JSON.parse(readFileSync(jsonFile, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  } else if (e2eStatus !== 0) failed += 1;
}
rmSync(work, { recursive: true, force: true });

const slowest = [...unit.results].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
console.log(
  `\nnode test files: ${unitSeconds.toFixed(0)} s; slowest: ${slowest.map((r) => `${r.file} ${r.seconds.toFixed(0)} s`).join(', ')}`,
);
console.log(`phases: ${phases.join(', ')}`);
const hung = unit.results.filter((r) => r.timedOut).map((r) => r.file);
if (hung.length) console.log(`hung (stopped at ${timeoutS} s): ${hung.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
