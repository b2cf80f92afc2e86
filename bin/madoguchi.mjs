#!/usr/bin/env node
// The `madoguchi` command. It runs the TypeScript sources directly (through tsx) so the command line
// works right after `npm install`, under plain Node, with no build step and no Electron.
import { register } from 'tsx/esm/api';

register();
const { runCli, nodeIo } = await import('../main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
