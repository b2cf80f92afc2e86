// Input reports → scans, for either kind of scanner. Live input (main/scanner) and the replay of a
// support recording both go through this one function, so a recording reproduces exactly what the
// counter saw.
import { createBootKeyboardDecoder, type BootKeyboardStats } from './boot-keyboard';
import { createHidPosDecoder, type HidPosStats } from './hid-pos';
import {
  cleanScanText,
  createScanAssembler,
  DEFAULT_MAX_SCAN_LENGTH,
  type ScanAssemblerOptions,
  type ScanAssemblerStats,
} from './scan-assembler';
import type { ScannerMode } from './scanner-mode';

export interface DecodedScan {
  /** Cleaned scan text (no terminator, control characters or AIM prefix). */
  readonly text: string;
  /** AIM symbology identifier when the scanner reports it separately (HID POS), else null. */
  readonly aim: string | null;
  readonly startedAtMs: number;
  readonly atMs: number;
}

export type ScanDecoderStats =
  | { readonly kind: 'boot-keyboard'; readonly reports: BootKeyboardStats; readonly assembler: ScanAssemblerStats }
  | { readonly kind: 'hid-pos'; readonly reports: HidPosStats; readonly tooLong: number };

export interface ScanDecoder {
  push(report: Uint8Array, atMs: number): DecodedScan[];
  /** Characters typed without a terminator yet (keyboard mode only). */
  pending(): string;
  /** Forget half-received input, e.g. after the scanner was unplugged. */
  reset(): void;
  stats(): ScanDecoderStats;
}

export function createScanDecoder(mode: ScannerMode, options: ScanAssemblerOptions = {}): ScanDecoder {
  if (mode.kind === 'boot-keyboard') {
    const keys = createBootKeyboardDecoder(mode.layout);
    const assembler = createScanAssembler(options);
    return {
      push(report, atMs) {
        const scans: DecodedScan[] = [];
        for (const c of keys.push(report, atMs)) {
          for (const s of assembler.push(c.ch, c.atMs)) scans.push({ text: s.text, aim: null, startedAtMs: s.startedAtMs, atMs: s.atMs });
        }
        return scans;
      },
      pending: () => assembler.pending(),
      reset() {
        keys.reset();
        assembler.reset();
      },
      stats: () => ({ kind: 'boot-keyboard', reports: keys.stats(), assembler: assembler.stats() }),
    };
  }
  const pos = createHidPosDecoder(mode.vendor);
  const maxLength = options.maxLength ?? DEFAULT_MAX_SCAN_LENGTH;
  let tooLong = 0;
  return {
    push(report, atMs) {
      const scans: DecodedScan[] = [];
      // One HID POS message is one barcode: it needs no terminator, and a configured suffix is noise.
      for (const m of pos.push(report, atMs)) {
        const text = cleanScanText(m.text);
        if (text.length > maxLength) tooLong++;
        else if (text !== '') scans.push({ text, aim: m.aim, startedAtMs: m.startedAtMs, atMs: m.atMs });
      }
      return scans;
    },
    pending: () => '',
    reset: () => pos.reset(),
    stats: () => ({ kind: 'hid-pos', reports: pos.stats(), tooLong }),
  };
}
