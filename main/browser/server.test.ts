import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { startBrowserServer } from './server';
import { appFixture, manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('browser mode server', () => {
  test('loopback only; the one-time URL works once and gives an HttpOnly SameSite cookie and the page a secret', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    const rendererDir = join(tempDir(t), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>counter</body></html>');
    const server = await startBrowserServer({ invoke: app.invoke, rendererDir });
    t.after(() => server.close());
    const url = new URL(server.url);
    assert.equal(url.hostname, '127.0.0.1');
    const path = url.pathname + url.search;

    assert.equal((await get(server.port, '/')).status, 403, 'no session: nothing is served');
    const first = await get(server.port, path);
    assert.equal(first.status, 200);
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const secret = /<meta name="madoguchi-session" content="([^"]+)">/.exec(first.body)?.[1];
    assert.ok(secret, 'the first page carries the secret');
    assert.match(first.body, /<head><meta name="madoguchi-session" content="[^"]+"><script src="\/__bridge.js"><\/script>/);
    assert.equal((await get(server.port, path)).status, 403, 'the token is spent');

    const jar = { cookie: cookie.split(';')[0]! };
    const again = await get(server.port, path, jar);
    assert.equal(again.status, 303, 'the browser that used the URL may open it again (a reload): to the screen');
    assert.equal(again.headers.location, '/');
    assert.equal(again.headers['set-cookie'], undefined, 'no second session');
    const index = await get(server.port, '/', jar);
    assert.equal(index.status, 200);
    assert.match(index.body, /<head><script src="\/__bridge.js"><\/script>/);
    assert.ok(!index.body.includes(secret), 'the screen again: never the secret');
    assert.match(String(index.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.equal((await get(server.port, '/../../etc/passwd', jar)).status, 404);
    assert.equal(
      (await get(server.port, '/', { ...jar, host: `evil.example:${server.port}` })).status,
      421,
      'DNS-rebinding hosts are refused',
    );

    const window = { ...jar, origin: url.origin, 'x-madoguchi-session': secret, 'content-type': 'application/json' };
    const signIn = await get(server.port, '/__ipc/session:signIn', window, 'POST', JSON.stringify({ staffId: 'clerk1', pin: '1111' }));
    assert.equal(JSON.parse(signIn.body).ok, true);
    const next = String(signIn.headers['x-madoguchi-session']);
    const signedIn = { ...window, 'x-madoguchi-session': next };
    const cross = await get(server.port, '/__ipc/status:get', { ...signedIn, origin: 'http://evil.example' }, 'POST', '{}');
    assert.equal(cross.status, 403, 'another origin cannot call in even with the cookie and the secret');
    const garbage = await get(server.port, '/__ipc/counter:scan', signedIn, 'POST', '{not json');
    assert.equal(JSON.parse(garbage.body).error.code, 'invalid-input');
  });

  test('a page without <head> (the stub renderer of node tests) still gets the bridge and the secret', async (t) => {
    const { app } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
    const rendererDir = join(tempDir(t), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>窓口</title>');
    const server = await startBrowserServer({ invoke: app.invoke, rendererDir });
    t.after(() => server.close());
    const url = new URL(server.url);
    const first = await get(server.port, url.pathname + url.search);
    assert.match(
      first.body,
      /^<!doctype html><meta name="madoguchi-session" content="[^"]+"><script src="\/__bridge.js"><\/script><title>/,
    );
  });
});
