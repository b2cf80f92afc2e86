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
  const { cli } = await import('./testing/cli-harness');
  for (const cmd of [
    'keys hq',
    'keys venue',
    'route',
    'ledger build',
    'ledger inspect',
    'ledger import',
    'status',
    'demo',
    'serve',
    'staff add',
    'settings',
    'scanner list',
    'scanner record',
    'scanner replay',
    'venue report',
    'venue daily',
    'simulate',
  ]) {
    assert.ok(readme.includes(`madoguchi ${cmd}`), `README does not mention madoguchi ${cmd}`);
    const { code, out } = await cli([...cmd.split(' '), '--help'], { env: {} });
    assert.equal(code, 0, `madoguchi ${cmd} --help`);
    assert.match(out, /Usage: madoguchi/);
  }
});

test('the Node the README names is the one package.json pins and supports', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    engines: { node: string };
    optionalDependencies: Record<string, string>;
  };
  const pinned = new Set(
    Object.entries(pkg.optionalDependencies)
      .filter(([name]) => name.startsWith('node-'))
      .map(([, v]) => v),
  );
  assert.equal(pinned.size, 1, 'every platform pins the same Node');
  const [version] = [...pinned];
  assert.ok(readme.includes(`at ${version}`), `README names Node ${version}`);
  const min = pkg.engines.node.match(/^>=(\S+)/)?.[1];
  assert.ok(min && readme.includes(`Node 24 from ${min}`), `README names the oldest supported Node, ${min}`);
  for (const name of Object.keys(pkg.optionalDependencies)) assert.ok(readme.includes(`\`${name}\``), `README names ${name}`);
});
