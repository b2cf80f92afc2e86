import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openLedgerFile, sealAndSign, verifyLedgerFile } from './ledger-file';
import { LEDGER_COLUMNS } from '../../shared/ledger/ledger-format';
import { cards, ledgerBytes, testKeys } from '../testing/fixtures';
import { generateKeyPair } from '../crypto/key-files';

const keys = testKeys();
const small = cards(1, 3);
const file = ledgerBytes(keys, 'toyosu', 'S2026-11-20', small);
const open = (bytes: Uint8Array) => openLedgerFile(bytes, { venueKey: keys.venues.toyosu, hqKey: keys.hq });

describe('shipment ledger file', () => {
  test('round trip: the venue reads back exactly the cards HQ wrote, with the header', () => {
    const r = open(file);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(r.value.cards, small);
    assert.equal(r.value.header.venue, 'toyosu');
    assert.equal(r.value.header.shipmentId, 'S2026-11-20');
    assert.equal(r.value.header.rowCount, 3);
    assert.equal(r.value.header.hqKeyId, keys.hq.keyId);
  });

  test('no personal data is readable in the file without the venue key', () => {
    const text = file.toString('latin1') + file.toString('utf8');
    for (const c of small) {
      for (const value of [c.name, c.kana, c.address, c.reservationNo, c.birthDate]) {
        assert.ok(!text.includes(value), `file leaks ${value}`);
      }
    }
  });

  test('every single flipped byte is rejected, and no cards are released', () => {
    let rejected = 0;
    for (let i = 0; i < file.length; i++) {
      const bad = Buffer.from(file);
      bad[i] = bad[i]! ^ 0x01;
      const r = open(bad);
      assert.equal(r.ok, false, `flip at byte ${i} of ${file.length} was accepted`);
      rejected++;
    }
    assert.equal(rejected, file.length);
  });

  test('truncation anywhere is rejected; cut in the body says the file is cut short', () => {
    for (let len = 0; len < file.length; len += 7) {
      const r = open(file.subarray(0, len));
      assert.equal(r.ok, false, `truncated to ${len} accepted`);
    }
    const r = open(file.subarray(0, file.length - 100));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'truncated');
    assert.match(r.error.message, /途中で切れて/);
  });

  test('a ledger for another venue is refused, naming the venue it is for', () => {
    const r = openLedgerFile(file, { venueKey: keys.venues.sogo, hqKey: keys.hq });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'wrong-venue');
    assert.match(r.error.message, /豊洲シビックセンター宛て/);
  });

  test('the right venue but another key (e.g. a re-provisioned station) is refused with both key ids', () => {
    const other = generateKeyPair('venue', 'toyosu');
    const r = openLedgerFile(file, { venueKey: other, hqKey: keys.hq });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'wrong-key');
    assert.ok(r.error.message.includes(other.keyId) && r.error.message.includes(keys.venues.toyosu.keyId));
  });

  test('a ledger signed by another HQ key is refused before anything is parsed', () => {
    const impostor = generateKeyPair('hq', null);
    const forged = ledgerBytes({ ...keys, hq: impostor }, 'toyosu', 'S2026-11-20', small);
    const r = open(forged);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'bad-signature');
    assert.ok(r.error.message.includes(impostor.keyId));
  });

  test('garbage, empty and foreign files are "not a ledger"', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('予約管理番号,氏名\n'), Buffer.from('MADOGUCHI-LEDGER 2\n')]) {
      const r = open(bytes);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'not-a-ledger');
    }
  });

  test('verify alone (inspect) needs only the HQ public key and exposes the header', () => {
    const r = verifyLedgerFile(file, keys.hq);
    assert.ok(r.ok);
    assert.equal(r.value.header.rowCount, 3);
    assert.match(r.value.fileSha256, /^[0-9a-f]{64}$/);
  });

  describe('a body HQ signed but wrote wrongly is still refused, naming the row, and releases no cards', () => {
    const good = (n: number) => LEDGER_COLUMNS.map((k) => small[n]![k]);
    const signedBody = (rows: unknown[], extra: Record<string, unknown> = {}, rowCount = rows.length) =>
      sealAndSign({
        venueKey: keys.venues.toyosu,
        hqKey: keys.hq,
        shipmentId: 'S2026-11-20',
        createdAt: '2026-11-20T09:00:00.000+09:00',
        rowCount,
        body: Buffer.from(
          JSON.stringify({ venue: 'toyosu', shipmentId: 'S2026-11-20', columns: LEDGER_COLUMNS, rows, elsewhere: [], ...extra }),
        ),
      });
    const cases: [string, Buffer, RegExp][] = [
      ['bad reservation number in row 2', signedBody([good(0), ['abc-1', ...good(1).slice(1)]]), /2行目/],
      ['name over 100 characters', signedBody([good(0), good(1), [good(2)[0], 'あ'.repeat(101), ...good(2).slice(2)]]), /3行目/],
      ['unknown notice type', signedBody([[...good(0).slice(0, 7), '臨時', good(0)[8]]]), /1行目/],
      ['丁目 out of range', signedBody([[...good(0).slice(0, 6), 12, ...good(0).slice(7)]]), /1行目/],
      ['a duplicated reservation number', signedBody([good(0), good(0)]), /重複/],
      ['row count differs from the header', signedBody([good(0)], {}, 2), /件数/],
      ['other-venue list names this venue', signedBody([good(0)], { elsewhere: [['ZZZ-000001', 'toyosu']] }), /他会場/],
      ['body names another shipment', signedBody([good(0)], { shipmentId: 'OTHER' }), /出荷ID/],
      [
        'body is not JSON',
        sealAndSign({
          venueKey: keys.venues.toyosu,
          hqKey: keys.hq,
          shipmentId: 'S2026-11-20',
          createdAt: '2026-11-20T09:00:00.000+09:00',
          rowCount: 0,
          body: Buffer.from('氏名,住所\n'),
        }),
        /読み取れません/,
      ],
    ];
    for (const [label, bytes, message] of cases) {
      test(label, () => {
        const r = open(bytes);
        assert.ok(!r.ok, `${label} was accepted`);
        assert.equal(r.error.code, 'bad-body');
        assert.match(r.error.message, message);
      });
    }
  });
});
