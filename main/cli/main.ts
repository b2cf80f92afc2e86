// The development checkout's `madoguchi` (bin/madoguchi.mjs, under Node through tsx): every command of the
// program, and browser mode's `serve`, which the installed app does not carry (its window is the app).
import { runProgram } from './program';
import { registerServe } from './commands/serve';
import type { CliIo } from './io';

export { nodeIo } from './io';

export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runProgram(argv, io, [registerServe]);
}
