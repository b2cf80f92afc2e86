// A scanner read as a HID device (node-hid in the app, the fake in tests): open it, decode its reports,
// and when the cable is pulled, say so and keep trying to reopen it with backoff, so a clerk who plugs
// it back in just carries on scanning. Time comes from injected timers.
import { createScanDecoder } from '../../shared/scanner/scan-decoder';
import { normalizeScannedCode, type ScanAssemblerOptions } from '../../shared/scanner/scan-assembler';
import type { ScannerMode } from '../../shared/scanner/scanner-mode';
import type { HidDevice, HidDeviceInfo, OpenHidDevice } from './hid-device';
import type { ScannerScan, ScannerSource, ScannerStatus } from './scanner-port';
import { systemTimers, type Timers } from './timers';

export interface HidScannerSourceOptions {
  /** Opens the scanner; called again after an unplug (the OS path may change on replug). */
  readonly open: OpenHidDevice;
  readonly mode: ScannerMode;
  readonly timers?: Timers;
  /** First retry after this many ms, doubling up to maxMs. Defaults 500 and 10,000. */
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** Keyboard mode only: length guard and the optional stray-typing filter. */
  readonly assembler?: Omit<ScanAssemblerOptions, 'now'>;
  /** A listener that throws must not take the reader down; its error goes here (default: console.error). */
  readonly onListenerError?: (error: unknown) => void;
}

export function createHidScannerSource(options: HidScannerSourceOptions): ScannerSource {
  const timers = options.timers ?? systemTimers;
  const initialMs = options.backoff?.initialMs ?? 500;
  const maxMs = options.backoff?.maxMs ?? 10_000;
  const onListenerError = options.onListenerError ?? ((e: unknown) => console.error('scanner listener failed:', e));
  const decoder = createScanDecoder(options.mode, { ...options.assembler, now: () => timers.now() });
  const scanListeners = new Set<(scan: ScannerScan) => void>();
  const statusListeners = new Set<(status: ScannerStatus) => void>();

  let status: ScannerStatus = { state: 'connecting' };
  let device: HidDevice | null = null;
  let lastInfo: HidDeviceInfo | null = null;
  let failures = 0;
  let retryTimer: unknown = null;
  let closed = false;

  const notify = <T>(listeners: Set<(v: T) => void>, value: T) => {
    for (const l of [...listeners]) {
      try {
        l(value);
      } catch (e) {
        onListenerError(e);
      }
    }
  };
  const setStatus = (s: ScannerStatus) => {
    status = s;
    notify(statusListeners, s);
  };

  const onData = (report: Uint8Array) => {
    for (const s of decoder.push(report, timers.now())) {
      notify(scanListeners, { text: s.text, code: normalizeScannedCode(s.text), aim: s.aim, atMs: s.atMs });
    }
  };

  const onError = (error: Error) => {
    const dev = device;
    if (!dev) return;
    detach(dev);
    void dev.close().catch(() => {
      // Closing a device that is gone may fail too; it is released either way.
    });
    scheduleRetry(`スキャナとの通信が切れました（${error.message}）`);
  };

  function detach(dev: HidDevice) {
    dev.off('data', onData);
    dev.off('error', onError);
    if (device === dev) device = null;
  }

  function scheduleRetry(reason: string) {
    if (closed) return;
    const delay = Math.min(maxMs, initialMs * 2 ** Math.min(failures, 30));
    failures++;
    setStatus({ state: 'disconnected', device: lastInfo, reason, retryInMs: delay });
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
  }

  async function connect() {
    if (closed) return;
    let dev: HidDevice;
    try {
      dev = await options.open();
    } catch (e) {
      scheduleRetry(`スキャナを開けません（${(e as Error).message ?? String(e)}）`);
      return;
    }
    if (closed) {
      await dev.close().catch(() => undefined);
      return;
    }
    device = dev;
    lastInfo = dev.info;
    failures = 0;
    // Half a scan from before an unplug must not be glued to the first scan after the replug.
    decoder.reset();
    dev.on('error', onError);
    dev.on('data', onData);
    setStatus({ state: 'connected', device: dev.info });
  }

  void connect();

  return {
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    status: () => status,
    async close() {
      if (closed) return;
      closed = true;
      if (retryTimer !== null) timers.clearTimeout(retryTimer);
      retryTimer = null;
      const dev = device;
      if (dev) {
        detach(dev);
        await dev.close().catch(() => undefined);
      }
      setStatus({ state: 'closed' });
    },
  };
}
