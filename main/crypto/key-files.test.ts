import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodePrivateKeyFile, decodePublicKeyFile, encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair } from './key-files';

const PASS = 'correct horse battery';
const venueKey = generateKeyPair('venue', 'sogo');
const keyText = encodePrivateKeyFile(venueKey, PASS);

describe('key files', () => {
  test('a private key file round-trips with its passphrase and keeps its identity', () => {
    const r = decodePrivateKeyFile(keyText, PASS);
    assert.ok(r.ok);
    assert.deepEqual([r.value.role, r.value.venue, r.value.alg, r.value.keyId], ['venue', 'sogo', 'x25519', venueKey.keyId]);
  });

  test('relabelling a venue key file as another venue is detected (the identity is authenticated)', () => {
    const relabelled = keyText.replace('"venue": "sogo"', '"venue": "toyosu"');
    assert.notEqual(relabelled, keyText);
    const r = decodePrivateKeyFile(relabelled, PASS);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'wrong-passphrase');
  });

  test('scrypt parameters outside the safe range are refused before any work is done', () => {
    for (const logN of [10, 30]) {
      const weak = JSON.parse(keyText);
      weak.key.kdf.logN = logN;
      const r = decodePrivateKeyFile(JSON.stringify(weak), PASS);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'unsafe-parameters');
    }
  });

  test('not a key file: garbage, a public key, truncated JSON', () => {
    for (const text of ['', 'hello', encodePublicKeyFile(venueKey), keyText.slice(0, 100)]) {
      const r = decodePrivateKeyFile(text, PASS);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'not-a-key-file');
    }
  });

  test('a public key file whose key id does not match its key is refused', () => {
    const pub = JSON.parse(encodePublicKeyFile(venueKey));
    pub.keyId = '0'.repeat(16);
    const r = decodePublicKeyFile(JSON.stringify(pub));
    assert.ok(!r.ok);
    assert.match(r.error.message, /鍵ID/);
  });

  test('an HQ key is Ed25519 with no venue; a venue key is X25519 with its venue', () => {
    const hq = generateKeyPair('hq', null);
    const r = decodePublicKeyFile(encodePublicKeyFile(hq));
    assert.ok(r.ok);
    assert.deepEqual([r.value.role, r.value.venue, r.value.alg], ['hq', null, 'ed25519']);
    const mixed = JSON.parse(encodePublicKeyFile(hq));
    mixed.venue = 'sogo';
    assert.equal(decodePublicKeyFile(JSON.stringify(mixed)).ok, false);
  });
});
