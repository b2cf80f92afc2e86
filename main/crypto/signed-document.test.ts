// A signed JSON document on bad files: cut short, not ours, an extra field, no signature, edited, another key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { z } from 'zod';
import { signedDocument } from './signed-document';

const doc = signedDocument(z.strictObject({ station: z.string(), count: z.number() }), 'test-v1\n', {
  unreadable: '読めません',
  unsigned: '署名がありません',
  notOurs: (at) => `違う文書です（${at}）`,
});

test('a signed document reads back and verifies; each kind of bad file says what is wrong', () => {
  const key = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const text = doc.text({ station: 's1', count: 3 }, key.privateKey);
  const read = doc.parse(text);
  assert.ok(read.ok);
  assert.deepEqual(read.body, { station: 's1', count: 3 });
  assert.equal(doc.signed(read.body, read.signature, key.publicKey), true);
  assert.equal(doc.signed(read.body, read.signature, other.publicKey), false, 'another key');
  assert.equal(doc.signed({ ...read.body, count: 4 }, read.signature, key.publicKey), false, 'edited');
  assert.equal(doc.signed(read.body, 'not base64 at all!', key.publicKey), false);

  const json = JSON.parse(text);
  assert.deepEqual(doc.parse(text.slice(0, 20)), { ok: false, why: '読めません' });
  assert.deepEqual(doc.parse('[1]'), { ok: false, why: '違う文書です（形式）' });
  assert.deepEqual(doc.parse(JSON.stringify({ ...json, extra: 1 })), { ok: false, why: '違う文書です（extra）' });
  assert.deepEqual(doc.parse(JSON.stringify({ ...json, body: { station: 's1' } })), { ok: false, why: '違う文書です（body.count）' });
  assert.deepEqual(doc.parse(JSON.stringify({ body: json.body })), { ok: false, why: '署名がありません' });
  assert.deepEqual(doc.parse(JSON.stringify({ body: json.body, signature: '' })), { ok: false, why: '署名がありません' });
});
