// Loads the bundled Electron entry (dist/main/electron-main.cjs as scripts/build-electron.mjs makes it) with a fake
// `electron` module in place of the real one, as if the app had been started with `args`.
import { createRequire } from 'node:module';
import type { FakeElectron } from './fake-electron';

const require = createRequire(import.meta.url);
const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };

export function loadElectronEntry(file: string, fake: FakeElectron, args: readonly string[]): void {
  const saved = { argv: process.argv, load: Module._load };
  process.argv = [process.execPath, file, ...args];
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.module : saved.load.call(this, request, ...rest);
  };
  // Keyed by the real path (a checkout whose node_modules is a link has the bundle under another name).
  delete require.cache[require.resolve(file)];
  try {
    require(file);
  } finally {
    Module._load = saved.load;
    process.argv = saved.argv;
  }
}
