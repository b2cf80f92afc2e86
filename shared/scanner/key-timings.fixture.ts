// Key timings for the scanner-or-person decision (key-burst.ts), used by its unit tests and by the browser
// suite, which replays them with real key presses. Each is a list of (key, ms) in the shape a keydown log
// gives: '\r' is Enter, '\t' Tab, '\b' Backspace. The intervals follow what wedge scanners and typists
// produce (scanners 1–15 ms, some in USB-report bursts with a pause between; typists ≥ ~40 ms with rolled
// pairs at 25–35 ms); they are written out here, not captured from a device on this machine.

export interface KeyTiming {
  readonly key: string;
  /** ms since the recording started */
  readonly at: number;
}

interface Recording {
  readonly name: string;
  readonly keys: readonly KeyTiming[];
}

interface ScannerRecording extends Recording {
  /** The scan as typed, without its Enter/Tab. */
  readonly code: string;
}

/** Keys from intervals: the i-th interval is between key i and key i + 1. */
function keysAt(text: string, intervals: readonly number[]): KeyTiming[] {
  if (intervals.length !== text.length - 1) throw new Error(`${text}: ${intervals.length} intervals for ${text.length} keys`);
  let at = 0;
  return [...text].map((key, i) => ({ key, at: (at += i === 0 ? 0 : intervals[i - 1]!) }));
}

const scanner = (name: string, code: string, end: '\r' | '\t', intervals: readonly number[]): ScannerRecording => ({
  name,
  code,
  keys: keysAt(code + end, intervals),
});

export const SCANNER_RECORDINGS: readonly ScannerRecording[] = [
  scanner('2D imager, USB keyboard, 2–6 ms', 'OAV-340148', '\r', [3, 2, 4, 3, 2, 5, 3, 2, 4, 6]),
  scanner('8 keys per USB report, 35 ms between reports', '12J95-625423', '\r', [1, 1, 1, 1, 1, 1, 1, 35, 1, 1, 1, 1]),
  scanner('laser scanner at 12–15 ms a key', 'C2D-520038', '\r', [12, 14, 15, 13, 12, 15, 14, 13, 12, 15]),
  scanner('AIM prefix and Tab suffix', ']C0A1B-123456', '\t', [2, 2, 3, 2, 2, 3, 2, 2, 3, 2, 2, 3, 4]),
  scanner('three bursts, 60 and 90 ms apart (a busy host)', 'XYZ-9876543', '\r', [5, 4, 6, 60, 5, 4, 6, 90, 4, 5, 6]),
];

export const TYPIST_RECORDINGS: readonly Recording[] = [
  {
    name: 'a clerk types a reservation number into 番号入力',
    keys: keysAt('A1B-123456\r', [140, 95, 180, 120, 88, 102, 76, 130, 91, 160]),
  },
  {
    name: 'a fast typist with rolled pairs at 25–35 ms',
    keys: keysAt('OAV-340148\r', [32, 27, 61, 35, 25, 44, 31, 48, 29, 40]),
  },
  { name: 'a PIN and Enter, quickly', keys: keysAt('1111\r', [38, 41, 36, 30]) },
  { name: 'a memo with a correction', keys: keysAt('hakoga\b\bwa\t', [70, 55, 90, 66, 120, 210, 180, 95, 60, 140]) },
];
