// The Electron entry as it ships (scripts/build-electron.mjs's bundle), run under plain Node with a fake `electron`
// module (main/testing/fake-electron.ts): what it registers, whom it answers, where its window may go, what a
// second start and a renderer crash do, and `--cli`, whose PDFs come through the app's own protocol.
import '../testing/memo-scrypt';
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS } from '../../shared/ipc/contract';
import { API_NAMES_CHANNEL } from '../../shared/ipc/channels';
import { fakeElectron, type FakeElectron } from '../testing/fake-electron';
import { loadElectronEntry } from '../testing/electron-entry';
import { bundleChild } from '../testing/bundle-child';
import { tempDir } from '../testing/fixtures';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { fixedClock } from '../clock';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PASS = 'madoguchi-demo';

// Built once, inside the checkout so the bundle finds node_modules' native modules as the installed app finds its own.
const OUT = join(REPO, 'node_modules', '.cache', 'madoguchi-test', `electron-entry-${process.pid}`);
let built = false;
function bundle(): string {
  if (!built) {
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build-electron.mjs'), '--out', OUT], { cwd: REPO, stdio: 'pipe' });
    mkdirSync(join(OUT, 'renderer'), { recursive: true });
    writeFileSync(join(OUT, 'renderer', 'index.html'), '<!doctype html><title>窓口</title><p>counter</p>');
    built = true;
  }
  return join(OUT, 'main', 'electron-main.cjs');
}
process.on('exit', () => rmSync(OUT, { recursive: true, force: true }));

/** Loads the entry afresh with `fake` as electron, the given argv tail and environment. */
function start(t: TestContext, fake: FakeElectron, args: string[] = [], env: NodeJS.ProcessEnv = {}): void {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  t.after(() => {
    for (const k of Object.keys(env)) delete process.env[k];
    Object.assign(process.env, saved);
  });
  loadElectronEntry(bundle(), fake, args);
}

