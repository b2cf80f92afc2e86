// The station's log on a counter PC: where the installed app's lines go (console.error goes nowhere there).
// - Each line is scrubbed (./scrub.ts) and stamped with Tokyo time as ISO 8601 with its offset
//   (2026-12-03T18:42:10.123+09:00): staff and the access record speak Tokyo time, so a lead's "just after two"
//   is found as 14:0x, and the offset keeps it unambiguous; Tokyo has no summer time, so the text sorts as time.
// - Written with appendFileSync, one line at a time: a line is on disk before log() returns, so a crash report
//   written next has it, and a folder removed under a running app is noticed (an open descriptor would write on
//   into a deleted file on Linux).
// - Past maxBytes the file becomes madoguchi.1.log (the older ones move up to madoguchi.<keep>.log, the oldest
//   dropped), and a new madoguchi.log is started; files are created owner-only (0600, where the OS has modes).
// - It never throws into the counter: a full disk or a missing folder sends the lines to stderr, said once,
//   and the file is tried again with the next line (said once more when it works again).
import * as nodeFs from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { scrubLogLine } from './scrub';

export const LOG_FILE = 'madoguchi.log';
/** madoguchi.1.log is the newest old file, madoguchi.<keep>.log the oldest kept. */
const rotatedLogFile = (n: number): string => `madoguchi.${n}.log`;
/** How many recent lines are kept in memory for a crash report. */
const RECENT_LINES = 50;
const MIN_BYTES = 1024;
const MAX_KEEP = 100;

/** The file system calls the log makes: node:fs by default; a test fails one to be a full disk. */
export type LogFs = Pick<typeof nodeFs, 'appendFileSync' | 'renameSync' | 'rmSync' | 'mkdirSync' | 'statSync' | 'chmodSync'>;

export interface RotatingLogOptions {
  readonly dir: string;
  /** The size past which the file is rotated. */
  readonly maxBytes: number;
  /** How many old files are kept beside madoguchi.log. */
  readonly keep: number;
  readonly clock: Clock;
  /** Where lines go while the file cannot be written (process.stderr by default). */
  readonly stderr?: (text: string) => void;
  readonly fs?: LogFs;
  /** Replaced by ~ in lines (os.homedir() by default). */
  readonly home?: string;
}

export interface RotatingLog {
  log(line: string): void;
  /** The last lines written (stamped and scrubbed, as in the file), oldest first: for a crash report. */
  recent(): readonly string[];
  close(): void;
}

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const { dir, maxBytes, keep, clock } = options;
  if (!Number.isInteger(maxBytes) || maxBytes < MIN_BYTES)
    throw new Error(`ログの最大サイズ（maxBytes）は ${MIN_BYTES} 以上の整数です: ${maxBytes}`);
  if (!Number.isInteger(keep) || keep < 0 || keep > MAX_KEEP) throw new Error(`ログの保存数（keep）は 0〜${MAX_KEEP} の整数です: ${keep}`);
  const fs = options.fs ?? nodeFs;
  const stderr = options.stderr ?? ((text: string) => void process.stderr.write(text));
  const home = options.home ?? safeHome();
  const file = join(dir, LOG_FILE);
  const recent: string[] = [];
  let size = sizeOf(fs, file);
  let failing: string | null = null;
  let closed = false;

  const write = (text: string): void => {
    if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate();
    try {
      append(text);
    } catch (e) {
      if (codeOf(e) !== 'ENOENT') throw e;
      // The folder was removed (or never made): made again, once, before giving up on the file.
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      append(text);
    }
  };
  const append = (text: string): void => {
    const created = size === 0;
    fs.appendFileSync(file, text, { mode: 0o600 });
    // appendFileSync's mode applies only to a file it creates; a file left by an older version is narrowed too.
    if (created) fs.chmodSync(file, 0o600);
    size += Buffer.byteLength(text);
  };
  const rotate = (): void => {
    // Best effort: a rename that fails leaves the old file growing, which is better than losing lines.
    try {
      if (keep === 0) fs.rmSync(file, { force: true });
      else {
        fs.rmSync(join(dir, rotatedLogFile(keep)), { force: true });
        for (let n = keep - 1; n >= 1; n--) renameIfThere(fs, join(dir, rotatedLogFile(n)), join(dir, rotatedLogFile(n + 1)));
        fs.renameSync(file, join(dir, rotatedLogFile(1)));
      }
      size = 0;
    } catch {
      // (the next write says so if the file itself is the trouble)
    }
  };

  return {
    log(line) {
      if (closed) return;
      try {
        const entry = `${tokyoIso(clock.now())} ${oneEntry(scrubLogLine(String(line), { home }))}`;
        recent.push(entry);
        if (recent.length > RECENT_LINES) recent.shift();
        try {
          write(`${entry}\n`);
          if (failing !== null) {
            failing = null;
            stderr(`madoguchi: ログファイル ${file} への書き込みを再開しました\n`);
            write(`${tokyoIso(clock.now())} log: resumed after writing to stderr\n`);
          }
        } catch (e) {
          if (failing === null) {
            failing = codeOf(e) ?? 'error';
            stderr(
              `madoguchi: ログファイル ${file} に書けません（${failing}）。書けるようになるまで、ログはここ（標準エラー出力）に出します\n`,
            );
          }
          stderr(`${entry}\n`);
        }
      } catch {
        // Nothing the log does may stop the counter (a clock or stderr that throws included).
      }
    },
    recent: () => [...recent],
    close() {
      closed = true;
    },
  };
}

/** One entry per line and the lines after it indented (a stack's frames already are), control characters shown as \xNN. */
function oneEntry(line: string): string {
  return line
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/\n(?![ \t])/g, '\n    ');
}

/** 2026-12-03T18:42:10.123+09:00 */
export function tokyoIso(d: Date): string {
  return `${new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 23)}+09:00`;
}

function sizeOf(fs: LogFs, file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function renameIfThere(fs: LogFs, from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if (codeOf(e) !== 'ENOENT') throw e;
  }
}

function codeOf(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function safeHome(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}
