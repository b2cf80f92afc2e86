import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { keyIdOf } from '../crypto/key-files';
import { encodeSyncFile, fileSha256, openSyncFile, peekSyncHeader, sealAndSignSyncFile, verifySyncFile } from './sync-file';
import { MAX_SYNC_FILE_BYTES, type SyncBody, type SyncEvent, type SyncFileInput } from './sync-file-format';

const STATION = 'sogo-counter-1';
const expected = { venue: 'sogo', stationId: STATION } as const;
const station = generateKeyPairSync('ed25519');
const signingKey = { keyId: keyIdOf(station.publicKey), privateKey: station.privateKey };
const x25519 = () => {
  const k = generateKeyPairSync('x25519');
  return { keyId: keyIdOf(k.publicKey), ...k };
};
const hq = x25519();
const venueKey = x25519();
const outsider = x25519();

let nextId = 0;
function ev(seq: number, kind: SyncEvent['kind'], payload: object, subject: string | null = null, stationId = STATION): SyncEvent {
  const id = (++nextId).toString(16).padStart(32, '0');
  return { id, stationId, seq, clientTime: `2026-11-20T0${seq % 10}:00:00.000Z`, actor: 'clerk1', kind, subject, payload } as SyncEvent;
}
const idCheck = { path: 'self', documents: ['drivers-license'], proxy: null, surrendered: ['notice-card'], pin: 'pins-set' };
const events = [
  ev(1, 'receipt.card-received', { reservationNo: 'T00-000001', checkId: 'chk-1' }, 'T00-000001'),
  ev(2, 'handover.recorded', { reservationNo: 'T00-000001', idCheck }, 'T00-000001'),
  ev(3, 'handover.refused', { reservationNo: 'T00-000002', reason: '本人確認書類の不足（写真なし1点のみ）' }, 'T00-000002'),
  ev(5, 'card.damaged', { reservationNo: 'T00-000003', reason: 'ICチップ破損' }, 'T00-000003'),
];
const body: SyncBody = {
  events,
  claimed: { shipped: 3, received: 3, handedOver: 1, outstanding: 1, returned: 0, refusals: 1, damaged: 1 },
  knownThrough: { 'sogo-counter-1': 5, 'sogo-counter-2': 17 },
  accessHead: { seq: 42, sha256: 'ab'.repeat(32) },
  accessLink: { from: { seq: 40, sha256: 'cd'.repeat(32) }, digests: ['01'.repeat(32), '02'.repeat(32)] },
};
const input: SyncFileInput = {
  venue: 'sogo',
  stationId: STATION,
  seq: 3,
  businessDate: '2026-11-20',
  createdAt: '2026-11-20T18:05:00.000+09:00',
  prevSha256: 'cd'.repeat(32),
  signingKey,
  recipients: [hq, venueKey],
  body,
};
const file = encodeSyncFile(input);
const openAs = (bytes: Uint8Array, recipient = hq) => openSyncFile(bytes, { stationPublicKey: station.publicKey, expected, recipient });