/** `Madoguchi --cli args` in its own process (electron-cli-child.ts): what it printed, its exit code, its windows. */
function commandLine(t: TestContext, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawnSync(process.execPath, [bundleChild(t, 'electron-cli-child'), bundle(), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const windows = /^##windows (.*)$/m.exec(child.stderr)?.[1];
  return {
    code: child.status,
    out: child.stdout,
    err: child.stderr.replace(/^##windows .*\n?/m, ''),
    windows: JSON.parse(windows ?? 'null') as { webPreferences: { javascript?: boolean }; destroyed: boolean }[] | null,
  };
}

function venueFolder(t: TestContext): string {
  const data = join(tempDir(t), 'honchosha');
  const store = createVenueDataFolder(data, 'honchosha', PASS);
  const clock = fixedClock('2026-11-20T01:00:00Z');
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  store.close();
  return data;
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: { id: 1 } });

async function windowApp(t: TestContext, options: { packaged?: boolean; env?: NodeJS.ProcessEnv; fake?: FakeElectron } = {}) {
  const fake = options.fake ?? fakeElectron({ packaged: options.packaged ?? false });
  const data = venueFolder(t);
  start(t, fake, [], { MADOGUCHI_DATA_DIR: data, MADOGUCHI_PASSPHRASE: PASS, ...options.env });
  assert.deepEqual(fake.calls.slice(0, 1), ['protocol.registerSchemesAsPrivileged'], 'the scheme is privileged before ready');
  fake.ready();
  await settle();
  t.after(() => void fake.app.emit('before-quit'));
  return { fake, data };
}

test('the window: every channel registered, served from app://madoguchi/ with its CSP, a log and crash reports kept locally', async (t) => {
  const { fake, data } = await windowApp(t);
  assert.deepEqual(fake.schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  assert.deepEqual([...fake.ipcHandlers.keys()].sort(), CHANNELS.map((c) => `madoguchi:${c}`).sort());
  assert.ok(fake.ipcListeners.has(API_NAMES_CHANNEL));
  const [win] = fake.windows;
  assert.equal(win?.url, 'app://madoguchi/index.html');
  assert.equal((win?.options.webPreferences as { sandbox: boolean }).sandbox, true);
  const page = await fake.protocolHandlers.get('app')!(new Request('app://madoguchi/index.html'));
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'; script-src 'self'/);
  assert.ok(fake.calls.includes('crashReporter.start(upload=false)'));
  // The log beside the data folder (unpackaged; the installed app's is the machine's logs folder).
  const logged = readFileSync(join(`${data}-logs`, 'madoguchi.log'), 'utf8');
  assert.match(logged, /start: Madoguchi 0\.0\.0-test/);
  assert.doesNotMatch(logged, new RegExp(PASS));
});

test('only our page is answered: an iframe, a print preview or another origin gets nothing', async (t) => {
  const { fake } = await windowApp(t);
  const status = fake.ipcHandlers.get('madoguchi:station:status')!;
  for (const url of ['https://example.com/', 'file:///tmp/index.html', 'app://madoguchi/__print/00000000000000000000000000000000']) {
    assert.deepEqual(await status(frame(url), {}), { ok: false, error: { code: 'forbidden', message: 'forbidden' } }, url);
  }
  assert.deepEqual(await status(frame('app://madoguchi/index.html', {}), {}), {
    ok: false,
    error: { code: 'forbidden', message: 'forbidden' },
  });
  const names = (url: string) => {
    const event: { returnValue?: unknown } & ReturnType<typeof frame> = frame(url);
    fake.ipcListeners.get(API_NAMES_CHANNEL)!(event);
    return event.returnValue as { channels: string[] };
  };
  assert.deepEqual(names('https://example.com/').channels, []);
  assert.equal(names('app://madoguchi/index.html').channels.length, CHANNELS.length);
  const mine = (await status(frame('app://madoguchi/index.html'), {})) as { ok: boolean; value: { unlocked: boolean } };
  assert.equal(mine.ok, true);
  assert.equal(mine.value.unlocked, true, 'unpackaged, MADOGUCHI_PASSPHRASE unlocks (development and automation)');
});

test('no navigation but back to our page, no new windows; a crashed renderer gets the recover page', async (t) => {
  const { fake } = await windowApp(t);
  const win = fake.windows[0]!;
  assert.deepEqual(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' }), { action: 'deny' });
  assert.equal(win.webContents.tryNavigate('https://example.com/'), false);
  assert.equal(win.webContents.tryNavigate('file:///etc/passwd'), false);
  assert.equal(win.webContents.tryNavigate('app://madoguchi/index.html?'), true, 'the recover page’s button');
  win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
  assert.equal(win.url, 'app://madoguchi/index.html');
  // The lead was signed in at that window; after the crash the page that comes back must sign in again.
  const me = { senderFrame: { url: 'app://madoguchi/index.html', parent: null }, sender: { id: win.webContents.id } };
  const signIn = (await fake.ipcHandlers.get('madoguchi:session:signIn')!(me, { staffId: 'lead1', pin: '9999' })) as { ok: boolean };
  assert.equal(signIn.ok, true);
  const signedIn = async () => ((await fake.ipcHandlers.get('madoguchi:session:get')!(me, {})) as { value: unknown }).value;
  assert.notEqual(await signedIn(), null);
  win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
  assert.equal(win.url, 'app://madoguchi/__recover');
  await settle();
  assert.equal(await signedIn(), null, 'signed out with the crash');
  const recover = await fake.fetchApp(win.url);
  assert.match(recover, /画面が予期せず終了しました/);
  assert.match(recover, /記録はすべて保存されています/);
  assert.match(recover, /<form action="\/index.html"[^>]*><button type="submit" autofocus>画面を開き直す/);
});

test('a second start focuses the running window; the second process itself quits', async (t) => {
  const { fake } = await windowApp(t);
  const win = fake.windows[0]!;
  win.minimized = true;
  fake.app.emit('second-instance');
  assert.equal(win.minimized, false);
  assert.equal(win.focused, 1);

  const second = fakeElectron({ gotLock: false });
  start(t, second, [], { MADOGUCHI_DATA_DIR: join(tempDir(t), 'x') });
  second.ready();
  await settle();
  assert.deepEqual(second.calls.includes('app.quit'), true);
  assert.equal(second.windows.length, 0);
  assert.equal(second.ipcHandlers.size, 0);
});

test('a start that fails is said in a dialog and ends the process (no windowless process keeping the lock)', async (t) => {
  const fake = fakeElectron({ protocolFails: true });
  start(t, fake, [], { MADOGUCHI_DATA_DIR: venueFolder(t) });
  fake.ready();
  await settle();
  assert.deepEqual(fake.errorBoxes, [['窓口 Madoguchi を起動できません', '予期しないエラー（コード: START）: Error']]);
  assert.equal(fake.exitCode, 1);
  assert.equal(fake.windows.length, 0);
});

test('installed: started with Chromium’s --remote-debugging-port, it refuses to start', (t) => {
  const fake = fakeElectron({ packaged: true, switches: ['remote-debugging-port'] });
  start(t, fake, ['--remote-debugging-port=9222'], {});
  assert.equal(fake.exitCode, 1);
  assert.equal(fake.protocolHandlers.size, 0);
  assert.equal(fake.ipcHandlers.size, 0);
});

test('installed (packaged): the machine’s folder, not MADOGUCHI_DATA_DIR; the environment unlocks nothing', async (t) => {
  // The installed app logs to /var/lib/madoguchi/logs: made here by the test (as root), so taken away after.
  const machine = '/var/lib/madoguchi';
  if (!existsSync(machine)) t.after(() => rmSync(machine, { recursive: true, force: true }));
  const { fake } = await windowApp(t, { packaged: true });
  const status = (await fake.ipcHandlers.get('madoguchi:station:status')!(frame('app://madoguchi/index.html'), {})) as {
    value: { unlocked: boolean; stationId: string | null };
  };
  assert.equal(status.value.unlocked, false);
  assert.equal(status.value.stationId, null, 'the venue folder named by MADOGUCHI_DATA_DIR was not the one looked at');
  assert.ok(existsSync('/var/lib/madoguchi/logs/madoguchi.log'), 'the machine’s logs folder');
});

test('--cli: the command line in the same binary, no window, no single-instance lock, exit code passed on', async (t) => {
  const data = venueFolder(t);
  const status = commandLine(t, ['status', '--data', data], { MADOGUCHI_PASSPHRASE: PASS });
  assert.equal(status.code, 0, status.err);
  assert.match(status.out, /本庁舎/);
  assert.deepEqual(status.windows, []);
  const usage = commandLine(t, ['no-such-command'], {});
  assert.equal(usage.code, 2);
  assert.match(usage.err, /知らないコマンドです: no-such-command/);
});

test('--cli report --pdf: the PDF is made by the app’s own Chromium from the document served at app://', async (t) => {
  const data = venueFolder(t);
  const pdf = join(tempDir(t), 'teiki.pdf');
  const run = commandLine(
    t,
    ['report', 'handling', '--data', data, '--from', '2026-11-01', '--to', '2026-11-30', '--pdf', pdf, '--staff', 'lead1'],
    {
      MADOGUCHI_PASSPHRASE: PASS,
      MADOGUCHI_PIN: '9999',
      // No browser on this PC: the app's own engine needs none.
      MADOGUCHI_CHROMIUM: '/nowhere/chromium',
    },
  );
  assert.equal(run.code, 0, run.err);
  const made = readFileSync(pdf, 'utf8');
  assert.match(made, /^%PDF-fake\n<!doctype html>/i);
  assert.match(made, /個人情報/);
  assert.deepEqual(
    run.windows?.map((w) => [w.webPreferences.javascript, w.destroyed]),
    [[false, true]],
    'one hidden window, no script, gone after',
  );
});
