// Tampering, truncation and relabelling of a small sync file: every change is refused with a problem code, and
// nothing throws. Kept small (a few events) so every byte of the framing and every length can be tried.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { keyIdOf } from '../crypto/key-files';
import type { VenueId } from '../../shared/venues/venues';
import { encodeSyncFile, openSyncFile, peekSyncHeader } from './sync-file';
import { type SyncFileInput, type SyncFileProblemCode } from './sync-file-format';

const x25519 = () => {
  const k = generateKeyPairSync('x25519');
  return { keyId: keyIdOf(k.publicKey), ...k };
};
const ed25519 = () => {
  const k = generateKeyPairSync('ed25519');
  return { keyId: keyIdOf(k.publicKey), ...k };
};
const hq = x25519();
const venueKey = x25519();
const sogo1 = ed25519();
const toyosu1 = ed25519();
const attacker = ed25519();

// The caller's station registry: a file is opened with the key and venue registered for the station it names.
const registry = new Map<string, { venue: VenueId; publicKey: KeyObject }>([
  ['sogo-counter-1', { venue: 'sogo', publicKey: sogo1.publicKey }],
  ['toyosu-counter-1', { venue: 'toyosu', publicKey: toyosu1.publicKey }],
]);
function openViaRegistry(bytes: Uint8Array, recipient = hq) {
  const peek = peekSyncHeader(bytes);
  if (!peek.ok) return peek;
  const reg = registry.get(peek.value.stationId);
  assert.ok(reg, `unregistered station ${peek.value.stationId}`);
  const expected = { venue: reg.venue, stationId: peek.value.stationId };
  return openSyncFile(bytes, { stationPublicKey: reg.publicKey, expected, recipient });
}
const openAsSogo1 = (bytes: Uint8Array, recipient = hq) =>
  openSyncFile(bytes, { stationPublicKey: sogo1.publicKey, expected: { venue: 'sogo', stationId: 'sogo-counter-1' }, recipient });

const id = (n: number) => n.toString(16).padStart(32, '0');
const input: SyncFileInput = {
  venue: 'sogo',
  stationId: 'sogo-counter-1',
  seq: 7,
  businessDate: '2026-11-20',
  createdAt: '2026-11-20T18:05:00.000+09:00',
  prevSha256: 'cd'.repeat(32),
  signingKey: { keyId: sogo1.keyId, privateKey: sogo1.privateKey },
  recipients: [hq, venueKey],
  body: {
    events: [
      {
        id: id(1),
        stationId: 'sogo-counter-1',
        seq: 11,
        clientTime: '2026-11-20T01:00:00.000Z',
        actor: 'clerk1',
        kind: 'handover.refused',
        subject: 'T00-000002',
        payload: { reservationNo: 'T00-000002', reason: '書類不足' },
      },
      {
        id: id(2),
        stationId: 'sogo-counter-1',
        seq: 12,
        clientTime: '2026-11-20T02:00:00.000Z',
        actor: 'lead1',
        kind: 'card.damaged',
        subject: 'T00-000003',
        payload: { reservationNo: 'T00-000003', reason: '破損' },
      },
    ],
    claimed: { shipped: 3, received: 3, handedOver: 0, outstanding: 2, returned: 0, refusals: 1, damaged: 1 },
    knownThrough: { 'sogo-counter-1': 12 },
    accessHead: null,
    accessLink: { from: null, digests: [] },
  },
};
const file = encodeSyncFile(input);

/** The file's parts, by the documented framing: magic and signature lines, header line, sealed body. */
function split(bytes: Buffer) {
  const sigEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1);
  const headerEnd = bytes.indexOf(0x0a, sigEnd + 1);
  return {
    sigLine: bytes.subarray(0, sigEnd + 1),
    header: JSON.parse(bytes.subarray(sigEnd + 1, headerEnd).toString()),
    headerEnd,
    sealed: bytes.subarray(headerEnd + 1),
  };
}
/** Builds a file from parts, signed by `signer` (as a station would) or keeping another file's signature line. */
function assemble(header: object, sealed: Buffer, signer: KeyObject | Buffer): Buffer {
  const signed = Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), sealed]);
  const sigLine = Buffer.isBuffer(signer)
    ? signer
    : Buffer.from(
        `MADOGUCHI-SYNC 1\nsignature: ${sign(null, Buffer.concat([Buffer.from('madoguchi/sync/v1\n'), signed]), signer).toString('base64')}\n`,
      );
  return Buffer.concat([sigLine, signed]);
}
const withBody = (header: Record<string, unknown>, sealed: Buffer) => ({
  ...header,
  bodyBytes: sealed.length,
  bodySha256: createHash('sha256').update(sealed).digest('hex'),
});
const parts = split(file);

