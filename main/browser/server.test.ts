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
  test('loopback only; the one-time URL works once and becomes an HttpOnly SameSite cookie', async (t) => {
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
    assert.equal(first.status, 303);
    const cookie = String(first.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.equal((await get(server.port, path)).status, 403, 'the token is spent');

    const jar = { cookie: cookie.split(';')[0]! };
    const again = await get(server.port, path, jar);
    assert.equal(again.status, 303, 'the browser that used the URL may open it again (a reload): to the screen');
    assert.equal(again.headers.location, '/');
    assert.equal(again.headers['set-cookie'], undefined, 'no second session');
    const index = await get(server.port, '/', jar);
    assert.equal(index.status, 200);
    assert.match(index.body, /<head><script src="\/__bridge.js"><\/script>/);
    assert.match(String(index.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.equal((await get(server.port, '/../../etc/passwd', jar)).status, 404);
    assert.equal(
      (await get(server.port, '/', { ...jar, host: `evil.example:${server.port}` })).status,
      421,
      'DNS-rebinding hosts are refused',
    );

    const signIn = await get(
      server.port,
      '/__ipc/session:signIn',
      { ...jar, 'content-type': 'application/json' },
      'POST',
      JSON.stringify({ staffId: 'clerk1', pin: '1111' }),
    );
    assert.equal(JSON.parse(signIn.body).ok, true);
    const cross = await get(server.port, '/__ipc/status:get', { ...jar, origin: 'http://evil.example' }, 'POST', '{}');
    assert.equal(cross.status, 403, 'another origin cannot call in even with the cookie');
    const garbage = await get(server.port, '/__ipc/counter:scan', jar, 'POST', '{not json');
    assert.equal(JSON.parse(garbage.body).error.code, 'invalid-input');
  });
});
