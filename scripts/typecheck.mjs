#!/usr/bin/env node
// `npm run typecheck` (and the first phase of `npm test`): tsc over every tsconfig.json in the project, side by
// side, so a new one (a folder with its own lib or jsx settings, as renderer/ has) is checked without anyone
// remembering to add it here. Prints each one's errors under its name; exit 1 if any has one.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', 'release', 'test-results', 'playwright-report']);

function findConfigs(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) findConfigs(join(dir, entry.name), out);
    else if (entry.name === 'tsconfig.json') out.push(relative(root, join(dir, entry.name)));
  }
  return out;
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const configs = findConfigs(root).sort();
const codes = await Promise.all(
  configs.map(
    (config) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [tsc, '-p', config, '--noEmit'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => {
          console.log(`tsc -p ${config}: ${code === 0 ? 'ok' : `failed (exit ${code})`}${out.trim() ? `\n${out.trimEnd()}` : ''}`);
          resolve(code);
        });
      }),
  ),
);
process.exit(codes.every((code) => code === 0) ? 0 : 1);
