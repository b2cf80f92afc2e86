// Lint enforces the process boundaries the folders stand for, not just style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Anchored ('/events'): a bare name would also match a folder of ours with that name (shared/events/).
const NODE_BUILTINS = ['node:*', ...['fs', 'path', 'os', 'crypto', 'child_process', 'stream', 'readline', 'url', 'http', 'net', 'worker_threads', 'util', 'events', 'buffer'].map((m) => `/${m}`)];

const restrict = (patterns, message) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
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
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(NODE_BUILTINS, 'shared/ imports no Node built-ins'),
          restrict(['electron', 'better-sqlite3*', 'node-hid', 'react-dom', '**/main/**', '**/renderer/**', '**/preload/**'], 'shared/ imports no platform code'),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'Buffer', 'process', 'require'],
    },
  },
  {
    // main/ services run under plain Node: only the Electron entry may import electron at runtime.
    files: ['main/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'only main/electron/* imports electron (under plain Node it tries to download and throws)', allowTypeImports: true }],
        patterns: [
          restrict(['better-sqlite3*'], 'only main/db/connection.ts opens the database'),
          restrict(['node-hid'], 'only the HID scanner adapter imports node-hid'),
          restrict(['**/renderer/**'], 'main/ never imports the renderer'),
        ],
      }],
    },
  },
  { files: ['main/db/connection.ts', 'main/db/sqlite-driver.d.ts', 'main/scanner/node-hid-source.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // The preload runs sandboxed: electron's renderer APIs and the zod-free channel list, nothing else.
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [restrict([...NODE_BUILTINS, '**/main/**', '**/renderer/**', 'zod', 'better-sqlite3*', 'node-hid'], 'the preload imports only electron and shared/ipc/channels')],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [restrict(['electron', '**/main/**', '**/preload/**', 'better-sqlite3*', 'node-hid', ...NODE_BUILTINS], 'the renderer talks to main only through the preload API')],
      }],
    },
  },
);
