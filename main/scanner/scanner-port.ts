// What the app sees of "the scanner", whatever reads it (node-hid in main today; WebHID or keyboard
// capture in the renderer can implement the same shape). Scans arrive already decoded and checked.
import type { ScannedCodeResult } from '../../shared/scanner/scan-assembler';
import type { HidDeviceInfo } from './hid-device';

export interface ScannerScan {
  /** The scan as decoded (cleaned of terminator, control characters and AIM prefix). */
  readonly text: string;
  /** The 予約管理番号 in it, or why not. */
  readonly code: ScannedCodeResult;
  /** AIM symbology identifier when the scanner reports it (HID POS), else null. */
  readonly aim: string | null;
  /** From the source's injected clock, in ms. */
  readonly atMs: number;
}

export type ScannerStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'connected'; readonly device: HidDeviceInfo }
  | {
      readonly state: 'disconnected';
      /** The device we last had, if any. */
      readonly device: HidDeviceInfo | null;
      /** For staff and logs: why (unplugged, cannot open, …). */
      readonly reason: string;
      /** When the next attempt to reopen happens, or null when closed for good. */
      readonly retryInMs: number | null;
    }
  | { readonly state: 'closed' };

export interface ScannerSource {
  /** Returns a function that unsubscribes. */
  onScan(listener: (scan: ScannerScan) => void): () => void;
  onStatus(listener: (status: ScannerStatus) => void): () => void;
  status(): ScannerStatus;
  /** Stops retrying and closes the device; afterwards the status is 'closed'. */
  close(): Promise<void>;
}
