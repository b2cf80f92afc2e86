// A venue's folder pins HQ's signing key (issue 14). The audit's attack: a ledger built and signed with a freshly
// made HQ key, offered with that key's own hq.pub, imported into 本庁舎 (`出荷 EVIL-1 を取り込みました`).
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { cards, ledgerBytes, tempDir, testKeys } from '../testing/fixtures';
import { decodePrivateKeyFile, encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair } from '../crypto/key-files';
import { encodeRotationStatement, fingerprintOf, shortFingerprint } from '../crypto/hq-key-trust';

const PASS = 'correct horse battery';

// Sealing a private key file costs a full-strength scrypt (~0.4 s, several times that with the CPU shared), and
// every test's world needs the same two (HQ's, 本庁舎's): made once for the file. Each test still has its own folder, so its
// pin starts empty; the keys only need to differ from each other (HQ's, the thief's), which they do.
let sealed: { keys: ReturnType<typeof testKeys>; evil: ReturnType<typeof generateKeyPair>; files: Record<string, string> } | undefined;
function sealedKeys() {
  if (!sealed) {
    const keys = testKeys();
    const evil = generateKeyPair('hq', null);
    sealed = {
      keys,
      evil,
      files: {
        'hq.pub': encodePublicKeyFile(keys.hq),
        'hq.key': encodePrivateKeyFile(keys.hq, PASS),
        'evil.pub': encodePublicKeyFile(evil),
        'honchosha.key': encodePrivateKeyFile(keys.venues.honchosha, PASS),
      },
    };
  }
  return sealed;
}

function world(t: { after(fn: () => void): void }) {
  const dir = tempDir(t);
  const { keys, evil, files } = sealedKeys();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const ledger = (name: string, shipment: string, from: number, hq = keys.hq) => {
    const file = join(dir, name);
    writeFileSync(file, ledgerBytes({ ...keys, hq }, 'honchosha', shipment, cards(from, 3)));
    return file;
  };
  const data = join(dir, 'data');
  const importArgs = (file: string, ...extra: string[]) => [
    'ledger',
    'import',
    file,
    '--data',
    data,
    '--venue-key',
    join(dir, 'honchosha.key'),
    ...extra,
  ];
  const shipments = async () =>
    (JSON.parse((await cli(['status', '--data', data, '--json'])).out) as { shipments: { shipmentId: string }[] }).shipments.map(
      (s) => s.shipmentId,
    );
  return { dir, keys, evil, ledger, data, importArgs, shipments };
}

test('EVIL-1: a ledger signed by a fresh key, offered with its own hq.pub, is refused at a pinned venue; nothing is written', async (t) => {
  const w = world(t);
  const first = await cli(w.importArgs(w.ledger('s1.ledger', 'S1', 1), '--hq-pub', join(w.dir, 'hq.pub')));
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /事務センターの鍵をこのデータフォルダに登録しました/);
  assert.ok(first.err.includes(`指紋: ${fingerprintOf(w.keys.hq)}`), 'the whole fingerprint, to compare by phone');

  const evil = w.ledger('evil.ledger', 'EVIL-1', 100, w.evil);
  const attack = await cli(w.importArgs(evil, '--hq-pub', join(w.dir, 'evil.pub')));
  assert.equal(attack.code, 1, attack.out);
  assert.doesNotMatch(attack.out, /取り込みました/);
  assert.match(attack.err, /事務センターの鍵が、このデータフォルダに登録された鍵と違います/);
  assert.ok(attack.err.includes(`登録済み ${shortFingerprint(w.keys.hq.keyId)}`), attack.err);
  assert.ok(attack.err.includes(`今回 ${shortFingerprint(w.evil.keyId)}`), attack.err);
  assert.match(attack.err, /何も取り込んでいません/);
  assert.match(attack.err, /venue trust-hq --rotation/);
  // Offered with the real hq.pub it fails its signature; offered with no hq.pub, the pinned key is used.
  assert.equal((await cli(w.importArgs(evil, '--hq-pub', join(w.dir, 'hq.pub')))).code, 1);
  const bare = await cli(w.importArgs(evil));
  assert.equal(bare.code, 1);
  assert.match(bare.err, /署名/);
  assert.deepEqual(await w.shipments(), ['S1']);

  // HQ's own next ledger needs no hq.pub now.
  const s2 = await cli(w.importArgs(w.ledger('s2.ledger', 'S2', 10)));
  assert.equal(s2.code, 0, s2.err);
  assert.doesNotMatch(s2.err, /登録しました/, 'the pin is said once, when made');
  assert.deepEqual(await w.shipments(), ['S1', 'S2']);
  const status = await cli(['status', '--data', w.data]);
  assert.ok(status.out.includes(`事務センター鍵: 鍵ID ${w.keys.hq.keyId}`), status.out);
});