function assertRefused(r: ReturnType<typeof openSyncFile>, codes: readonly SyncFileProblemCode[], what: string): void {
  assert.equal(r.ok, false, `${what} was accepted`);
  if (!r.ok) assert.ok(codes.includes(r.error.code), `${what}: ${r.error.code} (${r.error.message})`);
}

describe('station sync file: tampering', () => {
  test('the untouched fixture opens', () => {
    assert.ok(openAsSogo1(file).ok);
    assert.ok(openViaRegistry(file, venueKey).ok);
  });

  test('every byte of the magic, signature and header lines, flipped one at a time, is refused', () => {
    const magicEnd = 'MADOGUCHI-SYNC 1\nsignature: '.length;
    for (let i = 0; i <= parts.headerEnd; i++) {
      for (const mask of [0x01, 0x80]) {
        const bad = Buffer.from(file);
        bad[i]! ^= mask;
        const codes: SyncFileProblemCode[] =
          i < magicEnd ? ['not-a-sync-file'] : i < parts.sigLine.length ? ['bad-signature'] : ['bad-signature', 'truncated'];
        assertRefused(openAsSogo1(bad), codes, `flip ${mask} at byte ${i}`);
      }
    }
  });

  test('1,000 random flips in the sealed body are refused as "bad-signature"', () => {
    fc.assert(
      fc.property(fc.integer({ min: parts.headerEnd + 1, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const bad = Buffer.from(file);
        bad[at]! ^= mask;
        for (const recipient of [hq, venueKey]) assertRefused(openAsSogo1(bad, recipient), ['bad-signature'], `flip ${mask} at byte ${at}`);
      }),
      { numRuns: 1000 },
    );
  });

  test('truncation at every length is refused as "truncated" (or "not-a-sync-file" when empty); bytes appended are refused', () => {
    assert.ok(file.length > 600, `fixture of ${file.length} bytes`);
    for (let len = 0; len < file.length; len++) {
      assertRefused(openAsSogo1(file.subarray(0, len)), [len === 0 ? 'not-a-sync-file' : 'truncated'], `truncated to ${len}`);
    }
    assertRefused(openAsSogo1(Buffer.concat([file, Buffer.from('\n')])), ['bad-signature'], 'a byte appended');
  });
});

describe('station sync file: relabelling and foreign signatures', () => {
  const relabels: [string, Record<string, unknown>][] = [
    ['venue', { venue: 'toyosu' }],
    ['station', { stationId: 'toyosu-counter-1' }],
    ['station and venue', { stationId: 'toyosu-counter-1', venue: 'toyosu' }],
    ['seq', { seq: 8 }],
    ['business day', { businessDate: '2026-11-21' }],
    ['recipients', { recipients: [{ keyId: venueKey.keyId }, { keyId: hq.keyId }] }],
  ];
  for (const [what, change] of relabels) {
    test(`a header relabelled (${what}) keeping the signature is refused as "bad-signature"`, () => {
      const bad = assemble({ ...parts.header, ...change }, parts.sealed, parts.sigLine);
      assertRefused(openViaRegistry(bad), ['bad-signature'], what);
      assertRefused(openAsSogo1(bad), ['bad-signature'], what);
    });
    test(`a header relabelled (${what}) and re-signed with another key is refused as "bad-signature"`, () => {
      for (const signer of [attacker, toyosu1]) {
        const bad = assemble({ ...parts.header, ...change, stationKeyId: signer.keyId }, parts.sealed, signer.privateKey);
        assertRefused(openAsSogo1(bad), ['bad-signature'], what);
        // Signed by toyosu-counter-1 as itself, the signature holds: its registered venue or the body's binding refuses it.
        const genuine = signer === toyosu1 && 'stationId' in change;
        assertRefused(openViaRegistry(bad), genuine ? ['wrong-venue', 'cannot-decrypt'] : ['bad-signature'], what);
      }
    });
  }

  test('a file the station itself signed naming another venue is refused as "wrong-venue"', () => {
    const r = openViaRegistry(encodeSyncFile({ ...input, venue: 'toyosu' }));
    assertRefused(r, ['wrong-venue'], 'venue claimed by sogo-counter-1');
    assert.ok(!r.ok && r.error.message.includes('豊洲シビックセンター') && r.error.message.includes('総合区民センター'));
  });

  test('a file a station signed naming another station is refused ("wrong-station", or "bad-signature" under that station\'s key)', () => {
    const claimed = { ...input, stationId: 'toyosu-counter-1', body: { ...input.body, events: [] } };
    const bad = encodeSyncFile(claimed);
    assertRefused(openAsSogo1(bad), ['wrong-station'], 'station claimed by sogo-counter-1');
    assertRefused(openViaRegistry(bad), ['bad-signature'], 'station claimed by sogo-counter-1, looked up');
  });

  test('a file signed by another station\'s key is refused as "bad-signature", naming both key ids', () => {
    const forged = encodeSyncFile({ ...input, signingKey: { keyId: toyosu1.keyId, privateKey: toyosu1.privateKey } });
    const r = openAsSogo1(forged);
    assertRefused(r, ['bad-signature'], 'signed by toyosu-counter-1');
    assert.ok(!r.ok && r.error.message.includes(toyosu1.keyId) && r.error.message.includes(sogo1.keyId));
  });
});

describe('station sync file: signed by the station but inconsistent', () => {
  const resigned = (header: object, sealed = parts.sealed) => assemble(header, sealed, sogo1.privateKey);
  const headerCases: [string, Buffer][] = [
    ['an extra header field', resigned({ ...parts.header, note: 'x' })],
    ['a header naming another signing key', resigned({ ...parts.header, stationKeyId: attacker.keyId })],
    ['a body hash that does not match', resigned({ ...parts.header, bodySha256: '00'.repeat(32) })],
    ['a body length that does not match', resigned({ ...parts.header, bodyBytes: parts.sealed.length - 1 })],
    ["recipients that differ from the body's table", resigned({ ...parts.header, recipients: [{ keyId: hq.keyId }] })],
    ['an impossible business day', resigned({ ...parts.header, businessDate: '2026-02-30' })],
    ['a header that is not an object', assemble(JSON.parse('"not a header"'), parts.sealed, sogo1.privateKey)],
  ];
  for (const [label, bytes] of headerCases) {
    test(`${label} is refused as "bad-header"`, () => assertRefused(openAsSogo1(bytes), ['bad-header'], label));
  }

  test('wrapped keys swapped between the slots, or ciphertext altered, is refused as "cannot-decrypt"', () => {
    const swapped = Buffer.from(parts.sealed);
    // Slot i starts at 1 + 100·i: an 8-byte key id, then the 92-byte wrapped key.
    parts.sealed.subarray(1 + 8, 101).copy(swapped, 101 + 8);
    parts.sealed.subarray(101 + 8, 201).copy(swapped, 1 + 8);
    const altered = Buffer.from(parts.sealed);
    altered[altered.length - 20]! ^= 1;
    for (const sealed of [swapped, altered]) {
      const bad = resigned(withBody(parts.header, sealed), sealed);
      for (const recipient of [hq, venueKey]) assertRefused(openAsSogo1(bad, recipient), ['cannot-decrypt'], 'resealed');
    }
  });

  test('a sealed body moved under another of the station\'s headers does not open ("cannot-decrypt")', () => {
    for (const change of [{ seq: 8 }, { businessDate: '2026-11-21' }]) {
      const bad = resigned({ ...parts.header, ...change });
      for (const recipient of [hq, venueKey]) assertRefused(openAsSogo1(bad, recipient), ['cannot-decrypt'], JSON.stringify(change));
    }
  });
});
