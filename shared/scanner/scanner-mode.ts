// How a scanner's input reports are to be read: the one setting that decides the decoder.
// Written into recordings and accepted on the command line, so both use the same spelling.
import { KEYBOARD_LAYOUTS, type KeyboardLayout } from './boot-keyboard';
import { HID_POS_VENDORS, type HidPosVendor } from './hid-pos';

export type ScannerMode =
  { readonly kind: 'boot-keyboard'; readonly layout: KeyboardLayout } | { readonly kind: 'hid-pos'; readonly vendor: HidPosVendor };

/** `boot-keyboard layout=us` / `hid-pos vendor=honeywell`: the form a recording's mode line uses. */
export function formatScannerMode(mode: ScannerMode): string {
  return mode.kind === 'boot-keyboard' ? `boot-keyboard layout=${mode.layout}` : `hid-pos vendor=${mode.vendor}`;
}

/** Parses the recording form (`hid-pos vendor=zebra`) and the short command-line form (`hid-pos:zebra`). */
export function parseScannerMode(text: string): ScannerMode | null {
  const m = /^(boot-keyboard|hid-pos)(?:\s+(layout|vendor)=|:)([a-z]+)$/.exec(text.trim());
  if (!m) return null;
  const [, kind, key, value] = m;
  if (kind === 'boot-keyboard' && (key === undefined || key === 'layout')) {
    const layout = KEYBOARD_LAYOUTS.find((l) => l === value);
    return layout ? { kind, layout } : null;
  }
  if (kind === 'hid-pos' && (key === undefined || key === 'vendor')) {
    const vendor = HID_POS_VENDORS.find((v) => v === value);
    return vendor ? { kind, vendor } : null;
  }
  return null;
}

export const SCANNER_MODE_NAMES: readonly string[] = [
  ...KEYBOARD_LAYOUTS.map((layout) => formatScannerMode({ kind: 'boot-keyboard', layout })),
  ...HID_POS_VENDORS.map((vendor) => formatScannerMode({ kind: 'hid-pos', vendor })),
];
