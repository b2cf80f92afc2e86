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
// The command line finds files beside its sources through import.meta.url (ESM); in a CommonJS bundle that is the
// bundle's own file, which sits in dist/main/ as main/cli/ sits in the checkout, two levels under the root. (Not
// for the sandboxed preload, which has no node:url and no such code.)
const nodeSide = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
const files = [
  ['main/electron/main.ts', 'main/electron-main.cjs', nodeSide],
  // Backups run in a worker thread beside the main process (main/backup/backup-thread.ts): its own file.
  ['main/backup/backup-worker.ts', 'main/backup-worker.cjs', nodeSide],
  ['preload/index.ts', 'preload/index.cjs', {}],
];
for (const [entry, file, extra] of files) buildSync({ ...common, ...extra, entryPoints: [entry], outfile: join(out, file) });
console.log(`built ${files.map(([, f]) => join(out, f)).join(', ')}`);
