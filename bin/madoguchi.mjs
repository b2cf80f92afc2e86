#!/usr/bin/env node
// The `madoguchi` command. It runs the TypeScript sources directly (through tsx) so the command line
// works right after `npm install`, with no build step and no Electron — on the project's Node 24, even when
// started with the machine's older node (scripts/ensure-node.mjs).
import { fileURLToPath } from 'node:url';
import { ensureSupportedNode } from '../scripts/ensure-node.mjs';

await ensureSupportedNode(fileURLToPath(new URL('..', import.meta.url)));
const { register } = await import('tsx/esm/api');
register();
const { runCli, nodeIo } = await import('../main/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
