// Characters (from boot keyboard reports, or keydown events in the renderer) → whole scans.
// The scanner's suffix (Enter, or Tab) is what ends a scan. Timing never ends one: some Zebra models
// type at 80–100 ms per key, and a cold machine can stall longer, so a timing split would hand the
// counter half a number. Timing may only throw away stray slow typing, and only when configured.
// Pure: main and renderer alike.
import { normalizeReservationNumber, RESERVATION_NUMBER_DIGITS, RESERVATION_NUMBER_PREFIX_LENGTH } from '../roster/reservation-number';
import { DASH_LOOKALIKES } from '../roster/text';

/** Longest scan we accept; a reservation number is 10 characters, the notice's other codes are short too. */
export const DEFAULT_MAX_SCAN_LENGTH = 256;

export interface AssembledScan {
  /** Cleaned: control characters and a leading AIM/ECI identifier removed. */
  readonly text: string;
  /** As typed, without the terminator: for support logs. */
  readonly raw: string;
  readonly startedAtMs: number;
  readonly atMs: number;
  readonly terminator: '\r' | '\n' | '\t';
}

export interface ScanAssemblerOptions {
  /** Characters per scan; a longer run up to its terminator is dropped whole (counted in stats). */
  readonly maxLength?: number;
  /**
   * Off (null) by default. When set, a gap longer than this between two characters throws away what
   * came before the gap as stray typing; the characters after it still form the scan.
   */
  readonly discardAfterGapMs?: number | null;
  /** Time source for push() without a timestamp and for discardIdle(); injected so tests control time. */
  readonly now?: () => number;
}

export interface ScanAssemblerStats {
  scans: number;
  /** Dropped because longer than maxLength. */
  tooLong: number;
  /** Characters thrown away as stray typing (only with discardAfterGapMs). */
  discardedChars: number;
}

export interface ScanAssembler {
  /** Feeds typed text (usually one character); returns the scans its terminators completed. */
  push(text: string, atMs?: number): AssembledScan[];
  /** With discardAfterGapMs: drops an unterminated run idle for longer than that. Returns true if it dropped one. */
  discardIdle(nowMs?: number): boolean;
  /** The unterminated characters so far (what a replay that ends mid-scan leaves behind). */
  pending(): string;
  reset(): void;
  stats(): Readonly<ScanAssemblerStats>;
}

const TERMINATORS = new Set(['\r', '\n', '\t']);

export function createScanAssembler(options: ScanAssemblerOptions = {}): ScanAssembler {
  const maxLength = options.maxLength ?? DEFAULT_MAX_SCAN_LENGTH;
  const gap = options.discardAfterGapMs ?? null;
  const now = options.now ?? (() => Date.now());
  const stats: ScanAssemblerStats = { scans: 0, tooLong: 0, discardedChars: 0 };
  let buf: string[] = [];
  let startedAtMs = 0;
  let lastAtMs = 0;
  let tooLong = false;

  const clear = () => {
    buf = [];
    tooLong = false;
  };

  return {
    push(text, atMs = now()) {
      const out: AssembledScan[] = [];
      for (const ch of text) {
        if (TERMINATORS.has(ch)) {
          // CR LF, or Enter after Tab, must not produce an empty second scan.
          if (buf.length === 0 && !tooLong) continue;
          if (tooLong) stats.tooLong++;
          else {
            const raw = buf.join('');
            stats.scans++;
            out.push({ text: cleanScanText(raw), raw, startedAtMs, atMs, terminator: ch as AssembledScan['terminator'] });
          }
          clear();
          continue;
        }
        if (gap !== null && buf.length > 0 && atMs - lastAtMs > gap) {
          stats.discardedChars += buf.length;
          clear();
        }
        if (buf.length === 0 && !tooLong) startedAtMs = atMs;
        lastAtMs = atMs;
        if (buf.length >= maxLength) {
          // Keep swallowing until the terminator so the tail is not mistaken for a new scan.
          tooLong = true;
          buf = [];
        } else if (!tooLong) buf.push(ch);
      }
      return out;
    },
    discardIdle(nowMs = now()) {
      if (gap === null || buf.length === 0 || nowMs - lastAtMs <= gap) return false;
      stats.discardedChars += buf.length;
      clear();
      return true;
    },
    pending: () => buf.join(''),
    reset: clear,
    stats: () => ({ ...stats }),
  };
}

// C0 controls (GS = FNC1 in GS1 codes, RS/EOT in ISO 15434 envelopes…), DEL, C1 controls.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
// AIM symbology identifier: `]`, the symbology letter, one modifier character (`]C0`, `]E0`, `]Q1`, `]d2`).
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
// An ECI designator (`\000026` = UTF-8) that a scanner transmits right after an AIM identifier.
const ECI_AFTER_AIM = /^\\\d{6}/;

/** What a scan says once transport noise is gone: control characters, then a leading AIM (and ECI) identifier. */
export function cleanScanText(raw: string): string {
  const s = raw.replace(CONTROL, '');
  const aim = AIM_PREFIX.exec(s);
  if (!aim) return s;
  return s.slice(aim[0].length).replace(ECI_AFTER_AIM, '');
}

export type ScannedCodeResult = { ok: true; reservationNo: string } | { ok: false; reason: 'malformed' };

// A reservation number standing on its own inside a longer scan: not glued to other letters or digits,
// so `XA1B-1234567` (some other code) is never cut down to a number that happens to be inside it.
// 全角 forms count as letters and digits too, as normalizeReservationNumber accepts them.
const ALNUM = '0-9A-Za-z\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const EMBEDDED = new RegExp(
  `(?<![${ALNUM}])[${ALNUM}]{${RESERVATION_NUMBER_PREFIX_LENGTH}}[-${DASH_LOOKALIKES}]?[0-9\\uFF10-\\uFF19]{${RESERVATION_NUMBER_DIGITS}}(?![${ALNUM}])`,
  'g',
);

/**
 * The 予約管理番号 in a scan, canonical (`A1B-123456`). The notice may encode it with or without the
 * hyphen, and a scanner may add a configured prefix or suffix (`*…*`, `NO:`): exactly one number
 * standing on its own is accepted; none, or two different ones, is malformed.
 */
export function normalizeScannedCode(text: string): ScannedCodeResult {
  const cleaned = cleanScanText(text);
  const whole = normalizeReservationNumber(cleaned);
  if (whole.ok) return { ok: true, reservationNo: whole.value };
  const found = [...cleaned.matchAll(EMBEDDED)];
  const only = found.length === 1 ? found[0] : undefined;
  const r = only ? normalizeReservationNumber(only[0]) : null;
  return r?.ok ? { ok: true, reservationNo: r.value } : { ok: false, reason: 'malformed' };
}

/**
 * The text of a keyboard burst: the burst alone, unless the one unplaced key just before it (key-burst's
 * `dropped`) makes it read as a number and the burst alone does not: a busy page stamped the scanner's first
 * key as if typed well before the rest. A person's stray key before a whole scan never joins it.
 */
export function readBurstScan(scan: { readonly text: string; readonly dropped: string }): string {
  if (scan.dropped === '' || normalizeScannedCode(scan.text).ok) return scan.text;
  const joined = scan.dropped + scan.text;
  return normalizeScannedCode(joined).ok ? joined : scan.text;
}
