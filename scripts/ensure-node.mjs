// The project runs on Node 24 LTS, whatever Node the machine has. `npm install` puts Node 24 in
// node_modules (the pinned `node-<platform>-<arch>` package, see README "Node 24 LTS"), and npm scripts find it
// first on PATH. A command started some other way with an older node (`./bin/madoguchi.mjs` on a machine whose
// own node is 20) is run again here on the project's Node 24, before anything loads: SQLite's N-API binding
// crashes Node 20, and tsx on Node < 24.11.1 runs its module hooks on a separate thread (the suite's hangs).
// Plain JavaScript on purpose: this file must itself run on any old node.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The oldest Node that runs the project (package.json `engines` says the same; a test keeps them equal). */
export const MIN_NODE = [24, 11, 1];

/** True when `version` ("v24.21.0" or "24.21.0") is a Node 24 LTS at or above MIN_NODE. */
export function isSupportedNode(version) {
  const parts = String(version).replace(/^v/, '').split('.').map(Number);
  if (parts.length < 3 || parts.some((n) => !Number.isInteger(n))) return false;
  if (parts[0] !== MIN_NODE[0]) return false;
  for (let i = 1; i < 3; i++) {
    if (parts[i] !== MIN_NODE[i]) return parts[i] > MIN_NODE[i];
  }
  return true;
}

/** Where `npm install` puts the project's own Node for this platform (null where none is published). */
export function projectNodePath(root, platform = process.platform, arch = process.arch) {
  const os = { linux: 'linux', win32: 'win', darwin: 'darwin' }[platform];
  if (!os) return null;
  return join(root, 'node_modules', `node-${os}-${arch}`, 'bin', platform === 'win32' ? 'node.exe' : 'node');
}

/**
 * Returns when this process runs on a supported Node. Otherwise runs the same command again on the project's
 * Node 24 and ends as it ends (its exit code, or the signal that stopped it; a signal sent to this process,
 * e.g. a service manager's SIGTERM, is passed on), or explains in Japanese what to do and exits 1.
 * Callers must not go on after it: on an old Node it never returns (`await` it where the caller continues).
 */
export function ensureSupportedNode(root) {
  if (isSupportedNode(process.version)) return Promise.resolve();
  const node = projectNodePath(root);
  if (!node || !existsSync(node) || node === process.execPath) {
    console.error(
      `Madoguchi には Node.js 24 LTS（${MIN_NODE.join('.')} 以上）が必要です。この Node.js は ${process.version} です。\n` +
        'プロジェクトのフォルダーで npm install を実行すると、プロジェクト用の Node.js 24 が node_modules に入ります' +
        '（Linux x64/arm64、Windows x64）。ほかの環境では Node.js 24 LTS を入れてください。',
    );
    process.exit(1);
  }
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'].filter((sig) => process.platform !== 'win32' || sig !== 'SIGHUP');
  const pass = (sig) => child.kill(sig);
  for (const sig of forwarded) process.on(sig, pass);
  child.on('error', (e) => {
    console.error(`Node.js 24 を起動できません（${node}）: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const sig of forwarded) process.off(sig, pass);
    // Stopped by a signal: stop the same way, so whoever started this command sees what happened.
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  // Never settles: the command's own work happens in the child, and this process ends when it does.
  return new Promise(() => {});
}
