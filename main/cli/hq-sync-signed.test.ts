// hq-sync.json is signed by HQ's signing key and checked against the key the station's folder pinned (issue 14):
// whoever hands a station an unsigned or foreign file could have its sync files sealed to them. Setting it up
// again says what changes and replaces nothing unless asked.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { cli } from '../testing/cli-harness';
import { cards, ledgerBytes, tempDir, testKeys } from '../testing/fixtures';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair, keyIdOf, rawPublicKey } from '../crypto/key-files';
import { shortFingerprint } from '../crypto/hq-key-trust';
import { generateTlsIdentity } from '../sync/tls-identity';
import { encodeHqSyncFile } from '../sync/hq-sync-file';
import type { HqSyncInfo } from '../sync/registration';
import { createVenueDataFolder } from '../store/data-folder';

const PASS = 'correct horse battery';

function hqInfo(): HqSyncInfo {
  const { publicKey } = generateKeyPairSync('x25519');
  const tls = generateTlsIdentity('hq-test');
  return {
    format: 'madoguchi-hq-sync',
    version: 1,
    inbox: { keyId: keyIdOf(publicKey), publicKey: rawPublicKey(publicKey).toString('base64') },
    tls: { certPem: tls.certPem, fingerprint: tls.fingerprint },
  };
}

test('sync setup believes hq-sync.json only when the pinned HQ key signed it; a change of recipients needs --replace', async (t) => {
  const dir = tempDir(t);
  const keys = testKeys();
  const evil = generateKeyPair('hq', null);
  const data = join(dir, 'data');
  writeFileSync(join(dir, 'hq.pub'), encodePublicKeyFile(keys.hq));
  writeFileSync(join(dir, 'toyosu.key'), encodePrivateKeyFile(keys.venues.toyosu, PASS));
  writeFileSync(join(dir, 'toyosu.pub'), encodePublicKeyFile(keys.venues.toyosu));
  writeFileSync(join(dir, 's1.ledger'), ledgerBytes(keys, 'toyosu', 'S1', cards(1, 2)));
  const at = new Date('2026-11-20T00:00:00Z');
  const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
  const info = hqInfo();
  const good = file('hq-sync.json', encodeHqSyncFile(info, keys.hq, at));
  const setup = (hq: string, ...extra: string[]) =>
    cli(['sync', 'setup', '--data', data, '--hq', hq, '--venue-pub', join(dir, 'toyosu.pub'), ...extra]);
  const recipients = async () =>
    (
      JSON.parse((await cli(['status', '--data', data, '--json'])).out) as { sync: { recipients: { keyId: string }[] } }
    ).sync.recipients.map((r) => r.keyId);

  // The station's folder, which pinned HQ's key with its first ledger.
  assert.equal(
    (
      await cli([
        'ledger',
        'import',
        join(dir, 's1.ledger'),
        '--data',
        data,
        '--venue-key',
        join(dir, 'toyosu.key'),
        '--hq-pub',
        join(dir, 'hq.pub'),
      ])
    ).code,
    0,
  );

  const refusals: [string, string, RegExp][] = [
    ['not JSON', file('a.json', 'hello'), /事務センターの同期鍵ファイル（hq-sync.json）ではありません/],
    ['the old unsigned form', file('b.json', JSON.stringify(info)), /署名がありません（古い形式）.*--hq-key hq.key/],
    [
      'signed by another key',
      file('c.json', encodeHqSyncFile(info, evil, at)),
      new RegExp(`登録済み ${shortFingerprint(keys.hq.keyId)}、今回 ${shortFingerprint(evil.keyId)}`),
    ],
    [
      'HQ’s signed file with the inbox key swapped',
      file('d.json', JSON.stringify({ ...JSON.parse(encodeHqSyncFile(info, keys.hq, at)), inbox: hqInfo().inbox })),
      /署名が正しくありません/,
    ],
    [
      'HQ’s signed file with a later issue time',
      file('e.json', JSON.stringify({ ...JSON.parse(encodeHqSyncFile(info, keys.hq, at)), issuedAt: '2026-12-01T00:00:00.000Z' })),
      /署名が正しくありません/,
    ],
  ];
  for (const [what, path, message] of refusals) {
    const r = await setup(path);
    assert.equal(r.code, 1, what);
    assert.match(r.err, message, what);
  }
  assert.deepEqual(await recipients(), [], 'nothing was set up');

  const first = await setup(good);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /事務センター（鍵ID .*）を宛先に加えます/);
  assert.deepEqual(await recipients(), [info.inbox.keyId, keys.venues.toyosu.keyId]);
  assert.match((await setup(good)).out, /宛先の変更はありません/);

  // HQ's new inbox (a reinstalled HQ machine), signed by HQ: said, and only done with --replace.
  const next = hqInfo();
  const moved = file('hq-sync-2.json', encodeHqSyncFile(next, keys.hq, at));
  const refused = await setup(moved);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /設定済みの同期の宛先が変わります。何も変えていません/);
  assert.ok(
    refused.err.includes(
      `事務センターの宛先が変わります: 鍵ID ${shortFingerprint(info.inbox.keyId)} → ${shortFingerprint(next.inbox.keyId)}、証明書の指紋も変わります`,
    ),
  );
  assert.doesNotMatch(refused.err, /豊洲.*宛先が変わります/, 'the venue recipient does not change');
  assert.deepEqual(await recipients(), [info.inbox.keyId, keys.venues.toyosu.keyId]);
  const replaced = await setup(moved, '--replace');
  assert.equal(replaced.code, 0, replaced.err);
  assert.deepEqual(await recipients(), [next.inbox.keyId, keys.venues.toyosu.keyId]);

  // The venue re-keyed: its new public key is a change of recipient too.
  const rekeyed = generateKeyPair('venue', 'toyosu');
  writeFileSync(join(dir, 'toyosu.pub'), encodePublicKeyFile(rekeyed));
  const venueChange = await setup(moved);
  assert.equal(venueChange.code, 1);
  assert.ok(
    venueChange.err.includes(
      `豊洲シビックセンターの宛先が変わります: 鍵ID ${shortFingerprint(keys.venues.toyosu.keyId)} → ${shortFingerprint(rekeyed.keyId)}`,
    ),
  );
  assert.equal((await setup(moved, '--replace')).code, 0);
  assert.deepEqual(await recipients(), [next.inbox.keyId, rekeyed.keyId]);
});

