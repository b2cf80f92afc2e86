// The daily sync over HTTPS, through the real commands: a demo venue's station serves its outbox with
// `madoguchi sync serve` (a child process — the command blocks until SIGTERM), HQ registers it with an
// https:// source and `hq pull`s its new file over mutual TLS, and HQ's report then matches the venue's own.
// Against the same running server: a client with no certificate or an unregistered one is cut off, and HQ's
// genuine certificate still cannot read anything outside the outbox (which sits inside the data folder, next
// to keyring.json). Finally HQ's side of the pinning: a registration naming another certificate makes HQ
// refuse the genuine server and change nothing; the genuine registration puts it right.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { fixedClock } from '../clock';

const AFTER_THE_DAYS = fixedClock('2026-11-24T12:00:00Z');
import { tempDir } from '../testing/fixtures';
import { DEMO_PASSPHRASE } from '../demo/demo-world';
import { openDataFolder } from '../store/data-folder';
import { tlsIdentity } from '../sync/sync-keys';
import { pullFromHttps } from '../sync/pull-client';
import { generateTlsIdentity } from '../sync/tls-identity';

const REPO = new URL('../../', import.meta.url).pathname;
const BIN = join(REPO, 'bin', 'madoguchi.mjs');
const env = { MADOGUCHI_PASSPHRASE: DEMO_PASSPHRASE };
const FIGURES = ['shipped', 'received', 'handedOver', 'outstanding', 'returned', 'refusals', 'damaged'] as const;
const DAY = '2026-11-23';

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  /** Everything the server has written to stderr so far (its refusal log). */
  readonly log: () => string;
  readonly stop: () => Promise<number | null>;
}

/** Starts `madoguchi sync serve` on an ephemeral port and resolves once it prints the port it got. */
function serve(data: string, outbox: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'sync', 'serve', '--data', data, '--outbox', outbox, '--listen', '127.0.0.1:0'], {
    cwd: REPO,
    env: { ...process.env, ...env },
  });
  let out = '';
  let errText = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`sync serve did not start\n${out}\n${errText}`));
    }, 20_000);
    child.stderr.on('data', (c: Buffer) => (errText += c.toString('utf8')));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /https:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({ child, port: Number(m[1]), log: () => errText, stop });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`sync serve exited (${code}) before serving\n${out}\n${errText}`));
    });
  });
}

type Raw = { status: number; body: string } | { error: string };

/** A bare HTTPS GET (no pinning on this side), so what is tested is the server's own refusal. */
function rawGet(port: number, path: string, identity: { certPem: string; keyPem: string } | null): Promise<Raw> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        agent: false,
        rejectUnauthorized: false,
        timeout: 5_000,
        ...(identity ? { cert: identity.certPem, key: identity.keyPem } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.end();
  });
}

