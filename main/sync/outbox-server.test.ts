import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, createHash, createPrivateKey, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { connect, createServer as createTlsServer } from 'node:tls';
import { join } from 'node:path';
import { tempDir } from '../testing/fixtures';
import { startOutboxServer, type OutboxServer } from './outbox-server';
import { pullFromFolder, pullFromHttps } from './pull-client';
import { generateTlsIdentity, normalizeFingerprint, type TlsIdentity } from './tls-identity';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// Made once: key generation is cheap, but one set keeps the file fast and the roles obvious.
const stationId = generateTlsIdentity('honchosha-a1b2c3'); // serves its outbox
const hqId = generateTlsIdentity('hq'); // pinned puller
const strangerId = generateTlsIdentity('hq'); // same name, different key: not pinned
const impostorId = generateTlsIdentity('honchosha-a1b2c3'); // pretends to be the station

const PUBLISHED = {
  'honchosha-a1b2c3-00000001.sync': randomBytes(10_000),
  'honchosha-a1b2c3-00000002.sync': Buffer.alloc(0),
  'sogo-0f0f0f-00000017.sync': randomBytes(1_500_000), // several TLS records
};

let root: string;
let outbox: string;
let server: OutboxServer;
const serverLog: string[] = [];

before(async () => {
  root = tempDir();
  outbox = join(root, 'outbox');
  mkdirSync(outbox);
  for (const [name, bytes] of Object.entries(PUBLISHED)) writeFileSync(join(outbox, name), bytes);
  // Never published: temp files (atomic-write's and others), dotfiles, other extensions, folders, links.
  writeFileSync(join(outbox, '.honchosha-a1b2c3-00000003.sync.0a1b2c3d4e5f.tmp'), 'half written');
  writeFileSync(join(outbox, 'honchosha-a1b2c3-00000004.sync.tmp'), 'half written');
  writeFileSync(join(outbox, '.honchosha-a1b2c3-00000005.sync'), 'hidden');
  writeFileSync(join(outbox, 'notes.txt'), 'not a sync file');
  mkdirSync(join(outbox, 'honchosha-a1b2c3-00000006.sync'));
  writeFileSync(join(outbox, 'honchosha-a1b2c3-00000006.sync', 'honchosha-a1b2c3-00000007.sync'), 'in a subfolder');
  // Outside the outbox, with names that would pass the sync file rule.
  writeFileSync(join(root, 'secret'), 'TOP-SECRET');
  writeFileSync(join(root, 'secret.sync'), 'TOP-SECRET');
  writeFileSync(join(root, 'honchosha-a1b2c3-00000009.sync'), 'TOP-SECRET');
  symlinkSync(join(root, 'honchosha-a1b2c3-00000009.sync'), join(outbox, 'honchosha-a1b2c3-00000008.sync'));
  symlinkSync('../secret.sync', join(outbox, 'honchosha-a1b2c3-00000010.sync'));

  server = await startOutboxServer({
    outboxDir: outbox,
    host: '127.0.0.1',
    port: 0,
    identity: stationId,
    // Colon form on purpose: a pin copied from openssl's output works too.
    allowedClientFingerprints: [new X509Certificate(hqId.certPem).fingerprint256],
    log: (line) => serverLog.push(line),
  });
});