test('a folder that has no pin and is given no hq.pub refuses, and no folder is made', async (t) => {
  const w = world(t);
  const r = await cli(w.importArgs(w.ledger('s1.ledger', 'S1', 1)));
  assert.equal(r.code, 1);
  const status = await cli(['status', '--data', w.data]);
  assert.notEqual(status.code, 0, 'no folder was made');
});

test('venue trust-hq pins before the first ledger (making the folder), shows the pin, and refuses another key', async (t) => {
  const w = world(t);
  const none = await cli(['venue', 'trust-hq', '--data', w.data, '--hq-pub', join(w.dir, 'hq.pub')]);
  assert.equal(none.code, 1);
  assert.match(none.err, /データフォルダがありません（新しく作るには --venue と --hq-pub/);
  const pinned = await cli(['venue', 'trust-hq', '--data', w.data, '--venue', 'honchosha', '--hq-pub', join(w.dir, 'hq.pub')]);
  assert.equal(pinned.code, 0, pinned.err);
  assert.ok(pinned.out.includes(`指紋: ${fingerprintOf(w.keys.hq)}`));
  const again = await cli(['venue', 'trust-hq', '--data', w.data, '--hq-pub', join(w.dir, 'hq.pub')]);
  assert.match(again.out, /登録済みです（変更なし）/);
  const other = await cli(['venue', 'trust-hq', '--data', w.data, '--hq-pub', join(w.dir, 'evil.pub')]);
  assert.equal(other.code, 1);
  assert.ok(other.err.includes(`登録済み ${shortFingerprint(w.keys.hq.keyId)}、今回 ${shortFingerprint(w.evil.keyId)}`));
  const shown = await cli(['venue', 'trust-hq', '--data', w.data]);
  assert.match(shown.out, new RegExp(`登録済みの事務センター鍵: 鍵ID ${w.keys.hq.keyId}`));
  const evil = await cli(w.importArgs(w.ledger('evil.ledger', 'EVIL-1', 100, w.evil), '--hq-pub', join(w.dir, 'evil.pub')));
  assert.equal(evil.code, 1);
  assert.deepEqual(await w.shipments(), []);

  // HQ's key lost for good: only an explicit --replace, with the new key, moves the pin without a statement.
  assert.equal((await cli(['venue', 'trust-hq', '--data', w.data, '--replace'])).code, 2);
  const replaced = await cli(['venue', 'trust-hq', '--data', w.data, '--hq-pub', join(w.dir, 'evil.pub'), '--replace']);
  assert.equal(replaced.code, 0, replaced.err);
  assert.ok(replaced.out.includes(`置き換えました（${shortFingerprint(w.keys.hq.keyId)} → ${shortFingerprint(w.evil.keyId)}）`));
  assert.ok(replaced.out.includes(`指紋: ${fingerprintOf(w.evil)}`));
  assert.match((await cli(['venue', 'trust-hq', '--data', w.data])).out, new RegExp(`鍵ID ${w.evil.keyId}`));
});

