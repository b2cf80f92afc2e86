// The layers inside main/ (eslint.config.js): capability folders never import a program (app/, cli/, demo/),
// production code never imports main/testing/, the Electron entry never imports browser mode, and tests and
// main/testing/ may import anything. Linted through ESLint's API with the project's own config, on code that is
// not in the tree. Also: SQL is written only in main/db/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

/** The no-restricted-imports messages for `source` linted as if it were the file at `path`. */
async function restricted(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const PROGRAMS = /capability folders never import the programs/;
const TESTING = /main\/testing\/ holds test helpers/;

test('a capability folder importing a program, even a type, is an error', async () => {
  const cases: [string, string][] = [
    ['main/corrections/corrections.ts', `import { readSetting } from '../app/settings';\nexport const x = readSetting;\n`],
    ['main/returns/returns.ts', `import { mulberry32 } from '../demo/prng';\nexport const x = mulberry32;\n`],
    ['main/sync/export.ts', `import type { Push } from '../app/push';\nexport type X = Push;\n`],
    ['main/clock.ts', `import { runCli } from './cli/main';\nexport const x = runCli;\n`],
    // The platform adapters may import their driver, but the layers hold for them too.
    ['main/db/connection.ts', `import { runCli } from '../cli/main';\nexport const x = runCli;\n`],
  ];
  for (const [path, source] of cases) {
    const messages = await restricted(path, source);
    assert.equal(messages.length, 1, `${path}: ${messages.join('; ')}`);
    assert.match(messages[0]!, PROGRAMS, path);
  }
});

test('production code anywhere in main/, programs and entries included, importing main/testing is an error', async () => {
  for (const path of [
    'main/day-close/day-close.ts',
    'main/app/handlers.ts',
    'main/cli/main.ts',
    'main/demo/demo-world.ts',
    'main/browser/server.ts',
    'main/electron/main.ts',
  ]) {
    const messages = await restricted(path, `import { tempDir } from '../testing/fixtures';\nexport const x = tempDir;\n`);
    assert.equal(messages.length, 1, `${path}: ${messages.join('; ')}`);
    assert.match(messages[0]!, TESTING, path);
  }
});

test('the Electron entry never imports browser mode', async () => {
  const messages = await restricted(
    'main/electron/security.ts',
    `import { startBrowserServer } from '../browser/server';\nexport const x = startBrowserServer;\n`,
  );
  assert.equal(messages.length, 1, messages.join('; '));
  assert.match(messages[0]!, /main\/electron\/ never imports browser mode/);
});

test('programs import capabilities and each other; tests, main/testing and bench import anything', async () => {
  const cases: [string, string][] = [
    [
      'main/cli/commands/simulate.ts',
      `import { simulate } from '../../demo/simulate';\nimport { readSetting } from '../../venue/settings';\nexport const x = [simulate, readSetting];\n`,
    ],
    ['main/electron/main.ts', `import { createStation } from '../app/station';\nexport const x = createStation;\n`],
    [
      'main/corrections/corrections.test.ts',
      `import { readSetting } from '../app/settings';\nimport { tempDir } from '../testing/fixtures';\nexport const x = [readSetting, tempDir];\n`,
    ],
    ['main/testing/app-fixture.ts', `import { createApp } from '../app/create-app';\nexport const x = createApp;\n`],
    ['bench/run.ts', `import { tempDir } from '../main/testing/fixtures';\nexport const x = tempDir;\n`],
  ];
  for (const [path, source] of cases) assert.deepEqual(await restricted(path, source), [], path);
});

test('SQL outside main/db/ is an error; inside it, and in tests, it is not', async () => {
  const sqlMessages = async (path: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: path });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };
  const prepare = `import type { Db } from '../db/connection';\nexport const f = (db: Db) => db.prepare('SELECT 1').get();\n`;
  const exec = `import type { Db } from '../db/connection';\nexport const f = (store: { db: Db }) => store.db.exec('DELETE FROM staff');\n`;
  const pragma = `import type { Db } from '../db/connection';\nexport const f = (db: Db) => db.pragma('user_version');\n`;
  for (const source of [prepare, exec, pragma]) {
    const messages = await sqlMessages('main/day-close/day-close.ts', source);
    // (an exec of SQL text on a database named db is caught twice: by its name and by its text)
    assert.ok(messages.length >= 1, source);
    assert.match(messages[0]!, /main\/db\//);
  }
  assert.equal((await sqlMessages('main/app/handlers.ts', prepare)).length, 1, 'the programs call query functions too');
  assert.deepEqual(await sqlMessages('main/db/queries/staff.ts', prepare.replace("'../db/connection'", "'../connection'")), []);
  assert.deepEqual(await sqlMessages('main/day-close/day-close.test.ts', prepare), []);
  // SQL text run through a database under another name is caught by the SQL, not the name.
  const renamed = `import type { Db } from '../db/connection';\nexport const f = (store: { db: Db }) => { const conn = store.db; conn.exec('DELETE FROM settings'); };\n`;
  assert.equal((await sqlMessages('main/day-close/day-close.ts', renamed)).length, 1, 'exec of SQL text under another name');
  // A regular expression's exec is not SQL.
  assert.deepEqual(await sqlMessages('main/day-close/day-close.ts', `export const m = /a(b)/.exec('ab');\n`), []);
});