after(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const url = () => `https://127.0.0.1:${server.port}`;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A bare HTTPS request (no pinning on this side) so the server's own checks are what is tested. */
function raw(
  path: string,
  opts: { method?: string; identity?: TlsIdentity | null; body?: string } = {},
): Promise<RawResponse | { error: string }> {
  const identity = opts.identity === undefined ? hqId : opts.identity;
  const options: RequestOptions = {
    host: '127.0.0.1',
    port: server.port,
    path,
    method: opts.method ?? 'GET',
    rejectUnauthorized: false,
    agent: false,
    timeout: 5_000,
    ...(identity ? { cert: identity.certPem, key: identity.keyPem } : {}),
  };
  return new Promise((resolve) => {
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end(opts.body);
  });
}

function snapshot(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((p) => {
      const full = join(dir, p);
      const st = statSync(full, { throwIfNoEntry: false });
      return `${p} ${st?.isFile() ? sha256(readFileSync(full)) : st?.isDirectory() ? 'dir' : 'dangling'}`;
    })
    .join('\n');
}

describe('TLS identity', () => {
  test('a self-signed P-256 certificate whose fingerprint is the SHA-256 of its DER', () => {
    const x = new X509Certificate(stationId.certPem);
    assert.equal(x.subject, 'CN=honchosha-a1b2c3');
    assert.equal(x.issuer, x.subject);
    assert.ok(x.verify(x.publicKey), 'self-signature verifies');
    assert.equal(x.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.ok(x.checkPrivateKey(createPrivateKey(stationId.keyPem)));
    assert.equal(stationId.fingerprint, sha256(x.raw));
    assert.equal(normalizeFingerprint(x.fingerprint256), stationId.fingerprint);
    const years = (Date.parse(x.validTo) - Date.parse(x.validFrom)) / (365.25 * 24 * 3600 * 1000);
    assert.ok(years > 9.9 && years < 10.1, `valid ~10 years, got ${years}`);
    assert.notEqual(stationId.fingerprint, impostorId.fingerprint);
  });

  test('validity past 2049 is written as GeneralizedTime and still parses', () => {
    const x = new X509Certificate(generateTlsIdentity('toyosu-abcdef', new Date('2045-04-01T00:00:00Z')).certPem);
    assert.match(x.validTo, /2055/);
    assert.ok(x.verify(x.publicKey));
  });
});

describe('outbox server and HTTPS pull, with pinned certificates', () => {
  test('the pull returns exactly the outbox sync files, byte for byte', async () => {
    const r = await pullFromHttps({ url: url(), identity: hqId, serverFingerprint: stationId.fingerprint });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(
      r.value.files.map((f) => f.name),
      Object.keys(PUBLISHED).sort(),
    );
    for (const f of r.value.files) assert.ok(f.bytes.equals(PUBLISHED[f.name as keyof typeof PUBLISHED]), f.name);
  });

  test('the listing: sync files only, sorted, with sizes and SHA-256; no-store and nosniff', async () => {
    const res = await raw('/outbox/');
    assert.ok('status' in res, JSON.stringify(res));
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const expected = Object.entries(PUBLISHED)
      .map(([name, bytes]) => ({ name, bytes: bytes.length, sha256: sha256(bytes) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    assert.deepEqual(JSON.parse(res.body.toString('utf8')), { files: expected });
  });

  test('a file is served as octet-stream; HEAD gives the headers without the body', async () => {
    const name = 'honchosha-a1b2c3-00000001.sync';
    const get = await raw(`/outbox/${name}`);
    assert.ok('status' in get);
    assert.equal(get.status, 200);
    assert.equal(get.headers['content-type'], 'application/octet-stream');
    assert.equal(get.headers['cache-control'], 'no-store');
    assert.ok(get.body.equals(PUBLISHED[name]));
    const head = await raw(`/outbox/${name}`, { method: 'HEAD' });
    assert.ok('status' in head);
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(PUBLISHED[name].length));
    assert.equal(head.body.length, 0);
  });

  test('alreadyHave(name, sha256) skips known files without fetching them', async () => {
    const asked: [string, string][] = [];
    const r = await pullFromHttps({
      url: url(),
      identity: hqId,
      serverFingerprint: stationId.fingerprint,
      alreadyHave: (name, sha) => {
        asked.push([name, sha]);
        return name.startsWith('honchosha-');
      },
    });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.files.map((f) => f.name),
      ['sogo-0f0f0f-00000017.sync'],
    );
    assert.deepEqual(
      asked,
      Object.entries(PUBLISHED)
        .map(([n, b]) => [n, sha256(b)])
        .sort(),
    );
  });
});

describe('refusals', () => {
  test('no client certificate: the connection is closed before any HTTP is answered', async () => {
    const before = serverLog.length;
    const res = await raw('/outbox/', { identity: null });
    assert.ok('error' in res, `expected refusal, got ${JSON.stringify(res)}`);
    assert.ok(
      serverLog.slice(before).some((l) => /refused .*\(none\)/.test(l)),
      serverLog.join('\n'),
    );
  });

  test('an unpinned self-signed client certificate is refused (raw and through the pull client)', async () => {
    const res = await raw('/outbox/', { identity: strangerId });
    assert.ok('error' in res, `expected refusal, got ${JSON.stringify(res)}`);
    const r = await pullFromHttps({ url: url(), identity: strangerId, serverFingerprint: stationId.fingerprint });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'refused');
    assert.match(r.error.message, /証明書/);
  });

  test('the station pinned under another fingerprint: the client refuses it', async () => {
    const r = await pullFromHttps({ url: url(), identity: hqId, serverFingerprint: impostorId.fingerprint });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'server-not-pinned');
  });

  test('an impostor server never receives a byte of the request', async () => {
    let connections = 0;
    let received = 0;
    const impostor = createTlsServer(
      { cert: impostorId.certPem, key: impostorId.keyPem, requestCert: true, rejectUnauthorized: false },
      (socket) => {
        socket.on('data', (c: Buffer) => (received += c.length));
        socket.on('error', () => {});
      },
    );
    impostor.on('connection', () => connections++);
    impostor.on('tlsClientError', () => {}); // the client hangs up mid-handshake: expected
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const port = (impostor.address() as { port: number }).port;
    try {
      const r = await pullFromHttps({
        url: `https://127.0.0.1:${port}`,
        identity: hqId,
        serverFingerprint: stationId.fingerprint,
        idleTimeoutMs: 2_000,
      });
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'server-not-pinned');
      await new Promise((resolve) => setTimeout(resolve, 150));
      // In TLS 1.3 the client has the server's certificate before it sends its own Finished, so the pull
      // client hangs up there: the impostor got a connection but never a byte of application data.
      assert.equal(connections, 1, 'the client did connect');
      assert.equal(received, 0, 'but sent no HTTP request');
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
  });

  test('TLS 1.2 is refused', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const s = connect({
        host: '127.0.0.1',
        port: server.port,
        maxVersion: 'TLSv1.2',
        rejectUnauthorized: false,
        cert: hqId.certPem,
        key: hqId.keyPem,
      });
      s.on('secureConnect', () => {
        s.destroy();
        resolve('connected');
      });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    assert.notEqual(outcome, 'connected');
  });

  test('unusable pull settings are reported, not thrown', async () => {
    for (const [u, fp] of [
      ['http://127.0.0.1:1', stationId.fingerprint],
      ['https://127.0.0.1:1/x/../y', stationId.fingerprint],
      ['not a url', stationId.fingerprint],
      [url(), 'abc'],
    ]) {
      const r = await pullFromHttps({ url: u!, identity: hqId, serverFingerprint: fp! });
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'bad-source', u);
    }
  });
});

