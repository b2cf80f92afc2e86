// The Electron entry: the only runtime importer of `electron` in main/ besides its thin adapters here. It reads like
// a table of contents; everything it wires is a plain-Node service tested without Electron, and this file itself is
// run under Node with a fake `electron` (main-entry.test.ts).
//   Madoguchi            the counter window (one per PC: a second start focuses it)
//   Madoguchi --cli …    the `madoguchi` command line, in the same fused binary (command-line.ts)
import { app, BrowserWindow, crashReporter, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { CHANNELS, PUSH_EVENTS } from '../../shared/ipc/contract';
import { API_NAMES_CHANNEL, type ApiNames } from '../../shared/ipc/channels';
import { systemClock } from '../clock';
import type { Push } from '../ipc/push';
import { createStation } from '../app/station';
import { appFolders } from '../store/app-folders';
import { createPreviewPrinter } from '../print/printer';
import { workerThread } from '../backup/backup-thread';
import { createFolderPicker } from './folder-picker';
import { APP_PAGE, APP_SCHEME, APP_SCHEME_PRIVILEGES, RECOVER_PAGE, appProtocolHandler } from './app-protocol';
import { electronPdfMaker, windowPrinter } from './electron-pdf';
import { runCommandLine } from './command-line';
import { electronOsKeyStore } from './os-key-store';
import { createRotatingLog } from '../logging/rotating-log';
import { installCrashReport } from '../logging/crash-report';
import { hardenApp, hardenSession, isTrustedSender, secureWebPreferences } from './security';

const rendererDir = join(__dirname, '..', 'renderer');
const preloadFile = join(__dirname, '..', 'preload', 'index.cjs');
// Node starts a worker thread from a real file: the packaged worker sits beside app.asar (electron-builder.yml).
const backupWorkerFile = join(__dirname, 'backup-worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

// Before the app is ready: the window's own origin, app://madoguchi/ (app-protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Printed documents are held in memory minutes, for the window's print preview and the command line's PDFs.
const prints = createPreviewPrinter();
const folders = appFolders({ packaged: app.isPackaged, env: process.env, platform: process.platform });
const cliAt = process.argv.indexOf('--cli');

if (cliAt !== -1) startCommandLine(process.argv.slice(cliAt + 1));
else startWindow();

function startCommandLine(args: readonly string[]): void {
  app.disableHardwareAcceleration();
  // A PDF's hidden window closing is not the end of the command.
  app.on('window-all-closed', () => {});
  void app.whenReady().then(() => protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir, prints)));
  if (!folders.ok) {
    process.stderr.write(`madoguchi: ${folders.error}\n`);
    return app.exit(1);
  }
  runCommandLine(args, { dataDir: folders.value.dataDir, pdfMaker: electronPdfMaker(prints) }).then(
    // What was written reaches the console (or the file it was sent to) before the process ends.
    (code) => void process.stdout.write('', () => void process.stderr.write('', () => app.exit(code))),
    (e: unknown) => {
      process.stderr.write(`madoguchi: 予期しないエラー（コード: INTERNAL）: ${(e as Error).message}\n`);
      app.exit(1);
    },
  );
}

function startWindow(): void {
  // Chromium's own debugging port is no fuse: the installed app refuses to start with it (a local program could
  // otherwise drive the unlocked window, as --inspect would have driven main).
  if (app.isPackaged && app.commandLine.hasSwitch('remote-debugging-port')) return app.exit(1);
  // One window per PC: a second start (a double click on the shortcut) brings the running one forward.
  if (!app.requestSingleInstanceLock()) return app.quit();
  hardenApp(app);
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());

  const open = () => {
    if (!folders.ok) {
      dialog.showErrorBox('窓口 Madoguchi を起動できません', folders.error);
      return app.quit();
    }
    const { dataDir, logDir } = folders.value;
    // A rotating log with no resident in it and a crash report of ours beside it (main's JavaScript), for support;
    // Chromium's minidumps (native crashes, which may hold memory) stay in this user's own profile. Nothing is sent
    // anywhere (main/logging/).
    const stationLog = createRotatingLog({ dir: logDir, maxBytes: 1024 * 1024, keep: 5, clock: systemClock });
    installCrashReport({ dir: logDir, clock: systemClock, log: stationLog, version: app.getVersion() });
    crashReporter.start({ uploadToServer: false });
    const log = stationLog.log;
    log(`start: Madoguchi ${app.getVersion()} (Electron ${process.versions.electron}, ${process.platform} ${process.arch})`);
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir, prints));
    hardenSession(session.defaultSession);

    let push: Push = () => {};
    const madoguchi = createStation(dataDir, systemClock, log, {
      printer: windowPrinter(prints, () => win),
      backupThread: workerThread(backupWorkerFile),
      folderPicker: createFolderPicker(() => win),
      // この端末で自動的に開く: the database key sealed by the OS for this Windows user (DPAPI; the Secret Service on Linux).
      osKeyStore: electronOsKeyStore(safeStorage),
      onOpened: (opened) => opened.startScanner((event, payload) => push(event, payload)),
    });

    // The preload builds window.madoguchi from the contract's names, asked once (it stays tiny and zod-free, and
    // a new channel needs no second list).
    ipcMain.on(API_NAMES_CHANNEL, (event) => {
      const names: ApiNames = { channels: CHANNELS, pushEvents: PUSH_EVENTS };
      event.returnValue = isTrustedSender(event.senderFrame) ? names : { channels: [], pushEvents: [] };
    });
    for (const channel of CHANNELS) {
      ipcMain.handle(`madoguchi:${channel}`, (event, input: unknown) => {
        if (!isTrustedSender(event.senderFrame)) return { ok: false, error: { code: 'forbidden', message: 'forbidden' } };
        return madoguchi.invoke(channel, input, `window:${event.sender.id}`);
      });
    }

    win = new BrowserWindow({
      width: 1366,
      height: 768,
      title: '窓口 Madoguchi',
      icon: join(rendererDir, 'icon.png'),
      backgroundColor: '#0b1a2a',
      webPreferences: secureWebPreferences(preloadFile, app.isPackaged),
    });
    const main = win;
    main.removeMenu();
    main.maximize();
    void main.loadURL(APP_PAGE);
    // A renderer that died (crash, out of memory, killed) leaves a dead window: say so, and offer to reopen it.
    main.webContents.on('render-process-gone', (_event, details) => {
      log(`window: renderer gone (${details.reason}, exit ${details.exitCode})`);
      if (details.reason === 'clean-exit' || main.isDestroyed()) return;
      // Whoever was signed in is signed out: the page that comes back is a new one, and the recover page says so.
      void madoguchi.invoke('session:signOut', {}, `window:${main.webContents.id}`);
      void main.loadURL(RECOVER_PAGE);
    });
    push = (event, payload) => {
      if (!main.isDestroyed()) main.webContents.send(`madoguchi:${event}`, payload);
    };
    madoguchi.setPush(push);
    // Development and automation only: the installed app is unlocked on its screen (or by its OS key slot).
    if (!app.isPackaged && process.env.MADOGUCHI_PASSPHRASE) madoguchi.unlock(process.env.MADOGUCHI_PASSPHRASE);
    app.on('before-quit', () => void madoguchi.close());
  };
  void app
    .whenReady()
    .then(open)
    // A start that fails leaves no process behind holding the single-instance lock with no window (every later
    // double click would quit at once): said, and ended.
    .catch((e: unknown) => {
      dialog.showErrorBox('窓口 Madoguchi を起動できません', `予期しないエラー（コード: START）: ${(e as Error).name}`);
      app.exit(1);
    });
}
