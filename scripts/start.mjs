#!/usr/bin/env node
// npm start: build, make sure the embedded demo world exists, then open 本庁舎's counter in Electron —
// or, where the Electron binary is not installed (as on the CI machine), say so and serve browser mode.
import { spawnSync, spawn } from 'node:child_process';
import { setInterval } from 'node:timers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureSupportedNode } from './ensure-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
await ensureSupportedNode(root);
const demoDir = process.env.MADOGUCHI_DEMO_DIR ?? join(root, '.demo');
const dataDir = process.env.MADOGUCHI_DATA_DIR ?? join(demoDir, 'venues', 'honchosha');
const env = {
  ...process.env,
  MADOGUCHI_EXIT_WITH_PARENT: '1',
  MADOGUCHI_DATA_DIR: dataDir,
  MADOGUCHI_PASSPHRASE: process.env.MADOGUCHI_PASSPHRASE ?? 'madoguchi-demo',
};
const cli = join(root, 'bin', 'madoguchi.mjs');

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run('npm', ['run', '--silent', 'build']);
if (!process.env.MADOGUCHI_DATA_DIR && !existsSync(join(dataDir, 'keyring.json'))) {
  console.log(`デモ環境を作成します: ${demoDir}`);
  run(process.execPath, [cli, 'demo', '--dir', demoDir]);
}
const scanSheet = join(demoDir, 'scan-these.txt');
if (!process.env.MADOGUCHI_DATA_DIR && existsSync(scanSheet)) console.log(`試しにスキャンする番号（結果の種類ごと）: ${scanSheet}`);

const electron = findElectronBinary(root);
const child = electron
  ? spawn(electron, [join(root, 'dist', 'main', 'electron-main.cjs')], { cwd: root, stdio: 'inherit', env })
  : (console.log(
      'Electron の実行ファイルがこの環境にありません（ELECTRON_SKIP_BINARY_DOWNLOAD）。ブラウザーモードで起動します。\n表示された URL を Chromium / Chrome で開いてください。',
    ),
    spawn(process.execPath, [cli, 'serve', '--data', dataDir], { cwd: root, stdio: 'inherit', env }));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
// npm does not pass a SIGTERM on to the script it runs: when the npm (or shell) that started this is gone, stop
// the window or server too (the server also watches this process, in case this one is killed outright).
const parent = process.ppid;
setInterval(() => process.ppid !== parent && child.kill('SIGTERM'), 1000).unref();