describe('nothing outside the outbox, nothing but sync files, nothing written', () => {
  const NOT_SERVED = [
    '/outbox/../secret',
    '/outbox/%2e%2e%2fsecret',
    '/outbox/..%2Fsecret.sync',
    '/outbox/..%2fhonchosha-a1b2c3-00000009.sync',
    '/outbox/..\\honchosha-a1b2c3-00000009.sync',
    '/outbox/../honchosha-a1b2c3-00000009.sync',
    '/outbox/%2E%2E/honchosha-a1b2c3-00000009.sync',
    '/etc/passwd',
    '//etc/passwd',
    '/outbox//etc/passwd',
    '/outbox/%2Fetc%2Fpasswd',
    'http://127.0.0.1/outbox/../secret',
    '/outbox/honchosha-a1b2c3-00000008.sync', // symlink to a sync-named file outside
    '/outbox/honchosha-a1b2c3-00000010.sync', // relative symlink to ../secret.sync
    '/outbox/notes.txt',
    '/outbox/.honchosha-a1b2c3-00000005.sync',
    '/outbox/honchosha-a1b2c3-00000004.sync.tmp',
    '/outbox/.honchosha-a1b2c3-00000003.sync.0a1b2c3d4e5f.tmp',
    '/outbox/honchosha-a1b2c3-00000006.sync', // a folder
    '/outbox/honchosha-a1b2c3-00000006.sync/honchosha-a1b2c3-00000007.sync',
    '/outbox/honchosha-a1b2c3-00000001.sync/',
    '/outbox/honchosha-a1b2c3-00000001.sync?download=1',
    '/outbox/honchosha-a1b2c3-00000001.sync%00',
    '/outbox/HONCHOSHA-A1B2C3-00000001.SYNC',
    '/outbox/honchosha-a1b2c3-00000099.sync', // not there
    '/outbox',
    '/outbox/?',
    '/',
  ];

  test('every path outside the outbox or not a plain sync file in it is 404', async () => {
    for (const path of NOT_SERVED) {
      const res = await raw(path);
      assert.ok('status' in res, `${path}: ${JSON.stringify(res)}`);
      assert.equal(res.status, 404, path);
      assert.ok(!res.body.includes('TOP-SECRET'), path);
      assert.equal(res.headers['cache-control'], 'no-store', path);
    }
  });

  test('POST, PUT, DELETE and PATCH are 405 and change nothing on disk', async () => {
    const beforeOutbox = snapshot(outbox);
    const beforeRoot = snapshot(root);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of [
        '/outbox/',
        '/outbox/honchosha-a1b2c3-00000001.sync',
        '/outbox/honchosha-a1b2c3-00000099.sync',
        '/outbox/../secret',
      ]) {
        const res = await raw(path, { method, body: 'overwritten' });
        assert.ok('status' in res, `${method} ${path}: ${JSON.stringify(res)}`);
        assert.equal(res.status, 405, `${method} ${path}`);
        assert.equal(res.headers.allow, 'GET, HEAD');
      }
    }
    assert.equal(snapshot(outbox), beforeOutbox);
    assert.equal(snapshot(root), beforeRoot);
  });
});

describe('pull from a folder', () => {
  test('lists and reads the same sync files as the server, skipping links, temp files, dotfiles and folders', async () => {
    const r = await pullFromFolder(outbox);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.files.map((f) => f.name),
      Object.keys(PUBLISHED).sort(),
    );
    for (const f of r.value.files) assert.ok(f.bytes.equals(PUBLISHED[f.name as keyof typeof PUBLISHED]), f.name);
  });

  test('files alreadyHave knows (by name and SHA-256) are skipped', async () => {
    const known = new Set([`honchosha-a1b2c3-00000001.sync ${sha256(PUBLISHED['honchosha-a1b2c3-00000001.sync'])}`]);
    const r = await pullFromFolder(outbox, (name, sha) => known.has(`${name} ${sha}`));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.files.map((f) => f.name),
      ['honchosha-a1b2c3-00000002.sync', 'sogo-0f0f0f-00000017.sync'],
    );
  });

  test('a folder that is not there is a staff-readable problem', async () => {
    const r = await pullFromFolder(join(root, 'no-such-share'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'unreachable');
    assert.match(r.error.message, /同期フォルダ/);
  });
});
