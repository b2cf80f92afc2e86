// The Electron hardening that can be checked without the Electron runtime (types only are imported there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrustedSender, rendererUrl, secureWebPreferences } from './security';

test('every window: context isolation, sandbox, no Node in the page or workers, no webview', () => {
  const p = secureWebPreferences('/app/preload/index.cjs', true);
  assert.deepEqual(
    { ...p },
    {
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      devTools: false,
    },
  );
});

test('only our own top-level page may call main', () => {
  const dir = '/opt/madoguchi/resources/app/dist/renderer';
  const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as Parameters<typeof isTrustedSender>[0];
  assert.equal(isTrustedSender(frame(rendererUrl(dir)), dir), true);
  assert.equal(isTrustedSender(frame(`${rendererUrl(dir)}#/counter`), dir), true);
  assert.equal(isTrustedSender(frame(rendererUrl(dir), {}), dir), false, 'an iframe, even of our page');
  assert.equal(isTrustedSender(frame('file:///tmp/evil/index.html'), dir), false);
  assert.equal(isTrustedSender(frame('https://example.com/'), dir), false);
  assert.equal(isTrustedSender(frame('not a url'), dir), false);
  assert.equal(isTrustedSender(null, dir), false);
});
