// The Electron entry: the only runtime importer of `electron` in main/. It reads like a table of contents;
// everything it wires is a plain-Node service tested without Electron.
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { CHANNELS, PUSH_EVENTS } from '../../shared/ipc/contract';
import { API_NAMES_CHANNEL, type ApiNames } from '../../shared/ipc/channels';
import { systemClock } from '../clock';
import type { Push } from '../ipc/push';
import { createStation } from '../app/station';
import { resolveDataDir } from '../store/data-folder';
import { createPdfPrinter } from './pdf-printer';
import { workerThread } from '../backup/backup-thread';
import { createFolderPicker } from './folder-picker';
import { hardenApp, hardenSession, isTrustedSender, rendererUrl, secureWebPreferences } from './security';

const rendererDir = join(__dirname, '..', 'renderer');
const preloadFile = join(__dirname, '..', 'preload', 'index.cjs');
const backupWorkerFile = join(__dirname, 'backup-worker.cjs');

if (!app.requestSingleInstanceLock()) app.quit();
hardenApp(app);

app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  const dataDir = resolveDataDir(undefined, process.env);
  // The window opens locked: the venue passphrase is typed on its unlock screen (or, for the demo and
  // automation, taken from MADOGUCHI_PASSPHRASE). An OS-keychain (safeStorage) slot can come later.
  let push: Push = () => {};
  let win: BrowserWindow | null = null;
  const madoguchi = createStation(dataDir, systemClock, (line) => console.error(line), {
    printer: createPdfPrinter(rendererDir, () => win),
    backupThread: workerThread(backupWorkerFile),
    folderPicker: createFolderPicker(() => win),
    onOpened: (opened) => opened.startScanner((event, payload) => push(event, payload)),
  });

  // The preload builds window.madoguchi from the contract's names, asked once (it stays tiny and zod-free, and
  // a new channel needs no second list).
  ipcMain.on(API_NAMES_CHANNEL, (event) => {
    const names: ApiNames = { channels: CHANNELS, pushEvents: PUSH_EVENTS };
    event.returnValue = isTrustedSender(event.senderFrame, rendererDir) ? names : { channels: [], pushEvents: [] };
  });
  for (const channel of CHANNELS) {
    ipcMain.handle(`madoguchi:${channel}`, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, rendererDir)) return { ok: false, error: { code: 'forbidden', message: 'forbidden' } };
      return madoguchi.invoke(channel, input, `window:${event.sender.id}`);
    });
  }

  win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: '窓口 Madoguchi',
    backgroundColor: '#0b1a2a',
    webPreferences: secureWebPreferences(preloadFile, app.isPackaged),
  });
  const main = win;
  main.removeMenu();
  void main.loadURL(rendererUrl(rendererDir));
  push = (event, payload) => {
    if (!main.isDestroyed()) main.webContents.send(`madoguchi:${event}`, payload);
  };
  madoguchi.setPush(push);
  if (process.env.MADOGUCHI_PASSPHRASE) madoguchi.unlock(process.env.MADOGUCHI_PASSPHRASE);
  app.on('before-quit', () => void madoguchi.close());
});

app.on('window-all-closed', () => app.quit());
