// A stand-in for the `electron` module, enough to run the bundled Electron entry (dist/main/electron-main.cjs)
// under plain Node: it records what the entry registers (schemes, protocol handlers, IPC channels, windows,
// web-contents handlers) and lets a test play the app's life (ready, a second start, a renderer crash). Its
// BrowserWindow "prints" a page by asking the registered app:// handler for it, so a PDF's bytes carry the page.
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: Handler | null = null;
  constructor(private readonly owner: FakeWindow) {
    super();
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  /** A navigation the page asked for: whether a will-navigate listener stopped it. */
  tryNavigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
  async printToPDF(): Promise<Buffer> {
    const page = await this.owner.fake.fetchApp(this.owner.url);
    return Buffer.concat([Buffer.from('%PDF-fake\n'), Buffer.from(page)]);
  }
}

class FakeWindow {
  url = '';
  destroyed = false;
  minimized = false;
  focused = 0;
  readonly webContents: FakeWebContents;
  constructor(
    readonly fake: FakeElectron,
    readonly options: Record<string, unknown>,
  ) {
    this.webContents = new FakeWebContents(this);
    fake.windows.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    // As Electron: an app:// page needs its protocol handled first (else the window shows an error page).
    if (url.startsWith('app:') && !this.fake.protocolHandlers.has('app')) throw new Error(`ERR_UNKNOWN_URL_SCHEME ${url}`);
    this.url = url;
  }
  removeMenu(): void {}
  maximize(): void {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {}
  focus(): void {
    this.focused++;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeElectron {
  readonly module: Record<string, unknown>;
  readonly app: EventEmitter;
  readonly windows: FakeWindow[];
  readonly schemes: unknown[];
  readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  readonly ipcHandlers: Map<string, Handler>;
  readonly ipcListeners: Map<string, Handler>;
  readonly errorBoxes: [string, string][];
  readonly calls: string[];
  exitCode: number | null;
  /** Makes the app ready (whenReady resolves, 'ready' fires). */
  ready(): void;
  /** GETs an app:// URL through the registered handler, as the window's page would. */
  fetchApp(url: string): Promise<string>;
}

export function fakeElectron(
  options: { packaged?: boolean; gotLock?: boolean; switches?: readonly string[]; protocolFails?: boolean } = {},
): FakeElectron {
  let markReady: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  const calls: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.packaged ?? false,
    whenReady: () => whenReady,
    requestSingleInstanceLock: () => options.gotLock ?? true,
    quit: () => void calls.push('app.quit'),
    exit: (code: number) => {
      fake.exitCode = code;
      calls.push(`app.exit(${code})`);
    },
    disableHardwareAcceleration: () => void calls.push('app.disableHardwareAcceleration'),
    setPath: (name: string, path: string) => void calls.push(`app.setPath(${name}, ${path})`),
    getPath: (name: string) => `/fake/${name}`,
    getVersion: () => '0.0.0-test',
    commandLine: { hasSwitch: (name: string) => (options.switches ?? []).includes(name) },
  });
  const fake: FakeElectron = {
    module: {},
    app,
    windows: [],
    schemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    ipcListeners: new Map(),
    errorBoxes: [],
    calls,
    exitCode: null,
    ready() {
      markReady();
      app.emit('ready');
    },
    async fetchApp(url) {
      const handler = fake.protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
      if (!handler) throw new Error(`no handler for ${url}`);
      const res = await handler(new Request(url));
      return res.text();
    },
  };
  const session = {
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    webRequest: { onHeadersReceived: () => {} },
  };
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: Record<string, unknown> = {}) {
      super(fake, windowOptions);
    }
  }
  Object.assign(fake.module, {
    app,
    BrowserWindow,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        // Electron allows this only before ready; the entry must do it at load.
        calls.push('protocol.registerSchemesAsPrivileged');
        fake.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (options.protocolFails) throw new Error('protocol.handle failed');
        fake.protocolHandlers.set(scheme, handler);
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => void fake.ipcHandlers.set(channel, handler),
      on: (channel: string, listener: Handler) => void fake.ipcListeners.set(channel, listener),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void fake.errorBoxes.push([title, content]),
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    // No OS key store on this fake PC (station-auto-open.test.ts covers one that works).
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => {
        throw new Error('unavailable');
      },
      decryptString: () => {
        throw new Error('unavailable');
      },
    },
    crashReporter: { start: (o: { uploadToServer: boolean }) => void calls.push(`crashReporter.start(upload=${o.uploadToServer})`) },
  });
  return fake;
}