describe('station sync file: round trip and API', () => {
  test('HQ and the venue each read back exactly the header and body the station wrote', () => {
    const byHq = openAs(file, hq);
    const byVenue = openAs(file, venueKey);
    assert.ok(byHq.ok, JSON.stringify(!byHq.ok && byHq.error));
    assert.ok(byVenue.ok, JSON.stringify(!byVenue.ok && byVenue.error));
    assert.deepEqual(byHq.value.body, body);
    assert.deepEqual(byVenue.value, byHq.value);
    const h = byHq.value.header;
    assert.deepEqual(
      [h.format, h.version, h.venue, h.stationId, h.seq, h.businessDate, h.createdAt, h.prevSha256, h.stationKeyId],
      ['madoguchi-station-sync', 1, 'sogo', STATION, 3, '2026-11-20', input.createdAt, input.prevSha256, signingKey.keyId],
    );
    assert.deepEqual(h.recipients, [{ keyId: hq.keyId }, { keyId: venueKey.keyId }]);
    assert.equal(byHq.value.fileSha256, fileSha256(file));
  });

  test('a key that is not a recipient gets "not-a-recipient", naming its key id', () => {
    const r = openAs(file, outsider);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'not-a-recipient');
    assert.ok(r.error.message.includes(outsider.keyId));
  });

  test('nothing of the body is readable in the file without a recipient key', () => {
    const text = file.toString('latin1') + file.toString('utf8');
    for (const s of ['T00-000001', 'clerk1', '本人確認書類', 'ICチップ', 'handover', 'chk-1'])
      assert.ok(!text.includes(s), `file leaks ${s}`);
  });

  test('peek gives only who the file claims to come from, for the key lookup', () => {
    assert.deepEqual(peekSyncHeader(file), {
      ok: true,
      value: { venue: 'sogo', stationId: STATION, seq: 3, stationKeyId: signingKey.keyId },
    });
    const r = peekSyncHeader(Buffer.from('予約管理番号,氏名\n'));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'not-a-sync-file');
  });

  test('verify alone needs only the station public key and exposes the header', () => {
    const r = verifySyncFile(file, station.publicKey, expected);
    assert.ok(r.ok);
    assert.equal(r.value.header.seq, 3);
    assert.equal(r.value.fileSha256, fileSha256(file));
  });

  test('an empty day with no access record yet, and a first file with no predecessor', () => {
    const empty: SyncBody = {
      events: [],
      claimed: { ...body.claimed },
      knownThrough: {},
      accessHead: null,
      accessLink: { from: null, digests: [] },
    };
    const r = openAs(encodeSyncFile({ ...input, seq: 1, prevSha256: null, recipients: [hq], body: empty }));
    assert.ok(r.ok);
    assert.deepEqual(r.value.body, empty);
    assert.equal(r.value.header.prevSha256, null);
  });

  test('property: any well-formed body round-trips for every recipient', () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 100 });
    const count = fc.nat({ max: 100_000 });
    const arbBody = fc.record(
      {
        refusals: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 1000 }), actor: text, reason: text }, { noNullPrototype: true }), {
          maxLength: 8,
        }),
        claimed: fc.record(
          { shipped: count, received: count, handedOver: count, outstanding: count, returned: count, refusals: count, damaged: count },
          { noNullPrototype: true },
        ),
        accessHead: fc.option(fc.record({ seq: count, sha256: fc.stringMatching(/^[0-9a-f]{64}$/) }, { noNullPrototype: true })),
      },
      { noNullPrototype: true },
    );
    fc.assert(
      fc.property(arbBody, ({ refusals, claimed, accessHead }) => {
        let seq = 0;
        const list = refusals.map(({ gap, actor, reason }) => ({
          ...ev((seq += gap), 'handover.refused', { reservationNo: 'ABC-123456', reason }, 'ABC-123456'),
          actor,
        }));
        const b: SyncBody = {
          events: list,
          claimed,
          knownThrough: { 'sogo-counter-1': seq },
          accessHead,
          accessLink: { from: null, digests: [] },
        };
        const bytes = encodeSyncFile({ ...input, body: b });
        for (const recipient of [hq, venueKey]) {
          const r = openAs(bytes, recipient);
          assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
          assert.deepEqual(r.value.body, b);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('encoding refuses what a reader would refuse, instead of publishing it', () => {
    assert.throws(
      () =>
        encodeSyncFile({
          ...input,
          body: { ...body, events: [ev(1, 'card.damaged', { reservationNo: 'T00-000003', reason: 'x' }, null, 'other-station')] },
        }),
      /別の端末/,
    );
    assert.throws(() => encodeSyncFile({ ...input, body: { ...body, events: [events[1]!, events[0]!] } }), /連番/);
    assert.throws(() => encodeSyncFile({ ...input, businessDate: '2026-02-30' }));
    assert.throws(() => encodeSyncFile({ ...input, venue: 'shibuya' as 'sogo' }));
    assert.throws(() => encodeSyncFile({ ...input, recipients: [] }));
    assert.throws(() => encodeSyncFile({ ...input, recipients: [hq, hq] }));
    assert.throws(() => encodeSyncFile({ ...input, recipients: [{ keyId: venueKey.keyId, publicKey: hq.publicKey }] }));
    assert.throws(() => encodeSyncFile({ ...input, signingKey: { keyId: hq.keyId, privateKey: station.privateKey } }));
  });

  test('garbage, empty, foreign and oversized files are refused with a code', () => {
    for (const bytes of [
      Buffer.alloc(0),
      Buffer.from('MADOGUCHI-LEDGER 1\nsignature: x\n'),
      Buffer.from('MADOGUCHI-SYNC 2\nsignature: \n'),
      Buffer.from('{"format":"madoguchi-station-sync"}'),
    ]) {
      const r = openAs(bytes);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'not-a-sync-file');
    }
    const huge = new Uint8Array(MAX_SYNC_FILE_BYTES + 1);
    const r = openAs(huge);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'too-large');
  });
});

