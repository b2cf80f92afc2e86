import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createHidPosDecoder, encodeHidPos, HID_POS_LAYOUTS, HID_POS_VENDORS, type HidPosMessage } from './hid-pos';

/** A Honeywell report written out by hand from tech-notes §1b, independent of encodeHidPos. */
function honeywellReport(data: string, { aim = ']C0', more = false, codeId = 0x6a } = {}): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = 0x02;
  r[1] = data.length;
  for (let i = 0; i < 3; i++) r[2 + i] = aim.charCodeAt(i);
  for (let i = 0; i < data.length; i++) r[5 + i] = data.charCodeAt(i);
  r[61] = codeId;
  r[63] = more ? 0x01 : 0x00;
  return r;
}

function decodeAll(vendor: (typeof HID_POS_VENDORS)[number], reports: Uint8Array[]): HidPosMessage[] {
  const d = createHidPosDecoder(vendor);
  return reports.flatMap((r, i) => d.push(r, 100 + i));
}

describe('HID POS input reports → barcodes', () => {
  it('Honeywell, single report: text, AIM and code ID', () => {
    const [m, ...rest] = decodeAll('honeywell', [honeywellReport('A1B-123456\r')]);
    assert.deepEqual(rest, []);
    assert.deepEqual(m, { text: 'A1B-123456\r', aim: ']C0', codeId: 0x6a, startedAtMs: 100, atMs: 100, reports: 1 });
  });

  it('Honeywell, a 63-byte code over 2 reports is reassembled and emitted only after the last', () => {
    const code = 'MADOGUCHI NOTICE A1B-123456 KOTO-CITY MYNUMBER CARD 2026-11-20X';
    assert.equal(code.length, 63);
    const first = honeywellReport(code.slice(0, 56), { aim: ']Q1', more: true, codeId: 0x73 });
    const second = honeywellReport(code.slice(56), { aim: ']Q1', codeId: 0x73 });
    const d = createHidPosDecoder('honeywell');
    assert.deepEqual(d.push(first, 5), [], 'nothing until the continuation flag clears');
    assert.deepEqual(d.push(second, 9), [{ text: code, aim: ']Q1', codeId: 0x73, startedAtMs: 5, atMs: 9, reports: 2 }]);
  });

  it('the hand-built reports and encodeHidPos agree byte for byte', () => {
    assert.deepEqual(encodeHidPos('A1B-123456\r', 'honeywell'), [honeywellReport('A1B-123456\r')]);
    assert.equal(encodeHidPos('x'.repeat(56), 'honeywell').length, 1);
    assert.equal(encodeHidPos('x'.repeat(57), 'honeywell').length, 2);
  });

  for (const vendor of HID_POS_VENDORS) {
    it(`${vendor}: every AIM position of its layout decodes, single and multi-report`, () => {
      for (const aimAt of HID_POS_LAYOUTS[vendor].aimOffsets) {
        for (const text of ['A1B-123456', 'Z'.repeat(120)]) {
          const reports = encodeHidPos(text, vendor, { aim: ']C0', aimAt });
          const msgs = decodeAll(vendor, reports);
          assert.equal(msgs.length, 1, `${vendor} aim@${aimAt}`);
          assert.equal(msgs[0]?.text, text, `${vendor} aim@${aimAt}`);
          assert.equal(msgs[0]?.aim, ']C0');
          assert.equal(msgs[0]?.reports, reports.length);
        }
      }
    });
  }

  it('Zebra/Datalogic: the `]` one byte later is found; data after it is not shifted', () => {
    const r = new Uint8Array(64);
    r.set([0x02, 4, 0x00, 0x5d, 0x45, 0x30, 0x31, 0x32, 0x33, 0x34], 0); // id, len, (vendor byte), ]E0, "1234"
    assert.deepEqual(
      decodeAll('zebra', [r]).map((m) => [m.aim, m.text]),
      [[']E0', '1234']],
    );
    assert.deepEqual(
      decodeAll('datalogic', [r]).map((m) => [m.aim, m.text]),
      [[']E0', '1234']],
    );
    // Honeywell's table has one AIM position: the same bytes read there are not an AIM.
    assert.deepEqual(
      decodeAll('honeywell', [r]).map((m) => m.aim),
      [null],
    );
  });

  it('a continuation report with empty AIM fields keeps the first report offset', () => {
    const [first, second] = encodeHidPos('Q'.repeat(60), 'zebra', { aimAt: 3 });
    assert.ok(first && second);
    second.fill(0, 2, 6);
    assert.deepEqual(
      decodeAll('zebra', [first, second]).map((m) => m.text),
      ['Q'.repeat(60)],
    );
  });

  it('no AIM identifier (zeros): aim is null and the data is read from its fixed place', () => {
    const r = honeywellReport('4901234567894', { aim: '\0\0\0' });
    assert.deepEqual(
      decodeAll('honeywell', [r]).map((m) => [m.aim, m.text]),
      [[null, '4901234567894']],
    );
  });

  it('ignores other report IDs and short reports, and counts them', () => {
    const d = createHidPosDecoder('honeywell');
    const status = new Uint8Array(64);
    status[0] = 0x04;
    assert.deepEqual(d.push(status, 0), []);
    assert.deepEqual(d.push(honeywellReport('A').subarray(0, 40), 0), []);
    assert.deepEqual(
      d.push(honeywellReport('A'), 0).map((m) => m.text),
      ['A'],
    );
    assert.deepEqual({ ...d.stats() }, { reports: 3, otherReportId: 1, badLength: 1, lengthClamped: 0, overflow: 0 });
  });

  it('a length byte larger than the data area is clamped, not read into the vendor fields', () => {
    const r = honeywellReport('B'.repeat(56));
    r[1] = 0xff;
    const d = createHidPosDecoder('honeywell');
    assert.deepEqual(
      d.push(r, 0).map((m) => m.text),
      ['B'.repeat(56)],
    );
    assert.equal(d.stats().lengthClamped, 1);
  });

  it('a continuation flag that never clears is dropped after 8 KB, and decoding recovers', () => {
    const d = createHidPosDecoder('honeywell');
    const stuck = honeywellReport('C'.repeat(56), { more: true });
    for (let i = 0; i < 200; i++) assert.deepEqual(d.push(stuck, i), []);
    assert.deepEqual(d.push(honeywellReport('end'), 200), []);
    assert.equal(d.stats().overflow, 1);
    assert.deepEqual(
      d.push(honeywellReport('A1B-123456'), 201).map((m) => m.text),
      ['A1B-123456'],
    );
  });

  it('reset() drops a half-received barcode', () => {
    const d = createHidPosDecoder('honeywell');
    d.push(honeywellReport('OLD', { more: true }), 0);
    d.reset();
    assert.deepEqual(
      d.push(honeywellReport('NEW'), 1).map((m) => m.text),
      ['NEW'],
    );
  });

  it('UTF-8 split across two reports decodes whole', () => {
    const text = 'a'.repeat(55) + '窓口';
    const reports = encodeHidPos(text, 'honeywell', { aim: ']Q1' });
    assert.equal(reports.length, 2, 'the first 窓 straddles the report boundary');
    assert.deepEqual(
      decodeAll('honeywell', reports).map((m) => m.text),
      [text],
    );
  });

  it('property: any text round-trips through every vendor layout', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HID_POS_VENDORS), fc.string({ unit: 'grapheme', maxLength: 200 }), (vendor, text) => {
        const msgs = decodeAll(vendor, encodeHidPos(text, vendor));
        assert.deepEqual(
          msgs.map((m) => m.text),
          [text],
        );
      }),
      { numRuns: 150 },
    );
  });
});
