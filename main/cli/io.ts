// What a command may touch of the outside world, injected so tests run commands in-process.
import type { PdfMaker } from '../print/pdf-maker';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { systemClock, type Clock } from '../clock';
import { parseJapaneseDate } from '../../shared/roster/japanese-date';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly cwd: string;
  /** The app's own PDF engine when the command line runs inside the installed app (Electron's Chromium). */
  readonly pdfMaker?: PdfMaker;
}

export function nodeIo(): CliIo {
  // Output piped into a reader that stops early (`madoguchi status | head -3`): the rest is not wanted, and the
  // command finishes its work (closing its folder) instead of dying on EPIPE with a stack trace.
  let readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  return {
    out: (t) => void (readerGone || process.stdout.write(t)),
    err: (t) => process.stderr.write(t),
    stdin: process.stdin,
    env: process.env,
    clock: systemClock,
    cwd: process.cwd(),
  };
}

/** A failure the user must act on; `exitCode` 1 = refused/failed, 2 = usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Why a file could not be read, in words (never Node's English: ENOENT: no such file or directory, …). */
export function whyUnreadable(e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  const words: Record<string, string> = {
    ENOENT: 'ありません（場所と名前を確かめてください）',
    EACCES: '読む権限がありません',
    EPERM: '読む権限がありません',
    EISDIR: 'ファイルではなくフォルダです',
    ENOTDIR: '途中にフォルダでないものがあります',
    EIO: '媒体から読めません（媒体の傷み）',
  };
  return words[code] ?? `読めません（${code || 'エラー'}）`;
}

/** A file named on the command line, read whole; a clear error naming it if it cannot be read. */
export function readInput(io: CliIo, file: string, what: string): Buffer {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (e) {
    throw new CliError(`${what}ファイル ${file} を読めません: ${whyUnreadable(e)}`);
  }
}

/**
 * A date option as YYYY-MM-DD, written as people at the ward write dates too (2027/4/1, 令和9年4月1日, R9.4.1),
 * or a usage error naming the option and what is wrong.
 */
export function dateArgument(value: string, option = '--date'): string {
  const parsed = parseJapaneseDate(value);
  // A 和暦 reason already names the date it read (令和9年13月1日: 存在しない月です): not said twice.
  if (!parsed.ok) throw new CliError(`${option} ${parsed.reason.startsWith(value.trim()) ? '' : `${value}: `}${parsed.reason}`, 2);
  return parsed.value;
}
