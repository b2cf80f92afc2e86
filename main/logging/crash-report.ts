// A local crash report: when main dies of an exception nobody caught (or a promise rejection nobody handled,
// which Node turns into one), dir/crash-<Tokyo stamp>.txt says what support needs: the version, the platform,
// when, the error's kind and where it was thrown, and the log's last lines.
// - It listens on 'uncaughtExceptionMonitor', which sees the error without handling it: the process goes on to
//   do what it would have done (Node prints the error and exits 1; Electron shows its own dialog). Listening on
//   'uncaughtException' or 'unhandledRejection' instead would keep a broken process running. A runtime set to
//   only warn on unhandled rejections (--unhandled-rejections=warn) does not crash on them, so writes no report.
// - The error's message is left out, as the dispatcher's log does (main/ipc/unexpected.ts): a message may quote
//   what was being worked on (JSON.parse quotes its input, ours name what they refused). Its name, its code
//   (ENOSPC) and its stack frames are kept, scrubbed as log lines are.
// - Written synchronously, owner-only; at most `keep` reports are kept (the oldest removed).
import * as nodeFs from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { tokyoStamp } from '../../shared/tokyo-date';
import { describeUnexpected } from '../ipc/unexpected';
import { scrubLogLine } from './scrub';
import { tokyoIso, type RotatingLog } from './rotating-log';

const DEFAULT_KEEP = 20;
const CRASH_FILE = /^crash-\d{8}-\d{6}(?:-\d+)?\.txt$/;

export interface CrashReportOptions {
  readonly dir: string;
  readonly clock: Clock;
  /** The station's log: its last lines go in the report, and the report's name goes in it. */
  readonly log: Pick<RotatingLog, 'log' | 'recent'>;
  /** The app's version (package.json's, or Electron's app.getVersion()). */
  readonly version: string;
  /** Crash reports kept in dir (default 20). */
  readonly keep?: number;
  /** The process to watch (the real one by default; a test passes an EventEmitter). */
  readonly process?: Pick<NodeJS.Process, 'on' | 'off'>;
  readonly home?: string;
}

/** Starts watching; returns the function that stops it. */
export function installCrashReport(options: CrashReportOptions): () => void {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`クラッシュレポートの保存数（keep）は 1 以上の整数です: ${keep}`);
  const target = options.process ?? process;
  const onCrash = (error: unknown, origin: string): void => {
    try {
      const name = writeCrashReport({ ...options, keep }, error, origin);
      options.log.log(`crash: ${origin}; report ${name}`);
    } catch (e) {
      // Never a second exception from here: the report is lost, stderr says so.
      try {
        process.stderr.write(`madoguchi: クラッシュレポートを書けませんでした（${(e as { code?: string }).code ?? 'error'}）\n`);
      } catch {
        // (nothing left to tell)
      }
    }
  };
  target.on('uncaughtExceptionMonitor', onCrash);
  return () => void target.off('uncaughtExceptionMonitor', onCrash);
}

function writeCrashReport(options: CrashReportOptions & { keep: number }, error: unknown, origin: string): string {
  const { dir, clock, version } = options;
  const now = clock.now();
  const home = options.home ?? homedir();
  const scrub = (line: string) => scrubLogLine(line, { home });
  const code = (error as { code?: unknown } | null)?.code;
  const recent = options.log.recent();
  const text = [
    'Madoguchi crash report',
    `version: ${scrub(version)}`,
    `platform: ${process.platform} ${process.arch}, Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}`,
    `time: ${tokyoIso(now)}`,
    `origin: ${origin}`,
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? [`code: ${code}`] : []),
    'error (name and stack; the message is never written, it may quote a resident):',
    ...scrub(describeUnexpected(error))
      .split('\n')
      .map((l) => `  ${l.trim()}`),
    `last log lines (${recent.length}):`,
    ...recent.map((l) => `  ${l}`),
    '',
  ].join('\n');
  nodeFs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = writeNew(dir, `crash-${tokyoStamp(now)}`, text);
  prune(dir, options.keep);
  return name;
}

/** crash-<stamp>.txt, or crash-<stamp>-2.txt… when a report of the same second is there. */
function writeNew(dir: string, base: string, text: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.txt` : `${base}-${n}.txt`;
    try {
      nodeFs.writeFileSync(join(dir, name), text, { flag: 'wx', mode: 0o600 });
      return name;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST' || n >= 100) throw e;
    }
  }
}

function prune(dir: string, keep: number): void {
  // The names sort as time (Tokyo stamps, a same-second number after them).
  const reports = nodeFs
    .readdirSync(dir)
    .filter((f) => CRASH_FILE.test(f))
    .sort(byTime);
  for (const old of reports.slice(0, Math.max(0, reports.length - keep))) nodeFs.rmSync(join(dir, old), { force: true });
}

function byTime(a: string, b: string): number {
  const key = (f: string) => {
    const m = /^crash-(\d{8}-\d{6})(?:-(\d+))?\.txt$/.exec(f)!;
    return `${m[1]}-${(m[2] ?? '1').padStart(3, '0')}`;
  };
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
