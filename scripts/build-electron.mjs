#!/usr/bin/env node
// Bundles the Electron entry, its backup worker and the preload into dist/ (CommonJS; the sandboxed preload
// must be one file). Native modules and electron stay external: they are loaded from node_modules at run time.
//   node scripts/build-electron.mjs [--out DIR]   (default dist; a test builds into its own folder)
import { buildSync } from 'esbuild';
import { join } from 'node:path';

const at = process.argv.indexOf('--out');
const out = at === -1 ? 'dist' : process.argv[at + 1];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22' /* Electron 45's Node */,
  format: 'cjs',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'node-hid'],
};
const files = [
  ['main/electron/main.ts', 'main/electron-main.cjs'],
  // Backups run in a worker thread beside the main process (main/backup/backup-thread.ts): its own file.
  ['main/backup/backup-worker.ts', 'main/backup-worker.cjs'],
  ['preload/index.ts', 'preload/index.cjs'],
];
for (const [entry, file] of files) buildSync({ ...common, entryPoints: [entry], outfile: join(out, file) });
console.log(`built ${files.map(([, f]) => join(out, f)).join(', ')}`);