test('sync over HTTPS: sync serve → hq pull → report; the server refuses strangers and paths outside; HQ pins the server', async (t) => {
  const root = tempDir(t);
  const demo = join(root, 'demo');
  assert.equal((await cli(['demo', '--dir', demo, '--residents', '300'], { env: {} })).code, 0);
  const hq = join(demo, 'hq');
  const toyosu = join(demo, 'venues', 'toyosu');
  // The README's default outbox, inside the data folder: so `/outbox/../keyring.json` names a real file.
  const outbox = join(toyosu, 'outbox');
  const reg = join(root, 'reg');
  // After the simulated days: HQ and the siblings pull in their own time (a file from the future is flagged).
  const run = async (args: string[], expect = 0) => {
    const r = await cli(args, { env, clock: AFTER_THE_DAYS });
    assert.equal(r.code, expect, `${args.join(' ')}\n${r.out}\n${r.err}`);
    return r;
  };
  const hqReport = async () =>
    JSON.parse((await run(['hq', 'report', '--hq-data', hq, '--date', DAY, '--stale-days', '30', '--json'])).out);
  const toyosuAtHq = (report: {
    venues: { venue: string; figures: Record<string, number>; stations: { stationId: string; files: number; lastSeq: number | null }[] }[];
  }) => report.venues.find((v) => v.venue === 'toyosu')!;

  // The demo already provisioned sync (HQ holds toyosu's file #1 from a folder); only the registration file
  // is written out here, to re-register the station with an https:// source.
  await run(['sync', 'identity', '--data', toyosu, '--out', reg]);
  const regFile = join(reg, 'toyosu-demo01.station.json');
  const registration = JSON.parse(readFileSync(regFile, 'utf8'));
  await run(['simulate', '--data', toyosu, '--days', '2', '--seed', '3']);
  const exported = await run(['sync', 'export', '--data', toyosu, '--date', DAY, '--out', outbox]);
  // #1 from the demo, #2–#3 from the two simulated days' closes (日締め publishes), then this one.
  assert.match(exported.out, /同期ファイル #4/);

  const server = await serve(toyosu, outbox);
  t.after(() => server.stop());
  const url = `https://127.0.0.1:${server.port}`;
  // 0.0.0.0 (what a server listening everywhere shows) is not an address to pull from.
  const anyAddress = await cli(['sync', 'register', regFile, '--data', hq, '--source', 'https://0.0.0.0:8443'], { env });
  assert.equal(anyAddress.code, 2);
  assert.match(anyAddress.err, /0\.0\.0\.0 ではなく/);
  // Staff may paste the listing's address: the station's base URL is kept.
  assert.match(
    (await run(['sync', 'register', regFile, '--data', hq, '--source', `${url}/outbox/`])).out,
    /更新しました: toyosu-demo01.*取得元 https:\/\/127\.0\.0\.1:\d+\n/,
  );

  // 1. HQ pulls toyosu's new file over HTTPS; the other venues' folder sources have nothing new.
  const pulled = await run(['hq', 'pull', '--hq-data', hq]);
  assert.match(
    pulled.out,
    // The two simulated days' closes (#2, #3) and the export (#4): all in the outbox the station serves. Whose
    // files they are comes first, in words; the address after it, for whoever has to fix a problem.
    new RegExp(
      `^豊洲シビックセンター 窓口1（${url}）: 3ファイル\\n {2}豊洲シビックセンター 窓口1 #2: 取込 [\\d,]+件.* {2}ファイル toyosu-demo01-00000002\\.sync`,
      'm',
    ),
    pulled.out,
  );
  const folderLines = pulled.out.split('\n').filter((l) => l.includes(`（${join(demo, 'outbox')}`));
  assert.ok(folderLines.length >= 2 && folderLines.every((l) => l.endsWith('新しいファイルはありません')), pulled.out);
  const report = await hqReport();
  assert.deepEqual(report.mismatches, []);
  const own = JSON.parse((await run(['venue', 'report', '--data', toyosu, '--json'])).out).total;
  const atHq = toyosuAtHq(report);
  for (const f of FIGURES) assert.equal(atHq.figures[f], own[f], `toyosu ${f}`);
  assert.ok(own.handedOver > 0, 'the simulated days handed cards over, so the HTTPS file carried them');
  assert.deepEqual(
    atHq.stations.map((s) => [s.stationId, s.files, s.lastSeq]),
    [['toyosu-demo01', 4, 4]],
  );
  // Pulling again fetches nothing: HQ already holds what is listed.
  assert.match((await run(['hq', 'pull', '--hq-data', hq])).out, new RegExp(`${url}）: 新しいファイルはありません`));

  // 2. The server's side: a client must present a pinned certificate, and even then gets sync files only.
  const stranger = generateTlsIdentity('hq-demo01'); // HQ's name, not HQ's key
  const noCert = await rawGet(server.port, '/outbox/', null);
  assert.ok('error' in noCert, `no client certificate must be refused, got ${JSON.stringify(noCert)}`);
  const unpinned = await rawGet(server.port, '/outbox/', stranger);
  assert.ok('error' in unpinned, `an unregistered certificate must be refused, got ${JSON.stringify(unpinned)}`);
  const viaClient = await pullFromHttps({ url, identity: stranger, serverFingerprint: registration.tls.fingerprint });
  assert.ok(!viaClient.ok);
  assert.equal(viaClient.error.code, 'refused');
  const log = server.log();
  assert.match(log, /refused .*\(none\)/, log);
  assert.match(log, new RegExp(`refused .*${stranger.fingerprint}`), log);

  const opened = openDataFolder(hq, DEMO_PASSPHRASE);
  assert.ok(opened.ok);
  const hqIdentity = tlsIdentity(opened.value.store.db);
  opened.value.store.close();
  assert.ok(hqIdentity);
  const keyring = readFileSync(join(toyosu, 'keyring.json'), 'utf8');
  for (const path of ['/outbox/../keyring.json', '/keyring.json', '/outbox/..%2Fkeyring.json', '/outbox/%2e%2e/keyring.json']) {
    const res = await rawGet(server.port, path, hqIdentity);
    assert.ok('status' in res, `${path}: ${JSON.stringify(res)}`);
    assert.equal(res.status, 404, path);
    assert.ok(!res.body.includes(keyring.slice(0, 40)), path);
  }
  // The same identity is served the listing: the 404s above are about the paths, not the client.
  const listing = await rawGet(server.port, '/outbox/', hqIdentity);
  assert.ok('status' in listing && listing.status === 200, JSON.stringify(listing));
  // Export wrote #1–#3 here too (it repairs any earlier file missing from the outbox: the simulated days'
  // closes went to the demo's outbox); HQ, holding #1 by its hash, fetched #2–#4 above ("3ファイル").
  assert.deepEqual(
    JSON.parse(listing.body).files.map((f: { name: string }) => f.name),
    [1, 2, 3, 4].map((n) => `toyosu-demo01-0000000${n}.sync`),
  );

  // 3. HQ's side: a registration that names another certificate for toyosu (same signing key, so
  // `sync register` takes it as an update). A new file is waiting, so a pull that trusted the server anyway
  // would show up in HQ's figures.
  await run(['sync', 'export', '--data', toyosu, '--date', '2026-11-24', '--out', outbox]);
  const other = generateTlsIdentity('toyosu-demo01');
  const tamperedFile = join(reg, 'toyosu-tampered.station.json');
  writeFileSync(
    tamperedFile,
    JSON.stringify({ ...registration, tls: { certPem: other.certPem, fingerprint: other.fingerprint } }, null, 2),
  );
  await run(['sync', 'register', tamperedFile, '--data', hq]);
  const before = await hqReport();
  const refused = await run(['hq', 'pull', '--hq-data', hq], 1);
  assert.match(refused.err, new RegExp(`${url}）: .*証明書.*一致しません`), refused.err);
  assert.doesNotMatch(refused.out, /取込/);
  assert.deepEqual(await hqReport(), before, 'HQ took nothing in from a server that is not its pin');
  assert.equal(toyosuAtHq(before).stations[0]!.lastSeq, 4);

  // The genuine registration again (its source kept): the waiting file comes in.
  await run(['sync', 'register', regFile, '--data', hq]);
  const restored = await run(['hq', 'pull', '--hq-data', hq]);
  assert.match(restored.out, /豊洲シビックセンター 窓口1 #5: 取込 [\d,]+件.* {2}ファイル toyosu-demo01-00000005\.sync/, restored.out);
  assert.equal(toyosuAtHq(await hqReport()).stations[0]!.lastSeq, 5);

  // SIGTERM stops the server cleanly (the command's own shutdown path, not a kill).
  assert.equal(await server.stop(), 0, server.log());
});
