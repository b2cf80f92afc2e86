import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { decodePrivateKeyFile, decodePublicKeyFile } from '../crypto/key-files';

describe('madoguchi keys', () => {
  test('hq: writes a passphrase-protected hq.key (0600) and hq.pub with the same key id', async (t) => {
    const dir = tempDir(t);
    const r = await cli(['keys', 'hq', '--out', dir]);
    assert.equal(r.code, 0, r.err);
    const keyText = readFileSync(join(dir, 'hq.key'), 'utf8');
    assert.equal(statSync(join(dir, 'hq.key')).mode & 0o777, 0o600);
    assert.ok(!/PRIVATE KEY|"d"\s*:/.test(keyText), 'private key material must not be stored in the clear');
    const pub = decodePublicKeyFile(readFileSync(join(dir, 'hq.pub'), 'utf8'));
    assert.ok(pub.ok);
    assert.equal(pub.value.role, 'hq');
    assert.equal(pub.value.alg, 'ed25519');
    assert.ok(r.out.includes(pub.value.keyId));
    const wrong = decodePrivateKeyFile(keyText, 'not the passphrase');
    assert.ok(!wrong.ok);
    assert.equal(wrong.error.code, 'wrong-passphrase');
    const right = decodePrivateKeyFile(keyText, 'correct horse battery');
    assert.ok(right.ok);
    assert.equal(right.value.keyId, pub.value.keyId);
  });

  test('venue: writes <venue>.key and <venue>.pub for that venue (X25519)', async (t) => {
    const dir = tempDir(t);
    const r = await cli(['keys', 'venue', '--venue', 'toyosu', '--out', dir]);
    assert.equal(r.code, 0, r.err);
    const pub = decodePublicKeyFile(readFileSync(join(dir, 'toyosu.pub'), 'utf8'));
    assert.ok(pub.ok);
    assert.deepEqual([pub.value.role, pub.value.venue, pub.value.alg], ['venue', 'toyosu', 'x25519']);
    assert.match(r.out, /豊洲シビックセンター/);
  });

  test('an unknown venue is a usage error; existing keys are not overwritten without --force', async (t) => {
    const dir = tempDir(t);
    const bad = await cli(['keys', 'venue', '--venue', 'ariake', '--out', dir]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /honchosha/);
    assert.equal((await cli(['keys', 'hq', '--out', dir])).code, 0);
    const before = readFileSync(join(dir, 'hq.key'));
    const again = await cli(['keys', 'hq', '--out', dir]);
    assert.equal(again.code, 1);
    assert.match(again.err, /--force/);
    assert.deepEqual(readFileSync(join(dir, 'hq.key')), before);
    assert.equal((await cli(['keys', 'hq', '--out', dir, '--force'])).code, 0);
    assert.notDeepEqual(readFileSync(join(dir, 'hq.key')), before);
  });

  test('without MADOGUCHI_PASSPHRASE and no terminal it says how to give one, and writes nothing', async (t) => {
    const dir = tempDir(t);
    const r = await cli(['keys', 'hq', '--out', dir], { env: {} });
    assert.equal(r.code, 1);
    assert.match(r.err, /MADOGUCHI_PASSPHRASE/);
    assert.ok(!existsSync(join(dir, 'hq.key')));
  });

  test('a passphrase shorter than 8 characters is refused', async (t) => {
    const dir = tempDir(t);
    const r = await cli(['keys', 'hq', '--out', dir], { env: { MADOGUCHI_PASSPHRASE: 'short' } });
    assert.equal(r.code, 1);
    assert.match(r.err, /8文字以上/);
  });
});