test('a folder with no HQ key pinned cannot check hq-sync.json and says how to pin one', async (t) => {
  const dir = tempDir(t);
  const keys = testKeys();
  const data = join(dir, 'data');
  // A folder made before pins existed: no HQ key in it.
  writeFileSync(join(dir, 'hq.pub'), encodePublicKeyFile(keys.hq));
  writeFileSync(join(dir, 'toyosu.pub'), encodePublicKeyFile(keys.venues.toyosu));
  createVenueDataFolder(data, 'toyosu', PASS).close();
  writeFileSync(join(dir, 'hq-sync.json'), encodeHqSyncFile(hqInfo(), keys.hq, new Date('2026-11-20T00:00:00Z')));
  const r = await cli(['sync', 'setup', '--data', data, '--hq', join(dir, 'hq-sync.json'), '--venue-pub', join(dir, 'toyosu.pub')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /事務センターの鍵がまだ登録されていないため、署名を確かめられません。先に madoguchi venue trust-hq --hq-pub hq.pub/);
  assert.equal((await cli(['venue', 'trust-hq', '--data', data, '--hq-pub', join(dir, 'hq.pub')])).code, 0);
  const after = await cli(['sync', 'setup', '--data', data, '--hq', join(dir, 'hq-sync.json'), '--venue-pub', join(dir, 'toyosu.pub')]);
  assert.equal(after.code, 0, after.err);
});
