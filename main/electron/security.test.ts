// The Electron hardening that can be checked without the Electron runtime (types only are imported there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrustedSender, secureWebPreferences } from './security';

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

test('only our own top-level page, app://madoguchi/index.html, may call main', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as Parameters<typeof isTrustedSender>[0];
  assert.equal(isTrustedSender(frame('app://madoguchi/index.html')), true);
  assert.equal(isTrustedSender(frame('app://madoguchi/index.html#/counter')), true);
  assert.equal(isTrustedSender(frame('app://madoguchi/index.html?')), true, 'after the recover page’s button');
  assert.equal(isTrustedSender(frame('app://madoguchi/index.html', {})), false, 'an iframe, even of our page');
  assert.equal(isTrustedSender(frame('app://madoguchi/__print/0123456789abcdef0123456789abcdef')), false, 'a print preview');
  assert.equal(isTrustedSender(frame('app://madoguchi/__recover')), false);
  assert.equal(isTrustedSender(frame('app://other/index.html')), false);
  assert.equal(isTrustedSender(frame('file:///opt/Madoguchi/resources/app.asar/dist/renderer/index.html')), false, 'file:// never');
  assert.equal(isTrustedSender(frame('https://example.com/index.html')), false);
  assert.equal(isTrustedSender(frame('not a url')), false);
  assert.equal(isTrustedSender(null), false);
});
