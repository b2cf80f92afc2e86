// The cycle check that `npm test` runs: it finds a circle of type-only imports (the kind issue 11 removed) and
// one of value imports, fails the command on either, and passes once the shared part sits in a leaf module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findCycles } from './check-cycles.mjs';

const script = new URL('./check-cycles.mjs', import.meta.url).pathname;

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'madoguchi-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

// As main/app was: the composition root defines a type its handlers import, and imports the handlers.
const TYPE_CIRCLE = {
  'main/app/create-app.ts': `import { createHandlers } from './handlers';\nexport type Push = (event: string) => void;\nexport const app = createHandlers(() => {});\n`,
  'main/app/handlers.ts': `import type { Push } from './create-app';\nexport function createHandlers(push: Push) { return { push }; }\n`,
};

test('a circle of type-only imports is a cycle, named file by file', async (t) => {
  const root = project(TYPE_CIRCLE);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const { files, cycles } = await findCycles(root);
  assert.equal(files, 2);
  assert.deepEqual(
    cycles.map((c) => [...c].sort()),
    [['main/app/create-app.ts', 'main/app/handlers.ts']],
  );
});

test('a circle of value imports through three folders is a cycle', async (t) => {
  const root = project({
    'shared/a.ts': `import { b } from '../main/b';\nexport const a = () => b;\n`,
    'main/b.ts': `import { c } from '../renderer/c';\nexport const b = () => c;\n`,
    'renderer/c.tsx': `import { a } from '../shared/a';\nexport const c = () => a;\n`,
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const { cycles } = await findCycles(root);
  assert.equal(cycles.length, 1);
  assert.deepEqual([...cycles[0]!].sort(), ['main/b.ts', 'renderer/c.tsx', 'shared/a.ts']);
});

test('the command fails on a cycle, printing it, and passes once the type moves to a leaf module', async (t) => {
  const root = project(TYPE_CIRCLE);
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const red = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  assert.equal(red.status, 1, red.stderr);
  assert.match(red.stderr, /main\/app\/(create-app|handlers)\.ts -> main\/app\/(create-app|handlers)\.ts -> /);

  writeFileSync(join(root, 'main/app/push.ts'), `export type Push = (event: string) => void;\n`);
  writeFileSync(
    join(root, 'main/app/create-app.ts'),
    `import { createHandlers } from './handlers';\nexport const app = createHandlers(() => {});\n`,
  );
  writeFileSync(
    join(root, 'main/app/handlers.ts'),
    `import type { Push } from './push';\nexport function createHandlers(push: Push) { return { push }; }\n`,
  );
  const green = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  assert.equal(green.status, 0, green.stderr);
  assert.match(green.stdout, /none in 3 files/);
});

test('a root with no source file fails rather than passing', (t) => {
  const root = project({ 'README.md': 'no code here\n' });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no source file/);
});
