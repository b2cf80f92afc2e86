// The one place that touches node-hid. It is loaded lazily, on first use and inside try/catch: on Linux
// its prebuilt binary needs libusb-1.0 at load time, and a venue PC without it must fall back to
// keyboard capture with a clear message, not crash the main process at startup.
import type * as NodeHid from 'node-hid';
import { EventEmitter } from 'node:events';
import {
  classifyHidDevice,
  HID_POS_USAGE_PAGE,
  HONEYWELL_VENDOR_IDS,
  type HidDevice,
  type HidDeviceInfo,
  type HidDeviceKind,
  type OpenHidDevice,
} from './hid-device';

type NodeHidModule = typeof NodeHid;

/** node-hid (or its native binary) cannot be loaded on this PC. */
export class HidUnavailableError extends Error {
  constructor(cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      `USB スキャナを直接読むための node-hid を読み込めません（Linux では libusb-1.0 が必要です: apt-get install libusb-1.0-0）。` +
        `キーボードモードのスキャナはアプリのキーボード入力で読めます。詳細: ${detail}`,
    );
    this.name = 'HidUnavailableError';
  }
}

export interface ListedHidDevice extends HidDeviceInfo {
  readonly kind: HidDeviceKind;
}

/** Which device to reopen after a replug, when its path may have changed. */
interface HidDeviceMatch {
  readonly vendorId: number;
  readonly productId: number;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly serialNumber?: string;
}

export interface NodeHidAdapter {
  listHidDevices(): Promise<ListedHidDevice[]>;
  openHidDevice(path: string): Promise<HidDevice>;
  /** An opener that finds the device again by identity each time (for createHidScannerSource). */
  openerFor(match: HidDeviceMatch): OpenHidDevice;
}

/** `load` is injectable so tests can play a PC where node-hid does not load. */
export function createNodeHidAdapter(load: () => Promise<NodeHidModule> = () => import('node-hid')): NodeHidAdapter {
  async function hid(): Promise<NodeHidModule> {
    let m: NodeHidModule;
    try {
      m = await load();
      // The native binary loads on first use, not on import; make that happen here, inside the catch.
      m.getHidapiVersion();
    } catch (e) {
      throw new HidUnavailableError(e);
    }
    return m;
  }

  async function listHidDevices(): Promise<ListedHidDevice[]> {
    const m = await hid();
    const devices = await m.devicesAsync();
    return devices.map((d) => {
      const info = toInfo(d);
      return { ...info, kind: classifyHidDevice(info) };
    });
  }

  async function openHidDevice(path: string): Promise<HidDevice> {
    const m = await hid();
    // Usage page and usage are only in the enumeration, not in the open device's info.
    const listed = (await m.devicesAsync()).find((d) => d.path === path);
    const raw = await m.HIDAsync.open(path);
    const info: HidDeviceInfo = listed ? toInfo(listed) : { ...toInfo(await raw.getDeviceInfo()), path };
    if (HONEYWELL_VENDOR_IDS.includes(info.vendorId) && info.usagePage === HID_POS_USAGE_PAGE) {
      // Honeywell's HID POS collection starts sending reports after this feature report, as the public
      // WebHID driver does on open. Unverified on our hardware; a failure here is not fatal.
      await raw.sendFeatureReport([0xfe, 0x01]).catch(() => undefined);
    }
    return new NodeHidDevice(raw, info);
  }

  return {
    listHidDevices,
    openHidDevice,
    openerFor: (match) => async () => {
      const m = await hid();
      const found = (await m.devicesAsync()).find(
        (d) =>
          d.vendorId === match.vendorId &&
          d.productId === match.productId &&
          (match.usagePage === undefined || d.usagePage === match.usagePage) &&
          (match.usage === undefined || d.usage === match.usage) &&
          (match.serialNumber === undefined || d.serialNumber === match.serialNumber) &&
          d.path !== undefined,
      );
      if (!found?.path) throw new Error('スキャナが接続されていません');
      return openHidDevice(found.path);
    },
  };
}

function toInfo(d: NodeHid.Device): HidDeviceInfo {
  return {
    vendorId: d.vendorId,
    productId: d.productId,
    path: d.path,
    manufacturer: d.manufacturer,
    product: d.product,
    serialNumber: d.serialNumber,
    usagePage: d.usagePage,
    usage: d.usage,
    interface: d.interface,
  };
}

/** node-hid's HIDAsync seen through the app's HidDevice surface. */
class NodeHidDevice extends EventEmitter implements HidDevice {
  private closing = false;

  constructor(
    private readonly raw: NodeHid.HIDAsync,
    readonly info: HidDeviceInfo,
  ) {
    super();
    raw.on('error', (e: unknown) => {
      if (this.closing || this.listenerCount('error') === 0) return;
      this.emit('error', e instanceof Error ? e : new Error(String(e)));
    });
    // node-hid starts its read thread when a 'data' listener appears: start it only when ours does,
    // so no report is read before anyone can receive it.
    let reading = false;
    this.on('newListener', (event: string | symbol) => {
      if (event !== 'data' || reading) return;
      reading = true;
      raw.on('data', (buf: Uint8Array) => {
        // A plain copy: node-hid hands out Buffers, whose slice() shares memory.
        this.emit('data', Uint8Array.from(buf));
      });
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.removeAllListeners();
    await this.raw.close();
  }
}

const defaultAdapter = createNodeHidAdapter();

/** HID devices on this PC, each marked as HID POS scanner, scanner keyboard interface, … */
export const listHidDevices = (): Promise<ListedHidDevice[]> => defaultAdapter.listHidDevices();

/** Opens a device by its OS path. */
export const openHidDevice = (path: string): Promise<HidDevice> => defaultAdapter.openHidDevice(path);
