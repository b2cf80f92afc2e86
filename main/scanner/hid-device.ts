// The part of a HID device the app uses, so node-hid and the fake device are interchangeable and
// nothing outside node-hid-source.ts knows node-hid's API.
import type { HidPosVendor } from '../../shared/scanner/hid-pos';

export interface HidDeviceInfo {
  readonly vendorId: number;
  readonly productId: number;
  /** OS path to open it by (`/dev/hidraw3`, `\\?\hid#vid_0c2e…`); absent for some devices. */
  readonly path?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly serialNumber?: string;
  /** Top-level collection: 0x8C/0x02 = HID POS bar code scanner, 0x01/0x06 = keyboard. */
  readonly usagePage?: number;
  readonly usage?: number;
  readonly interface?: number;
}

/**
 * An open device. Events: 'data' (one input report, report ID first if the device numbers its
 * reports) and 'error' (read failed, which is what unplugging looks like; no more 'data' follows).
 */
export interface HidDevice {
  readonly info: HidDeviceInfo;
  on(event: 'data', listener: (report: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  off(event: 'data', listener: (report: Uint8Array) => void): this;
  off(event: 'error', listener: (error: Error) => void): this;
  close(): Promise<void>;
}

/** Opens "the scanner": by a fixed path, or by finding it again after a replug gave it a new path. */
export type OpenHidDevice = () => Promise<HidDevice>;

export const HONEYWELL_VENDOR_IDS: readonly number[] = [0x0c2e, 0x23d0];
const ZEBRA_VENDOR_ID = 0x05e0;
const DATALOGIC_VENDOR_ID = 0x05f9;
const SCANNER_VENDOR_IDS = new Set([...HONEYWELL_VENDOR_IDS, ZEBRA_VENDOR_ID, DATALOGIC_VENDOR_ID]);

export const HID_POS_USAGE_PAGE = 0x8c;
const HID_POS_BARCODE_SCANNER_USAGE = 0x02;

/**
 * - `hid-pos`: a bar code scanner collection in HID POS mode (any vendor): open this one.
 * - `scanner-keyboard`: the keyboard interface of a known scanner vendor (keyboard-wedge mode).
 *   Readable on Linux hidraw; Windows keeps keyboards exclusive, so there use keyboard capture.
 * - `scanner-other`: another collection of a scanner vendor (e.g. Honeywell's 0xFF8C vendor page);
 *   same VID/PID as the scanner, which is why devices are never picked by VID/PID alone.
 * - `other`: not a scanner we know.
 */
export type HidDeviceKind = 'hid-pos' | 'scanner-keyboard' | 'scanner-other' | 'other';

export function classifyHidDevice(info: Pick<HidDeviceInfo, 'vendorId' | 'usagePage' | 'usage'>): HidDeviceKind {
  if (info.usagePage === HID_POS_USAGE_PAGE && info.usage === HID_POS_BARCODE_SCANNER_USAGE) return 'hid-pos';
  if (!SCANNER_VENDOR_IDS.has(info.vendorId)) return 'other';
  return info.usagePage === 0x01 && info.usage === 0x06 ? 'scanner-keyboard' : 'scanner-other';
}

/** The HID POS vendor table for a vendor ID, or null when we have none for it. */
export function hidPosVendorFor(vendorId: number): HidPosVendor | null {
  if (HONEYWELL_VENDOR_IDS.includes(vendorId)) return 'honeywell';
  if (vendorId === ZEBRA_VENDOR_ID) return 'zebra';
  if (vendorId === DATALOGIC_VENDOR_ID) return 'datalogic';
  return null;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** `0c2e:0b87 Honeywell Voyager 1470g (usage 008c:0002)`: one line for lists, status and recordings. */
export function describeHidDevice(info: HidDeviceInfo): string {
  const name = [info.manufacturer, info.product].filter((s) => s && s.trim() !== '').join(' ');
  const usage = info.usagePage === undefined ? '' : ` (usage ${hex4(info.usagePage)}:${hex4(info.usage ?? 0)})`;
  return `${hex4(info.vendorId)}:${hex4(info.productId)}${name ? ` ${name}` : ''}${usage}`;
}
