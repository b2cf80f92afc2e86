// What a command may touch of the outside world, injected so tests run commands in-process.
import type { Readable } from 'node:stream';
import { systemClock, type Clock } from '../clock';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
  readonly cwd: string;
}

export function nodeIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
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
