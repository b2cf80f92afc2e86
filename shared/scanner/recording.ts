// Support recordings: the raw input reports a scanner sent, as plain text a clerk can e-mail and a
// developer can read, edit and replay. Replay goes through createScanDecoder, the same path as live
// input, so a recording from a venue reproduces exactly what its counter decoded.
//
//   # madoguchi-hid-recording v1
//   # mode: boot-keyboard layout=jis
//   # device: 0c2e:0b87 Honeywell Voyager        ← optional comment lines
//   0 02 00 04 00 00 00 00 00                     ← ms since start, report bytes in hex
//   8 0000000000000000
//
// Pure: no node. Errors are values naming the line, because a hand-edited file is the normal case.
import { createScanDecoder, type DecodedScan, type ScanDecoderStats } from './scan-decoder';
import type { ScanAssemblerOptions } from './scan-assembler';
import { formatScannerMode, parseScannerMode, SCANNER_MODE_NAMES, type ScannerMode } from './scanner-mode';

export const RECORDING_HEADER = '# madoguchi-hid-recording v1';
/** High-speed interrupt endpoints carry at most 1024 bytes; a longer "report" is a broken file. */
export const MAX_REPORT_BYTES = 1024;
/** About 115 days in ms: more digits than that is a typo, not a recording. */
const MAX_TIME_MS = 10_000_000_000;

export interface RecordedReport {
  /** Milliseconds since the recording started. */
  readonly atMs: number;
  readonly bytes: Uint8Array;
}

export interface Recording {
  readonly mode: ScannerMode;
  readonly reports: readonly RecordedReport[];
  /** Comment lines after the mode line, without the leading `# ` (device, date …). */
  readonly comments: readonly string[];
}

export type RecordingProblemCode =
  | 'bad-header'
  | 'unsupported-version'
  | 'bad-mode'
  | 'bad-line'
  | 'bad-time'
  | 'bad-hex'
  | 'odd-digits'
  | 'empty-report'
  | 'report-too-long'
  | 'time-backwards';

export type ParseRecordingResult =
  | ({ readonly ok: true } & Recording)
  | { readonly ok: false; readonly line: number; readonly code: RecordingProblemCode; readonly reason: string };

const VERSION_LINE = /^# madoguchi-hid-recording v(\S+)$/;
const MODE_LINE = /^#\s*mode:\s*(.*)$/;
const TIME = /^\d+(?:\.\d+)?$/;
const HEX_GROUP = /^[0-9A-Fa-f]+$/;

export function parseRecording(text: string): ParseRecordingResult {
  // Notepad may add a BOM and CRLF line ends; both are harmless.
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const fail = (line: number, code: RecordingProblemCode, reason: string): ParseRecordingResult => ({ ok: false, line, code, reason });

  const header = lines[0] ?? '';
  if (header.trimEnd() !== RECORDING_HEADER) {
    const v = VERSION_LINE.exec(header.trimEnd());
    if (v) return fail(1, 'unsupported-version', `記録ファイルの版 v${v[1]} には対応していません（対応: v1）`);
    return fail(1, 'bad-header', `先頭の行は「${RECORDING_HEADER}」でなければなりません（スキャナ記録ファイルではありません）`);
  }
  const modeLine = MODE_LINE.exec((lines[1] ?? '').trimEnd());
  const mode = modeLine ? parseScannerMode(modeLine[1] ?? '') : null;
  if (!mode) {
    return fail(2, 'bad-mode', `スキャナの方式が読めません。「# mode: 」に続けて ${SCANNER_MODE_NAMES.join(' / ')} のいずれかを書きます`);
  }

  const reports: RecordedReport[] = [];
  const comments: string[] = [];
  let lastAt = 0;
  for (let i = 2; i < lines.length; i++) {
    const n = i + 1;
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      comments.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const [timeText = '', ...groups] = line.split(/\s+/);
    if (!TIME.test(timeText) || Number(timeText) > MAX_TIME_MS) {
      return fail(n, 'bad-time', `行の先頭は記録開始からのミリ秒（0以上の数）です: 「${clip(timeText)}」`);
    }
    const atMs = Number(timeText);
    if (groups.length === 0) return fail(n, 'empty-report', `時刻の後に報告（16進のバイト列）がありません`);
    let hex = '';
    for (const g of groups) {
      if (!HEX_GROUP.test(g)) {
        const bad = [...g].find((c) => !/[0-9A-Fa-f]/.test(c)) ?? g;
        return fail(n, 'bad-hex', `16進数でない文字「${clip(bad)}」があります`);
      }
      // A space may separate bytes, never split one: `0 4` is a typo, not 0x04.
      if (g.length % 2 !== 0) return fail(n, 'odd-digits', `16進の桁数が奇数です（「${clip(g)}」）。1バイトは2桁です`);
      hex += g;
    }
    if (hex.length / 2 > MAX_REPORT_BYTES) {
      return fail(n, 'report-too-long', `報告が長すぎます（${hex.length / 2} バイト、上限 ${MAX_REPORT_BYTES}）`);
    }
    if (atMs < lastAt) return fail(n, 'time-backwards', `時刻 ${atMs} ms が前の行（${lastAt} ms）より前に戻っています`);
    lastAt = atMs;
    const bytes = new Uint8Array(hex.length / 2);
    for (let b = 0; b < bytes.length; b++) bytes[b] = parseInt(hex.slice(b * 2, b * 2 + 2), 16);
    reports.push({ atMs, bytes });
  }
  return { ok: true, mode, reports, comments };
}

function clip(s: string): string {
  const chars = [...s];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : s;
}

export function formatRecording(recording: {
  mode: ScannerMode;
  reports: readonly RecordedReport[];
  comments?: readonly string[];
}): string {
  const lines = [RECORDING_HEADER, `# mode: ${formatScannerMode(recording.mode)}`];
  // A comment is one line; a stray line break would turn the rest into a report line.
  for (const c of recording.comments ?? []) lines.push(`# ${c.replace(/[\r\n]+/g, ' ')}`);
  for (const r of recording.reports) lines.push(`${r.atMs} ${toHex(r.bytes)}`);
  return lines.join('\n') + '\n';
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export interface ReplayResult {
  readonly scans: DecodedScan[];
  /** Characters typed after the last terminator: a scan that never ended (keyboard mode). */
  readonly pending: string;
  readonly stats: ScanDecoderStats;
}

export function replayRecording(recording: Pick<Recording, 'mode' | 'reports'>, options: ScanAssemblerOptions = {}): ReplayResult {
  const decoder = createScanDecoder(recording.mode, options);
  const scans: DecodedScan[] = [];
  for (const r of recording.reports) scans.push(...decoder.push(r.bytes, r.atMs));
  return { scans, pending: decoder.pending(), stats: decoder.stats() };
}
