// The installer's contents, proved here without a download: electron-builder runs the project's own config
// (electron-builder.yml) for Linux and Windows (`--dir`, the unpacked app every installer is made from) against a
// stand-in Electron folder, on a copy of the project built the way `npm run package` builds it. What a venue PC
// gets: the app's code and fonts and nothing of the checkout, the target's own N-API binaries unpacked, within a
// size budget, the fuses flipped, the asar's integrity in the Windows executable, and the `madoguchi` command.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getRawHeader, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { NtExecutable, NtExecutableResource } from 'resedit';
import { makeStandInElectron } from './stand-in-electron';
import { binaryTarget, isNodeApi } from './native-binary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string })
  .version;
/** What a venue PC downloads and keeps: the app's code, fonts and icon in the asar; the native modules beside it. */
const BUDGET = { asarBytes: 24_000_000, unpackedBytes: 6_000_000 };

let work = '';
let project = '';

before(() => {
  work = mkdtempSync(join(tmpdir(), 'madoguchi-package-'));
  project = join(work, 'project');
  // A copy of what electron-builder reads, with the checkout's node_modules, built as `npm run package` builds it.
  mkdirSync(join(project, 'renderer'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) cpSync(join(ROOT, file), join(project, file));
  cpSync(join(ROOT, 'build'), join(project, 'build'), { recursive: true });
  cpSync(join(ROOT, 'renderer', 'public'), join(project, 'renderer', 'public'), { recursive: true });
  copyProductionModules(project);
  const node = process.execPath;
  execFileSync(
    node,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      join(project, 'dist/renderer'),
      '--emptyOutDir',
    ],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
  execFileSync(node, [join(ROOT, 'scripts/build-electron.mjs'), '--out', join(project, 'dist')], { cwd: ROOT, stdio: 'pipe' });
});
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * The production dependencies as npm itself lists them in the checkout, copied into the project copy: what a build
 * machine's `npm ci` leaves for electron-builder to collect. Not a symlink to the checkout's node_modules: npm then
 * sees every package as a link from elsewhere, and whether it still finds node-hid's loader depended on how fresh
 * node_modules/.package-lock.json was (on a clean clone it called pkg-prebuilds missing, and it was left out).
 */
function copyProductionModules(into: string): void {
  const listed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((path) => path.startsWith(join(ROOT, 'node_modules')));
  assert.ok(
    listed.some((path) => path.endsWith('pkg-prebuilds')),
    'npm lists node-hid’s loader among what the app needs',
  );
  for (const path of listed) cpSync(path, join(into, relative(ROOT, path)), { recursive: true });
}

/** electron-builder --dir for one target, with the stand-in Electron; the unpacked app's folder. */
function pack(target: 'linux' | 'win'): string {
  const standIn = makeStandInElectron(join(work, `electron-${target}`), target, ELECTRON_VERSION);
  const out = join(work, `release-${target}`);
  const args = [
    `--${target}`,
    'dir',
    '--x64',
    '--projectDir',
    project,
    `-c.electronDist=${standIn}`,
    `-c.electronVersion=${ELECTRON_VERSION}`,
    `-c.directories.output=${out}`,
  ];
  // rcedit (icon, version strings, signing) runs through wine from a download: the release workflow does that part.
  if (target === 'win') args.push('-c.win.signAndEditExecutable=false');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-builder/cli.js'), ...args], {
    cwd: project,
    stdio: 'pipe',
    env: { ...process.env, ELECTRON_BUILDER_OFFLINE: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  });
  return join(out, target === 'linux' ? 'linux-unpacked' : 'win-unpacked');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}
