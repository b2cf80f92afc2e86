// Crash tests spawn a child many times: bundled once, each run is plain node (no TypeScript loader). The bundle
// lives under node_modules/.cache so Node resolves the native SQLite module it leaves external.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** Bundles main/testing/<name>.ts into a runnable .mjs, removed after the test. */
export function bundleChild(t: { after(fn: () => void): void }, name: string): string {
  const cacheDir = new URL('../../node_modules/.cache/madoguchi-test/', import.meta.url).pathname;
  mkdirSync(cacheDir, { recursive: true });
  const script = join(cacheDir, `${name}-${process.pid}.mjs`);
  t.after(() => rmSync(script, { force: true }));
  buildSync({
    entryPoints: [new URL(`./${name}.ts`, import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'error',
    external: ['better-sqlite3-multiple-ciphers'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return script;
}
