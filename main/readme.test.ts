// The README is part of the product: keep what it documents true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeAcceptedColumns } from '../shared/roster/roster-columns';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README lists exactly the roster columns the reader accepts', () => {
  assert.ok(readme.includes(describeAcceptedColumns()), 'regenerate the column table in README.md from describeAcceptedColumns()');
});

test('every madoguchi command in the README exists', async () => {
  const { runCli } = await import('./cli/main');
  for (const cmd of ['keys hq', 'keys venue', 'route', 'ledger build', 'ledger inspect', 'ledger import', 'status', 'demo', 'serve', 'staff add', 'settings', 'scanner list', 'scanner record', 'scanner replay', 'venue report', 'venue daily', 'simulate']) {
    assert.ok(readme.includes(`madoguchi ${cmd}`), `README does not mention madoguchi ${cmd}`);
    let out = '';
    const code = await runCli([...cmd.split(' '), '--help'], { out: (t) => (out += t), err: () => {}, stdin: process.stdin, env: {}, clock: { now: () => new Date() }, cwd: process.cwd() });
    assert.equal(code, 0, `madoguchi ${cmd} --help`);
    assert.match(out, /Usage: madoguchi/);
  }
});