const bytesUnder = (dir: string) => filesUnder(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

function checkContents(app: string): void {
  const asar = join(app, 'resources', 'app.asar');
  const entries = listPackage(asar, { isPack: false }).map((e) => e.replace(/\\/g, '/'));
  for (const needed of [
    '/package.json',
    '/dist/main/electron-main.cjs',
    '/dist/preload/index.cjs',
    '/dist/renderer/index.html',
    '/dist/renderer/icon.png',
    '/dist/renderer/assets/print-fonts.css',
    '/dist/renderer/assets/print/NotoSansJP_400Regular.ttf',
  ])
    assert.ok(entries.includes(needed), `${needed} is in the app`);
  assert.ok(
    entries.some((e) => /^\/dist\/renderer\/assets\/noto-sans-jp-.*\.woff2$/.test(e)),
    'the window’s fonts',
  );
  assert.deepEqual(
    entries.filter((e) => e.endsWith('.woff')),
    [],
    'no .woff beside the .woff2 (Chromium never asks for them)',
  );
  // Nothing of the checkout: sources, tests, docs, build trees, other packages.
  const topLevel = [...new Set(entries.map((e) => e.split('/')[1]))].sort();
  assert.deepEqual(topLevel, ['dist', 'node_modules', 'package.json']);
  const packages = [...new Set(entries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/')[2]))].sort();
  assert.deepEqual(
    packages,
    ['better-sqlite3-multiple-ciphers', 'node-hid', 'pkg-prebuilds'],
    'only the native modules (and node-hid’s loader)',
  );
  for (const tool of ['tsx', 'esbuild', 'vite', 'react', 'zod', 'typescript', 'electron'])
    assert.ok(!entries.some((e) => e.startsWith(`/node_modules/${tool}/`)), `${tool} is bundled or not needed, never shipped`);
  assert.ok(!entries.some((e) => /\/(deps|src|hidapi|build)\//.test(e) && e.startsWith('/node_modules/')), 'no native build trees');
  // The worker thread is started from a real file.
  assert.ok(existsSync(join(app, 'resources', 'app.asar.unpacked', 'dist', 'main', 'backup-worker.cjs')));
  assert.deepEqual(readdirSync(join(app, 'locales')).sort(), ['en-US.pak', 'ja.pak']);

  const asarBytes = statSync(asar).size;
  const unpackedBytes = bytesUnder(join(app, 'resources', 'app.asar.unpacked'));
  assert.ok(asarBytes <= BUDGET.asarBytes, `app.asar ${asarBytes} bytes, budget ${BUDGET.asarBytes}`);
  assert.ok(unpackedBytes <= BUDGET.unpackedBytes, `unpacked ${unpackedBytes} bytes, budget ${BUDGET.unpackedBytes}`);
}

/** Every native module shipped: unpacked, N-API, for this target; and exactly the ones expected. */
function checkNativeModules(app: string, platform: 'linux' | 'win32', expected: string[]): void {
  const unpacked = join(app, 'resources', 'app.asar.unpacked');
  const natives = filesUnder(unpacked)
    .filter((f) => f.endsWith('.node'))
    .map((f) => f.replace(/\\/g, '/'))
    .sort();
  assert.deepEqual(natives, expected.sort());
  for (const file of natives) {
    const bytes = readFileSync(join(unpacked, file));
    assert.deepEqual(binaryTarget(bytes), { platform, arch: 'x64' }, file);
    assert.ok(isNodeApi(bytes), `${file} is N-API: the same binary for Node 24 and Electron, never rebuilt`);
  }
  const asar = join(app, 'resources', 'app.asar');
  const packed = listPackage(asar, { isPack: false }).filter((e) => e.endsWith('.node') && !('unpacked' in statFile(asar, e.slice(1))));
  assert.deepEqual(packed, [], 'no native module inside the asar, where it could not load');
}

async function checkFuses(executable: string): Promise<void> {
  const wire = await getCurrentFuseWire(executable);
  const on = 49; // '1'
  const off = 48; // '0'
  assert.deepEqual(
    {
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
    },
    {
      runAsNode: off,
      nodeOptions: off,
      inspect: off,
      asarIntegrity: on,
      onlyFromAsar: on,
      fileProtocolPrivileges: off,
      cookieEncryption: on,
    },
  );
}

test('Linux: the app, its N-API binaries for linux-x64, the fuses, the madoguchi command and the .deb’s scripts', async () => {
  const app = pack('linux');
  checkContents(app);
  checkNativeModules(app, 'linux', [
    'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node',
    'node_modules/node-hid/prebuilds/HID-linux-x64/node-napi-v4.node',
    'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
  ]);
  await checkFuses(join(app, 'madoguchi-app'));

  // /usr/bin/madoguchi links to resources/bin/madoguchi, which starts the app's binary with --cli.
  const link = join(work, 'usr-bin-madoguchi');
  symlinkSync(join(app, 'resources', 'bin', 'madoguchi'), link);
  // What the wrapper may call, and nothing else of this machine's (whether it has xvfb-run must not matter).
  const bin = join(work, 'path-bin');
  mkdirSync(bin);
  for (const tool of ['dirname', 'readlink'])
    symlinkSync(execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim(), join(bin, tool));
  const cli = (env: NodeJS.ProcessEnv) => spawnSync(link, ['status', '--data', '/srv/m'], { encoding: 'utf8', env: { PATH: bin, ...env } });
  assert.equal(cli({ DISPLAY: ':0' }).stdout, 'stand-in electron: --cli status --data /srv/m\n', 'in the desktop session');
  // Over SSH (no display) and no xvfb: said in Japanese, not Electron's "Missing X server".
  const headless = cli({});
  assert.equal(headless.status, 1);
  assert.match(headless.stderr, /画面（DISPLAY）がありません.*apt install xvfb/);
  // With xvfb installed, under a virtual display.
  writeFileSync(join(bin, 'xvfb-run'), '#!/bin/sh\n[ "$1" = -a ] && shift\necho "(xvfb)"\nexec "$@"\n', { mode: 0o755 });
  assert.equal(cli({}).stdout, '(xvfb)\nstand-in electron: --cli status --data /srv/m\n');

  // The .deb's scripts as electron-builder fills them in: valid bash, installing files the package has.
  const fill = (file: string) =>
    readFileSync(join(ROOT, 'build/linux', file), 'utf8').replace(/\$\{(\w+)\}/g, (_m, name: string) => {
      const value = { executable: 'madoguchi-app', sanitizedProductName: 'Madoguchi' }[name];
      assert.ok(value, `electron-builder knows \${${name}}`);
      return value;
    });
  for (const script of ['after-install.sh', 'after-remove.sh']) {
    const filled = join(work, script);
    writeFileSync(filled, fill(script));
    execFileSync('bash', ['-n', filled]);
  }
  const install = fill('after-install.sh');
  const rule = /install -D -m 0644 "\$app\/(resources\/linux\/[\w.-]+\.rules)" \/usr\/lib\/udev\/rules\.d\//.exec(install)?.[1];
  assert.ok(rule && existsSync(join(app, rule)), 'the udev rule it installs is in the package');
  assert.match(install, /ln -sf "\$app\/resources\/bin\/madoguchi" \/usr\/bin\/madoguchi/);
  const config = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  assert.match(config, /depends:\s*\[[^\]]*libusb-1\.0-0[^\]]*libudev1/, 'the .deb declares node-hid’s libraries');
  assert.match(config, /recommends:\s*\[xvfb\]/, 'and xvfb, for the command line without a display');
});

test('Windows: win32-x64 binaries only, the fuses, the asar integrity in the executable, the madoguchi command', async () => {
  const app = pack('win');
  checkContents(app);
  checkNativeModules(app, 'win32', [
    'node_modules/better-sqlite3-multiple-ciphers/prebuilds/win32-x64.node',
    'node_modules/node-hid/prebuilds/HID-win32-x64/node-napi-v4.node',
  ]);
  const exe = join(app, 'Madoguchi.exe');
  await checkFuses(exe);
  // With the integrity fuse on, Electron refuses an app.asar whose header is not the one recorded in the executable.
  const resources = NtExecutableResource.from(NtExecutable.from(readFileSync(exe)));
  const integrity = resources.entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
  assert.ok(integrity, 'the executable records the asar’s integrity');
  const recorded = JSON.parse(Buffer.from(integrity.bin).toString('utf8')) as { file: string; alg: string; value: string }[];
  const header = getRawHeader(join(app, 'resources', 'app.asar')).headerString;
  assert.deepEqual(recorded, [{ file: 'resources\\app.asar', alg: 'SHA256', value: createHash('sha256').update(header).digest('hex') }]);
  const command = readFileSync(join(app, 'resources', 'bin', 'madoguchi.cmd'), 'utf8');
  assert.match(command, /^"%~dp0\.\.\\\.\.\\Madoguchi\.exe" --cli %\*\r$/m);
  assert.match(command, /^exit \/b %ERRORLEVEL%\r$/m);
  assert.equal(relative(app, exe), 'Madoguchi.exe');
});
