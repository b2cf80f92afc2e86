import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeBootKeyboard } from './boot-keyboard';
import { encodeHidPos } from './hid-pos';
import {
  formatRecording,
  MAX_REPORT_BYTES,
  parseRecording,
  RECORDING_HEADER,
  replayRecording,
  type RecordingProblemCode,
} from './recording';
import { SCANNER_MODE_NAMES, type ScannerMode } from './scanner-mode';

const HEAD = `${RECORDING_HEADER}\n# mode: boot-keyboard layout=us\n`;

function problem(text: string): { line: number; code: RecordingProblemCode; reason: string } {
  const r = parseRecording(text);
  assert.ok(!r.ok, `expected a problem in ${JSON.stringify(text)}`);
  return { line: r.line, code: r.code, reason: r.reason };
}

const modes: ScannerMode[] = [
  { kind: 'boot-keyboard', layout: 'us' },
  { kind: 'boot-keyboard', layout: 'jis' },
  { kind: 'hid-pos', vendor: 'honeywell' },
  { kind: 'hid-pos', vendor: 'zebra' },
  { kind: 'hid-pos', vendor: 'datalogic' },
];

describe('recording format', () => {
  it('round trip: format then parse gives back mode, reports and comments', () => {
    const reports = encodeBootKeyboard('A1B-123456\r', 'jis', { reportId: 1 }).map((bytes, i) => ({ atMs: i * 8, bytes }));
    const text = formatRecording({ mode: modes[1]!, reports, comments: ['device: 05e0:1200', 'two\nlines'] });
    assert.match(
      text,
      /^# madoguchi-hid-recording v1\n# mode: boot-keyboard layout=jis\n# device: 05e0:1200\n# two lines\n0 01 02 00 04 00 00 00 00 00\n8 01 00 00 00 00 00 00 00 00\n/,
    );
    const parsed = parseRecording(text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.mode, modes[1]);
    assert.deepEqual(parsed.reports, reports);
    assert.deepEqual(parsed.comments, ['device: 05e0:1200', 'two lines']);
  });

  it('property: any mode and reports round-trip', () => {
    const report = fc.record({ gap: fc.nat({ max: 100_000 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 80 }) });
    fc.assert(
      fc.property(fc.constantFrom(...modes), fc.array(report, { maxLength: 30 }), (mode, rs) => {
        let t = 0;
        const reports = rs.map((r) => ({ atMs: (t += r.gap), bytes: r.bytes }));
        const parsed = parseRecording(formatRecording({ mode, reports }));
        assert.ok(parsed.ok);
        assert.deepEqual([parsed.mode, parsed.reports], [mode, reports]);
      }),
      { numRuns: 150 },
    );
  });

  it('is lenient with what people and editors do: BOM, CRLF, blank lines, upper case, bytes with or without spaces', () => {
    const text = `\uFEFF${RECORDING_HEADER}\r\n# mode:   hid-pos vendor=zebra\r\n\r\n0 02 0A\r\n  5   02000a   \r\n12.5 FFfe\r\n`;
    const parsed = parseRecording(text);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.mode, { kind: 'hid-pos', vendor: 'zebra' });
    assert.deepEqual(
      parsed.reports.map((r) => [r.atMs, [...r.bytes]]),
      [
        [0, [2, 10]],
        [5, [2, 0, 10]],
        [12.5, [255, 254]],
      ],
    );
  });

  it('reports each kind of bad file with its line number', () => {
    const cases: Array<[string, number, RecordingProblemCode, RegExp]> = [
      ['', 1, 'bad-header', /madoguchi-hid-recording v1/],
      ['0 00 00\n', 1, 'bad-header', /スキャナ記録ファイルではありません/],
      ['# madoguchi-hid-recording v2\n# mode: boot-keyboard layout=us\n', 1, 'unsupported-version', /v2/],
      [`${RECORDING_HEADER}\n`, 2, 'bad-mode', /# mode:/],
      [`${RECORDING_HEADER}\n# mode: boot-keyboard layout=de\n`, 2, 'bad-mode', /boot-keyboard layout=jis/],
      [`${RECORDING_HEADER}\n# mode: hid-pos vendor=acme\n`, 2, 'bad-mode', /hid-pos vendor=honeywell/],
      [`${HEAD}0 00\nabc 00 11\n`, 4, 'bad-time', /「abc」/],
      [`${HEAD}-5 00\n`, 3, 'bad-time', /「-5」/],
      [`${HEAD}0 00\n\n8 00 0g 00\n`, 5, 'bad-hex', /「g」/],
      [`${HEAD}0 000\n`, 3, 'odd-digits', /「000」/],
      [`${HEAD}0 0 4\n`, 3, 'odd-digits', /1バイトは2桁/],
      [`${HEAD}0\n`, 3, 'empty-report', /16進/],
      [`${HEAD}0 ${'00'.repeat(MAX_REPORT_BYTES + 1)}\n`, 3, 'report-too-long', /1025 バイト/],
      [`${HEAD}0 00\n10 00\n# note\n9 00\n`, 6, 'time-backwards', /9 ms.*10 ms/],
    ];
    for (const [text, line, code, reason] of cases) {
      const p = problem(text);
      assert.deepEqual([p.line, p.code], [line, code], JSON.stringify(text.slice(0, 80)));
      assert.match(p.reason, reason, p.reason);
    }
  });

  it('accepts exactly MAX_REPORT_BYTES and the short mode form on the mode line', () => {
    const r = parseRecording(`${RECORDING_HEADER}\n# mode: hid-pos:datalogic\n0 ${'ab'.repeat(MAX_REPORT_BYTES)}\n`);
    assert.ok(r.ok);
    assert.equal(r.reports[0]?.bytes.length, MAX_REPORT_BYTES);
    assert.equal(SCANNER_MODE_NAMES.length, 5);
  });

  it('property: arbitrary text never throws, and a failure always names a line inside the text', () => {
    const fragments = [
      RECORDING_HEADER,
      '# mode: boot-keyboard layout=us',
      '# mode: hid-pos vendor=zebra',
      '#',
      '0',
      '12',
      '1e9',
      '-1',
      ' ',
      '\n',
      '\r\n',
      '00',
      '0',
      'ff',
      'zz',
      '\uFEFF',
      '\u0000',
      '窓',
    ];
    const soup = fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), soup), (text) => {
        const r = parseRecording(text);
        if (!r.ok) {
          assert.ok(r.line >= 1 && r.line <= Math.max(2, text.split('\n').length), `line ${r.line}`);
          assert.ok(r.reason.length > 0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('replay decodes through the live decoder: keyboard and HID POS', () => {
    const keyboard = encodeBootKeyboard('A1B-123456\rC3D-65', 'us').map((bytes, i) => ({ atMs: i, bytes }));
    const k = replayRecording({ mode: modes[0]!, reports: keyboard });
    assert.deepEqual(
      k.scans.map((s) => s.text),
      ['A1B-123456'],
    );
    assert.equal(k.pending, 'C3D-65');
    const pos = encodeHidPos(']C0A1B-123456\r', 'honeywell', { aim: ']C0' }).map((bytes, i) => ({ atMs: i, bytes }));
    const h = replayRecording({ mode: modes[2]!, reports: pos });
    assert.deepEqual(
      h.scans.map((s) => [s.text, s.aim]),
      [['A1B-123456', ']C0']],
    );
  });
});
