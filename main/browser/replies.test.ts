// Every error browser mode answers is Japanese, says what to do, and shows no stack trace or path of this
// machine; the server's log gets where an unexpected error was thrown, not its message (it can quote a name).
import { test, describe, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { startBrowserServer, type BrowserServer } from './server';
import type { Invoke } from '../ipc/dispatch';
import { tempDir } from '../testing/fixtures';
import { openSession, type OpenedSession } from '../testing/browser-client';

const JAPANESE = /[ぁ-んァ-ヶ一-龯]/;
/** What must never reach a person: a stack frame, an error's class name, a path of this machine. */
const LEAKS = /\bat \S+ \(|\bat node:|Error\b|\/work\/|\/home\/|\/tmp\/|node_modules|\.ts:\d+/;

/**
 * Raw HTTP over a socket, so malformed requests go out exactly as written. The socket stays open until the
 * server closes it (every request says Connection: close): a client that half-closes is dropped by Node's server.
 */
function raw(port: number, text: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const at = all.indexOf('\r\n\r\n');
      const head = all.slice(0, at);
      let body = all.slice(at + 4);
      // Chunked answers: the one chunk this server writes is enough to read.
      if (/transfer-encoding: chunked/i.test(head)) body = body.replace(/^[0-9a-f]+\r\n/, '').replace(/\r\n0\r\n\r\n$/, '');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(all)?.[1] ?? 0), head, body });
    });
  });
}

async function serve(t: TestContext, invoke: Invoke, extraPosts?: Record<string, (body: unknown) => unknown>) {
  const rendererDir = join(tempDir(t), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>counter</body></html>');
  const log: string[] = [];
  const server = await startBrowserServer({ invoke, rendererDir, log: (l) => log.push(l), ...(extraPosts ? { extraPosts } : {}) });
  t.after(() => server.close());
  return { server, session: await openSession(server), log };
}

/** A request as the window's bridge makes it: the session's cookie, its Origin and the secret. */
function httpRequest(server: BrowserServer, line: string, session: OpenedSession, body = ''): string {
  return (
    `${line} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${session.cookie}\r\nOrigin: ${session.origin}\r\n` +
    `X-Madoguchi-Session: ${session.secret}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

function assertPersonReadable(body: string, what: string): void {
  assert.match(body, JAPANESE, `${what}: Japanese`);
  assert.doesNotMatch(body, LEAKS, `${what}: no stack, no path: ${body}`);
}

describe('browser mode: errors people see', () => {
  test('an address that does not decode (/%E0%A4%A) is a Japanese 400, never a 500 with a stack', async (t) => {
    const { server, session } = await serve(t, async () => ({ ok: true, value: null }));
    const page = await raw(server.port, httpRequest(server, 'GET /%E0%A4%A', session));
    assert.equal(page.status, 400);
    assertPersonReadable(page.body, 'page');
    assert.match(page.body, /URL から開き直してください/);
    const noSession = await raw(server.port, `GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`);
    assert.equal(noSession.status, 400);
    assertPersonReadable(noSession.body, 'without a session');

    const ipc = await raw(server.port, httpRequest(server, 'POST /__ipc/%E0%A4%A', session, '{}'));
    assert.equal(ipc.status, 400);
    const parsed = JSON.parse(ipc.body) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(parsed.ok, false);
    assert.equal(parsed.error.code, 'bad-request');
    assertPersonReadable(parsed.error.message, 'call');

    const absolute = await raw(server.port, httpRequest(server, 'GET http://[', session));
    assert.equal(absolute.status, 400, 'an address that does not parse at all');
    assertPersonReadable(absolute.body, 'absolute form');
  });

  test('a handler that throws answers 500 in Japanese; the log has where, not the message', async (t) => {
    const secret = '窓口　花子 1990-01-01';
    const { server, session, log } = await serve(
      t,
      async () => {
        throw new Error(`lookup failed for ${secret}`);
      },
      {
        '/__fake-hid/scan': () => {
          throw new TypeError(`cannot read ${secret}`);
        },
      },
    );
    for (const path of ['/__ipc/status:get', '/__fake-hid/scan']) {
      const r = await raw(server.port, httpRequest(server, `POST ${path}`, session, '{}'));
      assert.equal(r.status, 500, path);
      const parsed = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
      assert.equal(parsed.error.code, 'internal');
      assertPersonReadable(parsed.error.message, path);
      assert.match(parsed.error.message, /サーバーを起動し直してください/);
      assert.ok(!r.body.includes(secret));
    }
    assert.equal(log.length, 2);
    for (const line of log) {
      assert.ok(!line.includes(secret), `nothing personal in the log: ${line}`);
      assert.match(line, /Error\n\s+at /, 'the kind of error and where it was thrown');
    }
    assert.equal((await raw(server.port, httpRequest(server, 'GET /', session))).status, 200, 'the server goes on');
  });

  test("what Node's parser refuses, a wrong host, a wrong method or page: Japanese, with what to do", async (t) => {
    const { server, session } = await serve(t, async () => ({ ok: true, value: null }));
    const garbage = await raw(server.port, 'NOT HTTP AT ALL\r\n\r\n');
    assert.equal(garbage.status, 400);
    assertPersonReadable(garbage.body, 'malformed request');
    const huge = await raw(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    assert.equal(huge.status, 431);
    assertPersonReadable(huge.body, 'headers too large');

    const host = await raw(server.port, `GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    assert.equal(host.status, 421);
    assertPersonReadable(host.body, 'wrong host');
    const method = await raw(server.port, httpRequest(server, 'PUT /', session));
    assert.equal(method.status, 405);
    assertPersonReadable(method.body, 'method');
    const missing = await raw(server.port, httpRequest(server, 'GET /nothing-here.js', session));
    assert.equal(missing.status, 404);
    assertPersonReadable(missing.body, 'not found');
    const origin = await raw(
      server.port,
      `POST /__ipc/status:get HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nCookie: ${session.cookie}\r\nOrigin: http://evil.example\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}`,
    );
    assert.equal(origin.status, 403);
    assertPersonReadable(JSON.parse(origin.body).error.message, 'other origin');
  });
});
