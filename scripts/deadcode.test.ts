// The dead-code check that `npm test` runs (`npm run deadcode`: knip with knip.config.ts), on a copy of this
// project with dead code added: an export nothing imports, an exported type nothing imports and a file nothing
// reaches fail the command, each named; a symbol exported only for its test is in use (tests are entry points).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Not sources: installed packages, git, and what builds and test runs leave behind.
const SKIP = new Set(['node_modules', '.git', 'dist', 'release', 'test-results', 'playwright-report', '.demo', '.tmp']);

interface KnipIssue {
  readonly file: string;
  readonly [kind: string]: unknown;
}

test('knip fails on a dead export, a dead exported type and an unreached file, and accepts an export used by a test', (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'madoguchi-deadcode-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split(/[\\/]/)[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'junction');

  appendFileSync(
    join(copy, 'shared/result.ts'),
    'export const KNIP_PROBE_DEAD = 1;\nexport type KnipProbeType = number;\nexport function knipProbeForTests(): void {}\n',
  );
  writeFileSync(join(copy, 'shared/knip-probe.test.ts'), "import { knipProbeForTests } from './result';\nknipProbeForTests();\n");
  writeFileSync(join(copy, 'shared/knip-probe-orphan.ts'), 'export const orphan = 1;\n');

  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/knip/bin/knip.js'), '--no-progress', '--reporter', 'json'], {
    cwd: copy,
    encoding: 'utf8',
  });
  assert.equal(r.status, 1, `knip should fail\n${r.stdout}\n${r.stderr}`);
  const { issues } = JSON.parse(r.stdout) as { issues: KnipIssue[] };
  const names = (file: string, kind: string) =>
    ((issues.find((i) => i.file === file)?.[kind] ?? []) as { name: string }[]).map((x) => x.name);

  assert.ok(names('shared/result.ts', 'exports').includes('KNIP_PROBE_DEAD'), r.stdout);
  assert.ok(names('shared/result.ts', 'types').includes('KnipProbeType'), r.stdout);
  assert.ok(!names('shared/result.ts', 'exports').includes('knipProbeForTests'), r.stdout);
  assert.ok(
    issues.some((i) => i.file === 'shared/knip-probe-orphan.ts' && (i.files as unknown[] | undefined)?.length),
    r.stdout,
  );
});
