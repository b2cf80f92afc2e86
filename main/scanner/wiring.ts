// Connects a HID scanner read in main (setting scanner-mode=hid) to the counter: finds the device,
// keeps it open across unplugs, and pushes each scan and each connection change to the renderer.
// Keyboard-mode scanners need none of this: the renderer captures them itself.
import type { StatusView } from '../../shared/ipc/contract';
import type { KeyboardLayout } from '../../shared/scanner/boot-keyboard';
import type { ScannerMode } from '../../shared/scanner/scanner-mode';
import { createHidScannerSource } from './hid-scanner-source';
import { describeHidDevice, hidPosVendorFor } from './hid-device';
import type { ListedHidDevice, NodeHidAdapter } from './node-hid-source';
import type { ScannerSource } from './scanner-port';
import { systemTimers, type Timers } from './timers';

export interface ScannerWiring {
  close(): Promise<void>;
}

export interface ScannerWiringOptions {
  readonly adapter: Pick<NodeHidAdapter, 'listHidDevices' | 'openerFor'>;
  readonly keyboardLayout: KeyboardLayout;
  readonly onScan: (code: string) => void;
  readonly onStatus: (status: Omit<StatusView['scanner'], 'layout'>) => void;
  readonly log: (line: string) => void;
  readonly timers?: Timers;
  /** How often to look again when no scanner is plugged in yet. */
  readonly searchEveryMs?: number;
}

/** A HID POS scanner is preferred; a keyboard-mode scanner read raw (Linux hidraw) is the fallback. */
function chooseScanner(devices: readonly ListedHidDevice[], layout: KeyboardLayout): { device: ListedHidDevice; mode: ScannerMode } | null {
  const pos = devices.find((d) => d.kind === 'hid-pos');
  if (pos) return { device: pos, mode: { kind: 'hid-pos', vendor: hidPosVendorFor(pos.vendorId) ?? 'honeywell' } };
  const kbd = devices.find((d) => d.kind === 'scanner-keyboard');
  if (kbd) return { device: kbd, mode: { kind: 'boot-keyboard', layout } };
  return null;
}

export function connectHidScanner(options: ScannerWiringOptions): ScannerWiring {
  const timers = options.timers ?? systemTimers;
  const searchEveryMs = options.searchEveryMs ?? 5_000;
  let source: ScannerSource | null = null;
  let closed = false;
  let cancelSearch: (() => void) | null = null;
  const disconnected = (device: string | null) => options.onStatus({ mode: 'hid', connected: false, device });

  const search = async () => {
    cancelSearch = null;
    if (closed) return;
    let devices: ListedHidDevice[] = [];
    try {
      devices = await options.adapter.listHidDevices();
    } catch (e) {
      // node-hid could not load (no libusb, or a Windows keyboard-only scanner): say so once, keep looking.
      options.log(`scanner: ${(e as Error).message}`);
    }
    const chosen = chooseScanner(devices, options.keyboardLayout);
    if (!chosen || closed) {
      disconnected(null);
      if (!closed) {
        const handle = timers.setTimeout(() => void search(), searchEveryMs);
        cancelSearch = () => timers.clearTimeout(handle);
      }
      return;
    }
    const { device, mode } = chosen;
    const name = describeHidDevice(device);
    source = createHidScannerSource({
      open: options.adapter.openerFor({
        vendorId: device.vendorId,
        productId: device.productId,
        usagePage: device.usagePage,
        usage: device.usage,
      }),
      mode,
      timers,
    });
    source.onStatus((s) => {
      if (s.state === 'connected') options.onStatus({ mode: 'hid', connected: true, device: name });
      else if (s.state === 'disconnected') disconnected(name);
    });
    // A scan that is not a reservation number still goes to the counter, which says "malformed".
    source.onScan((scan) => options.onScan(scan.code.ok ? scan.code.reservationNo : scan.text));
  };

  void search();
  return {
    async close() {
      closed = true;
      cancelSearch?.();
      await source?.close();
    },
  };
}
