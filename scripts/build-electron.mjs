#!/usr/bin/env node
// Bundles the Electron entry and the preload into dist/ (CommonJS; the sandboxed preload must be one file).
// Native modules and electron stay external: they are loaded from node_modules at run time.
import { buildSync } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22' /* Electron 45's Node */,
  format: 'cjs',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'node-hid'],
};
buildSync({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron-main.cjs' });
buildSync({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs' });
console.log('built dist/main/electron-main.cjs and dist/preload/index.cjs');
