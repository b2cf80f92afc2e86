// Lint enforces the process boundaries the folders stand for, not just style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Anchored ('/events'): a bare name would also match a folder of ours with that name (shared/events/).
const NODE_BUILTINS = [
  'node:*',
  ...[
    'fs',
    'path',
    'os',
    'crypto',
    'child_process',
    'stream',
    'readline',
    'url',
    'http',
    'net',
    'worker_threads',
    'util',
    'events',
    'buffer',
  ].map((m) => `/${m}`),
];

const restrict = (patterns, message) => ({ group: patterns, message });

// main/: what may import what. Tests and main/testing/ may import anything.
const NO_ELECTRON = [
  {
    name: 'electron',
    message: 'only main/electron/* imports electron (under plain Node it tries to download and throws)',
    allowTypeImports: true,
  },
];
const PLATFORM_ADAPTERS = [
  restrict(['better-sqlite3*'], 'only main/db/connection.ts opens the database'),
  restrict(['node-hid'], 'only the HID scanner adapter imports node-hid'),
];
const NO_RENDERER = restrict(['**/renderer/**'], 'main/ never imports the renderer');
const NO_TESTING = restrict(['**/testing/**'], 'main/testing/ holds test helpers: only tests (and bench/) import them');
const NO_PROGRAMS = restrict(
  ['**/app/**', '**/cli/**', '**/demo/**'],
  'capability folders never import the programs built from them (main/app, main/cli, main/demo)',
);
const TEST_CODE = ['**/*.test.ts', 'main/testing/**'];
const PROGRAMS = ['main/app/**', 'main/cli/**', 'main/demo/**', 'main/electron/**', 'main/browser/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Japanese text legitimately holds U+3000; control characters are matched on purpose to reject them.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
      'no-control-regex': 'off',
    },
  },
  {
    // shared/ is pure: it runs in main, preload and renderer alike.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(NODE_BUILTINS, 'shared/ imports no Node built-ins'),
            restrict(
              ['electron', 'better-sqlite3*', 'node-hid', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'],
              'shared/ imports no platform code',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Buffer', 'process', 'require'],
    },
  },
  {
    // main/ services run under plain Node: only the Electron entry may import electron at runtime.
    files: ['main/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_ELECTRON, patterns: [...PLATFORM_ADAPTERS, NO_RENDERER] }] },
  },
  {
    // Production code in main/ (the programs included) never imports test helpers.
    files: ['main/**/*.ts'],
    ignores: [...TEST_CODE, 'main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_ELECTRON, patterns: [...PLATFORM_ADAPTERS, NO_RENDERER, NO_TESTING] }] },
  },
  {
    // The Electron entry serves the window itself; browser mode is the other way to serve it, never part of it.
    files: ['main/electron/**/*.ts'],
    ignores: TEST_CODE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_RENDERER,
            NO_TESTING,
            restrict(
              ['**/browser/**'],
              'main/electron/ never imports browser mode (main/browser/); shared needs, like the CSP in main/security/csp.ts, go to their own module',
            ),
          ],
        },
      ],
    },
  },
  {
    // Layers inside main/: the capability folders (db, counter, venue, sync, print, ...) are what the programs
    // (app/, cli/, demo/; electron/ and browser/ are entries too) are built from, so they never import a program.
    files: ['main/**/*.ts'],
    ignores: [...TEST_CODE, ...PROGRAMS],
    rules: {
      'no-restricted-imports': ['error', { paths: NO_ELECTRON, patterns: [...PLATFORM_ADAPTERS, NO_RENDERER, NO_TESTING, NO_PROGRAMS] }],
    },
  },
  {
    // The two platform adapters import their driver; the layers still hold for them.
    files: ['main/db/connection.ts', 'main/db/sqlite-driver.d.ts', 'main/scanner/node-hid-source.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_ELECTRON, patterns: [NO_RENDERER, NO_TESTING, NO_PROGRAMS] }] },
  },
  {
    // SQL lives in one layer: main/db/ (its query modules, one per table, in main/db/queries/). Features call
    // functions; a statement written elsewhere would be a second, unreviewed reading of a table.
    files: ['main/**/*.ts'],
    ignores: [...TEST_CODE, 'main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: 'SQL belongs in main/db/queries/<table>.ts: call a query function from there',
        },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^db$/]",
          message: 'SQL belongs in main/db/: call a function from there',
        },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.property.name='db']",
          message: 'SQL belongs in main/db/: call a function from there',
        },
        {
          // Any other exec of SQL text, whatever the database is called.
          selector:
            "CallExpression[callee.property.name='exec'] > Literal.arguments[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|WITH)\\b/i]",
          message: 'SQL belongs in main/db/: call a function from there',
        },
      ],
    },
  },
  {
    // The preload runs sandboxed: electron's renderer APIs and the zod-free shared/ipc/channels.ts, nothing else.
    files: ['preload/**/*.ts'],
    ignores: ['preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              [...NODE_BUILTINS, '**/main/**', '**/renderer/**', 'zod', 'better-sqlite3*', 'node-hid'],
              'the preload imports only electron and shared/ipc/channels',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict(
              ['electron', '**/main/**', '**/preload/**', 'better-sqlite3*', 'node-hid', ...NODE_BUILTINS],
              'the renderer talks to main only through the preload API',
            ),
          ],
        },
      ],
    },
  },
);
