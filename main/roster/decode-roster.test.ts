import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeRosterBytes } from './decode-roster';
import { encodeRoster } from '../testing/roster-bytes';

const sample = '予約管理番号,氏名\r\nA1B-123456,髙橋 ①子\r\n';

describe('decodeRosterBytes', () => {
  it('reads UTF-8, UTF-8 with BOM and CP932 to the same text, naming the encoding', () => {
    assert.deepEqual(decodeRosterBytes(encodeRoster(sample, 'utf-8')), { ok: true, encoding: 'utf-8', text: sample });
    assert.deepEqual(decodeRosterBytes(encodeRoster(sample, 'utf-8-bom')), { ok: true, encoding: 'utf-8-bom', text: sample });
    assert.deepEqual(decodeRosterBytes(encodeRoster(sample, 'cp932')), { ok: true, encoding: 'cp932', text: sample });
  });

  it('calls pure ASCII UTF-8 (identical in both encodings)', () => {
    assert.deepEqual(decodeRosterBytes(new TextEncoder().encode('a,b\n')), { ok: true, encoding: 'utf-8', text: 'a,b\n' });
  });

  it('reports bytes that are neither UTF-8 nor CP932 on their lines, once per line', () => {
    const good = iconv.encode('見出し,列\r\n江東,区\r\n', 'cp932');
    const bytes = Buffer.concat([good, Buffer.from([0x41, 0x82, 0x20, 0xa0, 0x0d, 0x0a, 0x42, 0x0d, 0x0a, 0xfd])]);
    const r = decodeRosterBytes(bytes);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.encoding, 'cp932');
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.code, p.column, p.value]),
      [
        [3, 'encoding', '', 'A\uFFFD \uFFFD'],
        [5, 'encoding', '', '\uFFFD'],
      ],
    );
    assert.match(r.problems[0]?.reason ?? '', /Shift_JIS/);
  });

  it('reports a broken UTF-8 file with a BOM as utf-8-bom, on the right line', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x62, 0xe3, 0x81, 0x0a]);
    const r = decodeRosterBytes(bytes);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.encoding, 'utf-8-bom');
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [2],
    );
  });

  it('refuses UTF-16 with one problem', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const r = decodeRosterBytes(new Uint8Array([...bom, 0x41, 0x00]));
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.encoding, null);
        assert.deepEqual(
          r.problems.map((p) => [p.line, p.code]),
          [[1, 'encoding']],
        );
      }
    }
  });

  it('reads an empty file as empty UTF-8 text', () => {
    assert.deepEqual(decodeRosterBytes(new Uint8Array()), { ok: true, encoding: 'utf-8', text: '' });
  });

  it('handles a Uint8Array view into a larger buffer', () => {
    const whole = Buffer.concat([Buffer.from('xxxx'), iconv.encode('江東区', 'cp932')]);
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 4, whole.byteLength - 4);
    assert.deepEqual(decodeRosterBytes(view), { ok: true, encoding: 'cp932', text: '江東区' });
  });
});
