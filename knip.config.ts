// Dead code fails CI (`npm run deadcode`, in the first phase of `npm test`): a file nothing reaches, an export or
// exported type nothing imports, a dependency nothing uses. Knip walks the imports from the entry points below;
// its plugins add those it reads from package.json (`bin` → bin/madoguchi.mjs → main/cli/main.ts, the `bench`
// script → bench/run.ts), vite.config.ts (renderer/index.html → renderer/main.tsx), playwright.config.ts
// (e2e/**/*.spec.ts, e2e/global-setup.ts) and eslint.config.js, and those config files themselves.
// An export used only in its own file is reported too: drop the `export`. Tests are entry points, so a symbol
// exported for its test counts as used.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // The Electron entry and the preload, bundled by scripts/build-electron.mjs.
    'main/electron/main.ts',
    'preload/*.ts',
    // Every node script: npm scripts, CI and the test runner start them by path.
    'scripts/*.mjs',
    // TypeScript reads these declarations for the .mjs beside them; nothing imports them by name.
    'scripts/*.d.mts',
    // Every node test file (scripts/test.mjs finds them by name).
    '**/*.test.ts',
    // Child processes of the crash tests, bundled by name (main/testing/bundle-child.ts).
    'main/testing/*-child.ts',
  ],
  // poppler-utils, installed by the system (.ci/run), run by the PDF tests; mount/umount (util-linux) make the
  // small full disk of the disk-full test.
  ignoreBinaries: ['pdfinfo', 'pdftotext', 'pdffonts', 'mount', 'umount'],
};

export default config;
