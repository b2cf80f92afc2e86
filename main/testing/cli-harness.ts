// Runs `madoguchi` in-process for tests, capturing what a user would see.
import { Readable } from 'node:stream';
import { runCli } from '../cli/main';
import { fixedClock, type Clock } from '../clock';
import type { CliIo } from '../cli/io';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string; clock?: Clock } = {},
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? { MADOGUCHI_PASSPHRASE: 'correct horse battery' },
    clock: options.clock ?? fixedClock('2026-11-20T01:00:00Z'),
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}
