// app://madoguchi/ serves the renderer folder and nothing else: no way out of it, no other host, nothing but GET;
// pages with the window's CSP, print documents with theirs (no script), held only while the preview lasts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../testing/fixtures';
import { createPreviewPrinter } from '../print/printer';
import { appProtocolHandler } from './app-protocol';

function served(t: { after(fn: () => void): void }) {
  const root = tempDir(t);
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><p>窓口</p>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'beside the renderer folder');
  let now = 0;
  const prints = createPreviewPrinter({ ttlMs: 1000, now: () => now });
  const get = (url: string, method = 'GET') => appProtocolHandler(renderer, prints)(new Request(url, { method }));
  return { get, prints, later: (ms: number) => (now += ms) };
}

test('the page with the window’s CSP, never cached; assets with their types', async (t) => {
  const { get } = served(t);
  const page = await get('app://madoguchi/index.html');
  assert.equal(page.status, 200);
  assert.equal(await page.text(), '<!doctype html><p>窓口</p>');
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.match(page.headers.get('content-security-policy')!, /^default-src 'none'; script-src 'self'/);
  assert.equal(page.headers.get('cache-control'), 'no-store');
  const script = await get('app://madoguchi/assets/app.js');
  assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(script.headers.get('x-content-type-options'), 'nosniff');
});

test('nothing outside the renderer folder, from another host, or by another method', async (t) => {
  const { get } = served(t);
  for (const url of [
    'app://madoguchi/../secret.txt',
    'app://madoguchi/%2e%2e/secret.txt',
    'app://madoguchi/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://madoguchi/..%5csecret.txt',
    'app://madoguchi/%00index.html',
    'app://madoguchi/%E0%A4%A',
    'app://madoguchi/.hidden',
    'app://madoguchi/no-such-file.js',
    'app://other/index.html',
  ]) {
    const r = await get(url);
    assert.equal(r.status, 404, url);
    assert.doesNotMatch(await r.text(), /beside the renderer folder/, url);
  }
  assert.equal((await get('app://madoguchi/index.html', 'POST')).status, 404);
});

test('a print document: by its id, with its own script-less CSP, only while the preview is held', async (t) => {
  const { get, prints, later } = served(t);
  const { preview } = await prints.print({ title: '日報', html: '<!doctype html><style>p{color:#000}</style><p>日報</p>' });
  const doc = await get(`app://madoguchi${preview}`);
  assert.equal(doc.status, 200);
  assert.match(await doc.text(), /<p>日報<\/p>/);
  const csp = doc.headers.get('content-security-policy')!;
  assert.match(csp, /^default-src 'none'; style-src 'self' 'sha256-/);
  assert.doesNotMatch(csp, /script-src/);
  assert.equal((await get('app://madoguchi/__print/0123456789abcdef0123456789abcdef')).status, 404);
  later(2000);
  const gone = await get(`app://madoguchi${preview}`);
  assert.equal(gone.status, 404);
  assert.equal(await gone.text(), '印刷プレビューの期限が切れました。もう一度印刷してください');
});
