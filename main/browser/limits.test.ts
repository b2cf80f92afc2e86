// Browser mode holds no more than it must: each body stops at its channel's cap (413, nothing buffered past it),
// requests in flight are bounded (503 with Retry-After), and a big upload never grows the server by its size.
// The bodies are streamed from a 1 MiB buffer reused, so the only memory that could grow is the server's.
import { test, describe, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type ClientRequest } from 'node:http';
import { startBrowserServer, type BrowserServer } from './server';
import { MAX_IN_FLIGHT, RETRY_AFTER_SECONDS } from './limits';
import type { Invoke } from '../ipc/dispatch';
import { bodyCapOf } from '../../shared/ipc/contract';
import { cards, ledgerBytes, tempDir, testKeys } from '../testing/fixtures';
import { openSession } from '../testing/browser-client';

const MiB = 1024 * 1024;
const FILLER = Buffer.alloc(MiB, 0x41);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

/** A server with a session, and an invoke that answers at once (or waits on `hold` when set). */
async function serve(t: TestContext, invoke: Invoke = async (channel) => ({ ok: true, value: channel })) {
  const rendererDir = join(tempDir(t), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>counter</body></html>');
  const server = await startBrowserServer({ invoke, rendererDir });
  t.after(() => server.close());
  // What the window sends with every call: the session's cookie, its Origin and the secret.
  const { call: auth } = await openSession(server);
  return { server, auth };
}

/**
 * One request. `bytes` of body are streamed (with backpressure) unless `stall`, which sends the headers and
 * holds the body back; `declare` sends Content-Length (else chunked). Resolves on the whole answer, then stops sending.
 */
function call(
  server: BrowserServer,
  path: string,
  o: { method?: string; auth?: Record<string, string>; bytes?: number; body?: string; declare?: boolean; stall?: boolean },
  started?: (req: ClientRequest) => void,
): Promise<Answer> {
  const t0 = performance.now();
  const length = o.body !== undefined ? Buffer.byteLength(o.body) : (o.bytes ?? 0);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: o.method ?? 'POST',
        headers: {
          host: `127.0.0.1:${server.port}`,
          ...o.auth,
          ...(o.declare !== false && o.method !== 'GET' ? { 'content-length': String(length) } : {}),
        },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data, ms: performance.now() - t0 });
          req.destroy();
        });
      },
    );
    req.on('error', reject);
    started?.(req);
    if (o.method === 'GET') return void req.end();
    if (o.stall) return void req.flushHeaders();
    if (o.body !== undefined) return void req.end(o.body);
    let left = length;
    const pump = () => {
      while (left > 0 && !req.destroyed) {
        const n = Math.min(left, MiB);
        left -= n;
        if (!req.write(n === MiB ? FILLER : FILLER.subarray(0, n))) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

/** The most the process's buffers (arrayBuffers) and RSS grew while `work` ran, sampled every 5 ms. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; buffers: number; rss: number }> {
  const base = process.memoryUsage();
  let buffers = 0;
  let rss = 0;
  const sample = () => {
    const m = process.memoryUsage();
    buffers = Math.max(buffers, m.arrayBuffers - base.arrayBuffers);
    rss = Math.max(rss, m.rss - base.rss);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, buffers, rss };
  } finally {
    clearInterval(timer);
  }
}

function refusal(a: Answer): { code: string; message: string } {
  const parsed = JSON.parse(a.body) as { ok: boolean; error: { code: string; message: string } };
  assert.equal(parsed.ok, false);
  return parsed.error;
}

describe('browser mode: body caps per channel', () => {
  test('the contract gives the ledger import its large cap and everything else a small one', () => {
    assert.equal(bodyCapOf('counter:scan'), 64 * 1024);
    assert.equal(bodyCapOf('no:such-channel'), 64 * 1024);
    assert.ok(bodyCapOf('ledger:import') > 64 * MiB && bodyCapOf('ledger:import') < 65 * MiB);
  });

  test('the largest legitimate requests fit their caps: a 100,000-row ledger, 100,000 returns or differences', () => {
    const keys = testKeys();
    const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
    const ledger = {
      ledgerBase64: ledgerBytes(keys, 'toyosu', 'S1', cards(1, 100_000)).toString('base64'),
      venueKeyFile: 'k'.repeat(16_384),
      hqPublicKeyFile: 'k'.repeat(16_384),
      passphrase: '合言葉'.repeat(300),
    };
    assert.ok(bytes(ledger) < bodyCapOf('ledger:import') / 2, `a 100,000-row ledger is ${Math.round(bytes(ledger) / MiB)} MiB`);
    const numbers = Array.from({ length: 100_000 }, (_, i) => `A1B-${String(i).padStart(6, '0')}`);
    assert.ok(bytes({ reservationNos: numbers, reason: '期限切れ'.repeat(50) }) < bodyCapOf('returns:record'));
    const differences = numbers.map((code) => ({ code, kind: 'unexpected', reason: '誤配送', memo: '' }));
    for (let i = 0; i < 10_000; i++) differences[i]!.memo = '箱の底で見つかった'.repeat(22);
    assert.ok(bytes({ checkId: 'rc-0123456789abcdef', shipmentId: 'S1', differences }) < bodyCapOf('receipt:close'));
    // Everything else is short: the longest small input, a 200-character reason in 4-byte characters, is ~1 KiB.
    assert.ok(bytes({ reason: '𠀋'.repeat(200), staffId: 'x'.repeat(32), pin: '1'.repeat(16) }) < 2048);
  });

  for (const [kind, channel, over] of [
    ['small', 'counter:scan', 80 * MiB],
    ['medium', 'receipt:close', 80 * MiB],
    ['ledger', 'ledger:import', 200 * MiB],
  ] as const) {
    test(`${kind} (${channel}): a body declared over the cap is refused with 413 before it is read`, async (t) => {
      const { server, auth } = await serve(t);
      const { result, buffers } = await peakGrowth(() => call(server, `/__ipc/${channel}`, { auth, bytes: over }));
      assert.equal(result.status, 413);
      const error = refusal(result);
      assert.equal(error.code, 'too-large');
      assert.match(error.message, /^送られたデータが大きすぎます（上限 [\d.]+ (KiB|MiB)）/);
      assert.ok(buffers < 16 * MiB, `buffers grew by ${Math.round(buffers / MiB)} MiB for a ${over / MiB} MiB body`);
      const after = await call(server, '/__ipc/status:get', { auth, body: '{}' });
      assert.equal(after.status, 200, 'the server answers the next call');
    });
  }

  for (const [kind, channel] of [
    ['small', 'counter:scan'],
    ['medium', 'receipt:close'],
    ['ledger', 'ledger:import'],
  ] as const) {
    test(`${kind} (${channel}): a chunked body is refused as soon as the bytes read pass the cap`, async (t) => {
      const { server, auth } = await serve(t);
      const cap = bodyCapOf(channel);
      const sent = cap + 32 * MiB;
      const { result, buffers } = await peakGrowth(() => call(server, `/__ipc/${channel}`, { auth, bytes: sent, declare: false }));
      assert.equal(result.status, 413);
      assert.equal(refusal(result).code, 'too-large');
      assert.match(refusal(result).message, /上限/);
      // At most the cap is held (the ledger's is itself 64 MiB), never what was sent beyond it.
      assert.ok(buffers < cap + 24 * MiB, `buffers grew by ${Math.round(buffers / MiB)} MiB; cap ${Math.round(cap / MiB)} MiB`);
      assert.equal((await call(server, '/__ipc/status:get', { auth, body: '{}' })).status, 200);
    });
  }

  test('8 parallel 90 MiB ledger uploads are refused, the server stays small and answers afterwards', async (t) => {
    const { server, auth } = await serve(t);
    const { result, buffers, rss } = await peakGrowth(() =>
      Promise.all(Array.from({ length: 8 }, () => call(server, '/__ipc/ledger:import', { auth, bytes: 90 * MiB }))),
    );
    for (const a of result) assert.ok(a.status === 413 || a.status === 503, `refused, not ${a.status}`);
    assert.ok(buffers < 64 * MiB, `buffers grew by ${Math.round(buffers / MiB)} MiB`);
    assert.ok(rss < 256 * MiB, `rss grew by ${Math.round(rss / MiB)} MiB`);
    const after = await call(server, '/__ipc/status:get', { auth, body: '{}' });
    assert.equal(after.status, 200);
    assert.equal(JSON.parse(after.body).value, 'status:get');
  });
});

describe('browser mode: requests in flight', () => {
  test(`beyond ${MAX_IN_FLIGHT} requests in flight the next is refused at once with 503 and Retry-After`, async (t) => {
    const { server, auth } = await serve(t);
    const held: ClientRequest[] = [];
    const stalled = Array.from({ length: MAX_IN_FLIGHT }, () =>
      call(server, '/__ipc/status:get', { auth, bytes: 100, stall: true }, (r) => held.push(r)).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 200));
    const busy = await call(server, '/__ipc/status:get', { auth, body: '{}' });
    assert.equal(busy.status, 503);
    assert.equal(busy.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    assert.equal(refusal(busy).code, 'busy');
    assert.match(refusal(busy).message, /混み合っている.*もう一度/);
    assert.ok(busy.ms < 1000, `answered in ${Math.round(busy.ms)} ms`);
    const page = await call(server, '/', { method: 'GET', auth });
    assert.equal(page.status, 503, 'pages count too');
    assert.match(page.body, /混み合っている/);

    for (const r of held) r.destroy();
    await Promise.all(stalled);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await call(server, '/__ipc/status:get', { auth, body: '{}' })).status, 200, 'slots come back when callers go');
  });

  test('one large body at a time: a second ledger upload waits its turn (503), small calls go on', async (t) => {
    const { server, auth } = await serve(t);
    let first: ClientRequest | null = null;
    const stalled = call(server, '/__ipc/ledger:import', { auth, bytes: MiB, stall: true }, (r) => (first = r)).catch(() => null);
    await new Promise((r) => setTimeout(r, 100));
    const second = await call(server, '/__ipc/ledger:import', { auth, body: '{}' });
    assert.equal(second.status, 503);
    assert.equal(refusal(second).code, 'busy');
    assert.equal((await call(server, '/__ipc/receipt:close', { auth, body: '{}' })).status, 503, 'large bodies share the slot');
    assert.equal((await call(server, '/__ipc/status:get', { auth, body: '{}' })).status, 200);
    first!.destroy();
    await stalled;
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await call(server, '/__ipc/ledger:import', { auth, body: '{}' })).status, 200, 'the slot is free again');
  });
});