test('HQ rotates its key: the venue follows a statement signed by the pinned key, and only such a statement', async (t) => {
  const w = world(t);
  assert.equal((await cli(w.importArgs(w.ledger('s1.ledger', 'S1', 1), '--hq-pub', join(w.dir, 'hq.pub')))).code, 0);
  const next = join(w.dir, 'next');
  const rotated = await cli(['keys', 'rotate-hq', '--old', join(w.dir, 'hq.key'), '--out', next]);
  assert.equal(rotated.code, 0, rotated.err);
  assert.match(rotated.out, /切り替え通知: .*hq-rotation\.json/);
  const again = await cli(['keys', 'rotate-hq', '--old', join(w.dir, 'hq.key'), '--out', next]);
  assert.equal(again.code, 1, 'a second rotation into the same folder would overwrite the new key');
  const newKey = decodePrivateKeyFile(readFileSync(join(next, 'hq.key'), 'utf8'), PASS);
  assert.ok(newKey.ok);
  const s2 = w.ledger('s2.ledger', 'S2', 10, newKey.value);

  // Not yet followed: the new key alone is another key.
  assert.equal((await cli(w.importArgs(s2, '--hq-pub', join(next, 'hq.pub')))).code, 1);

  // A statement HQ's old key did not sign: the thief's own "rotation" to its key, and HQ's statement with its
  // new key swapped for the thief's.
  const forged = join(w.dir, 'forged.json');
  writeFileSync(forged, encodeRotationStatement(w.evil, w.evil, new Date('2026-11-21T00:00:00Z')));
  const byThief = await cli(['venue', 'trust-hq', '--data', w.data, '--rotation', forged]);
  assert.equal(byThief.code, 1);
  assert.match(byThief.err, /切り替え通知が、登録済みの事務センター鍵（.*）で署名されていません/);
  const real = JSON.parse(readFileSync(join(next, 'hq-rotation.json'), 'utf8'));
  const swapped = join(w.dir, 'swapped.json');
  real.statement.newKey = { keyId: w.evil.keyId, publicKey: JSON.parse(encodePublicKeyFile(w.evil)).publicKey };
  writeFileSync(swapped, JSON.stringify(real));
  assert.equal((await cli(['venue', 'trust-hq', '--data', w.data, '--rotation', swapped])).code, 1);
  for (const bad of ['not json', '{"statement":{}}']) {
    writeFileSync(join(w.dir, 'bad.json'), bad);
    const r = await cli(['venue', 'trust-hq', '--data', w.data, '--rotation', join(w.dir, 'bad.json')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /事務センター鍵の切り替え通知ではありません/);
  }
  assert.match((await cli(['venue', 'trust-hq', '--data', w.data])).out, new RegExp(w.keys.hq.keyId), 'the pin did not move');

  // Offered alongside the ledger, HQ's statement moves the pin with the import.
  const followed = await cli(w.importArgs(s2, '--hq-pub', join(next, 'hq.pub'), '--rotation', join(next, 'hq-rotation.json')));
  assert.equal(followed.code, 0, followed.err);
  assert.match(
    followed.err,
    new RegExp(`切り替えを受け入れました（${shortFingerprint(w.keys.hq.keyId)} → ${shortFingerprint(newKey.value.keyId)}）`),
  );
  // The old key's ledgers are refused from now on.
  const old = await cli(w.importArgs(w.ledger('s3.ledger', 'S3', 20), '--hq-pub', join(w.dir, 'hq.pub')));
  assert.equal(old.code, 1);
  assert.deepEqual(await w.shipments(), ['S1', 'S2']);
  // The statement offered again changes nothing.
  const replay = await cli(['venue', 'trust-hq', '--data', w.data, '--rotation', join(next, 'hq-rotation.json')]);
  assert.match(replay.out, /登録済みです（変更なし）/);
});

test('venue trust-hq --rotation on its own moves the pin', async (t) => {
  const w = world(t);
  assert.equal((await cli(w.importArgs(w.ledger('s1.ledger', 'S1', 1), '--hq-pub', join(w.dir, 'hq.pub')))).code, 0);
  const next = join(w.dir, 'next');
  assert.equal((await cli(['keys', 'rotate-hq', '--old', join(w.dir, 'hq.key'), '--out', next])).code, 0);
  const r = await cli(['venue', 'trust-hq', '--data', w.data, '--rotation', join(next, 'hq-rotation.json')]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /切り替えを受け入れました/);
  const s2 = decodePrivateKeyFile(readFileSync(join(next, 'hq.key'), 'utf8'), PASS);
  assert.ok(s2.ok);
  assert.equal((await cli(w.importArgs(w.ledger('s2.ledger', 'S2', 10, s2.value)))).code, 0);
});
