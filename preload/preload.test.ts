// The preload as Electron runs it: bundled into one CommonJS file (as scripts/build-electron.mjs does) and run
// with a fake `electron` whose ipcRenderer answers like main: the API it exposes is every contract channel
// (names asked from main, not a second list kept by hand) plus `on`, frozen, and calls go to main's channels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { CHANNELS, PUSH_EVENTS } from '../shared/ipc/contract';
import { API_NAMES_CHANNEL } from '../shared/ipc/channels';

function runPreload(answerNames: (channel: string) => unknown) {
  const out = buildSync({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  const exposed: Record<string, unknown> = {};
  const invoked: [string, unknown][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer: {
      sendSync: answerNames,
      invoke: async (channel: string, input: unknown) => (invoked.push([channel, input]), { ok: true, value: null }),
      on: () => {},
      removeListener: () => {},
    },
  };
  const module = { exports: {} };
  runInNewContext(out.outputFiles[0]!.text, {
    module,
    exports: module.exports,
    require: (id: string) => (id === 'electron' ? electron : undefined),
  });
  return {
    api: exposed.madoguchi as Record<string, (input?: unknown) => Promise<unknown>> & { on: (e: string, l: () => void) => () => void },
    invoked,
  };
}

test('the preload exposes exactly the contract channels main names, and on; nothing else', async () => {
  const asked: string[] = [];
  const { api, invoked } = runPreload((channel) => (asked.push(channel), { channels: CHANNELS, pushEvents: PUSH_EVENTS }));
  assert.deepEqual(asked, [API_NAMES_CHANNEL]);
  assert.deepEqual(Object.keys(api).sort(), [...CHANNELS, 'on'].sort());
  assert.ok(Object.isFrozen(api));
  await api['receipt:scan']!({ code: 'X' });
  assert.deepEqual(invoked, [['madoguchi:receipt:scan', { code: 'X' }]]);
  assert.throws(() => api.on('not-an-event', () => {}), /unknown event/);
  assert.equal(typeof api.on('scanner:scan', () => {}), 'function');
});

test('a window main does not trust gets an empty API', () => {
  const { api } = runPreload(() => ({ channels: [], pushEvents: [] }));
  assert.deepEqual(Object.keys(api), ['on']);
});