describe('a body the station signed and sealed properly but wrote wrongly is refused as "bad-body"', () => {
  const signedBody = (content: unknown) =>
    sealAndSignSyncFile({ ...input, body: Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content)) });
  const withEvents = (list: unknown[]) => signedBody({ ...body, events: list });
  const e0 = events[0]!;
  const cases: [string, Buffer, RegExp?][] = [
    ['an unknown event kind', withEvents([{ ...e0, kind: 'card.teleported' }]), /1件目/],
    [
      'a payload that does not match its kind',
      withEvents([e0, { ...events[1]!, payload: { reservationNo: 'T00-000001' } }]),
      /2件目.*handover\.recorded/,
    ],
    [
      'a payload with a field its kind does not have',
      withEvents([{ ...e0, payload: { ...(e0.payload as object), name: '試験　太郎' } }]),
      /1件目/,
    ],
    ["another kind's payload", withEvents([{ ...e0, kind: 'card.returned' }]), /1件目/],
    ['events out of order', withEvents([events[1], events[0]]), /2件目.*連番/],
    ['two events with the same seq', withEvents([e0, { ...events[1]!, seq: e0.seq }]), /連番/],
    ['an event of another station', withEvents([e0, { ...events[1]!, stationId: 'toyosu-counter-1' }]), /2件目.*別の端末/],
    ['a duplicated event id', withEvents([e0, { ...events[1]!, id: e0.id }]), /重複/],
    ['an event with an extra field', withEvents([{ ...e0, name: '試験　太郎' }]), /1件目/],
    ['a client time that is not ISO', withEvents([{ ...e0, clientTime: '令和8年11月20日' }]), /1件目/],
    ['an actor over 100 characters', withEvents([{ ...e0, actor: 'a'.repeat(101) }]), /1件目/],
    ['a fractional seq', withEvents([{ ...e0, seq: 1.5 }]), /1件目/],
    ['a negative claimed count', signedBody({ ...body, claimed: { ...body.claimed, refusals: -1 } }), /申告件数/],
    ['a claimed count missing', signedBody({ ...body, claimed: { ...body.claimed, damaged: undefined } }), /申告件数/],
    ['an access head that is not a hash', signedBody({ ...body, accessHead: { seq: 1, sha256: 'zz' } })],
    ['an extra top-level field', signedBody({ ...body, residents: [] })],
    ['a body that is not an object', signedBody([])],
    ['a body that is not JSON', signedBody(Buffer.from('氏名,住所\n')), /読み取れません/],
    ['a body that is not UTF-8', signedBody(Buffer.from([0x22, 0xff, 0xfe, 0x22])), /読み取れません/],
  ];
  for (const [label, bytes, message] of cases) {
    test(label, () => {
      for (const recipient of [hq, venueKey]) {
        const r = openAs(bytes, recipient);
        assert.ok(!r.ok, `${label} was accepted`);
        assert.equal(r.error.code, 'bad-body', r.error.message);
        if (message) assert.match(r.error.message, message);
      }
    });
  }
});
