import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cleanScanText, createScanAssembler, normalizeScannedCode, readBurstScan, type AssembledScan } from './scan-assembler';

/** Feeds one character per timestamp; returns the scans' cleaned text. */
function feed(chars: string, times: (i: number) => number, options = {}): { scans: AssembledScan[]; pending: string } {
  const a = createScanAssembler(options);
  const scans = [...chars].flatMap((c, i) => a.push(c, times(i)));
  return { scans, pending: a.pending() };
}
const every8ms = (i: number) => i * 8;

describe('scan assembler', () => {
  it('Enter, Tab or LF ends a scan; CR LF gives one scan, not an empty second one', () => {
    const { scans, pending } = feed('A1B-123456\rC3D-654321\tE5F-000001\r\nG7H-1', every8ms);
    assert.deepEqual(
      scans.map((s) => [s.text, s.terminator]),
      [
        ['A1B-123456', '\r'],
        ['C3D-654321', '\t'],
        ['E5F-000001', '\r'],
      ],
    );
    assert.equal(pending, 'G7H-1', 'no terminator yet: not a scan');
  });

  it('a terminator with nothing before it is not a scan', () => {
    assert.deepEqual(feed('\r\r\t\n', every8ms).scans, []);
  });

  it('strips a leading AIM identifier (and an ECI designator after it), not one inside the data', () => {
    assert.equal(cleanScanText(']C0A1B-123456'), 'A1B-123456');
    assert.equal(cleanScanText(']E04901234567894'), '4901234567894');
    assert.equal(cleanScanText(']Q2\\000026A1B-123456'), 'A1B-123456');
    assert.equal(cleanScanText('A1B]C0-123456'), 'A1B]C0-123456');
    assert.equal(cleanScanText('\\000026A1B'), '\\000026A1B', 'no AIM: a backslash and digits are data');
    const { scans } = feed(']C0A1B-123456\r', every8ms);
    assert.deepEqual(
      scans.map((s) => [s.text, s.raw]),
      [['A1B-123456', ']C0A1B-123456']],
    );
  });

  it('strips control characters (GS/FNC1, EOT, DEL, C1) wherever they are', () => {
    assert.equal(cleanScanText('\u001dA1B\u0004-12\u007f34\u008556'), 'A1B-123456');
    assert.equal(cleanScanText('\u001d]C0A1B-123456'), 'A1B-123456', 'a control character before the AIM id');
  });

  it('never splits a scan by timing: minute-long gaps still give one scan', () => {
    const { scans } = feed('A1B-123456\r', (i) => i * 60_000);
    assert.deepEqual(
      scans.map((s) => [s.text, s.startedAtMs, s.atMs]),
      [['A1B-123456', 0, 600_000]],
    );
  });

  it('with discardAfterGapMs set, slow typing before a fast scan is thrown away, the scan kept', () => {
    const a = createScanAssembler({ discardAfterGapMs: 200 });
    // A clerk types "zz " a second apart, then the scanner types at 10 ms per key.
    const typing = [...'zz '].flatMap((c, i) => a.push(c, i * 900));
    const scans = [...'A1B-123456\r'].flatMap((c, i) => a.push(c, 5000 + i * 10));
    assert.deepEqual(typing, []);
    assert.deepEqual(
      scans.map((s) => [s.text, s.startedAtMs]),
      [['A1B-123456', 5000]],
    );
    assert.equal(a.stats().discardedChars, 3);
  });

  it('discardIdle() uses the injected clock and does nothing unless configured', () => {
    let now = 0;
    const a = createScanAssembler({ discardAfterGapMs: 200, now: () => now });
    a.push('xy');
    now = 150;
    assert.equal(a.discardIdle(), false);
    now = 201;
    assert.equal(a.discardIdle(), true);
    assert.equal(a.pending(), '');
    const off = createScanAssembler({ now: () => now });
    off.push('xy');
    now = 1e9;
    assert.equal(off.discardIdle(), false, 'default: timing never drops input');
    assert.equal(off.pending(), 'xy');
  });

  it('push() without a timestamp takes the injected clock', () => {
    let now = 42_000;
    const a = createScanAssembler({ now: () => now });
    a.push('A1B-');
    now = 42_100;
    const [scan] = a.push('123456\r');
    assert.deepEqual([scan?.startedAtMs, scan?.atMs], [42_000, 42_100]);
  });

  it('a scan longer than maxLength is dropped whole; the next scan is unaffected', () => {
    const a = createScanAssembler({ maxLength: 16 });
    assert.deepEqual(a.push('X'.repeat(40) + '\r', 0), []);
    assert.equal(a.stats().tooLong, 1);
    assert.deepEqual(
      a.push('A1B-123456\r', 1).map((s) => s.text),
      ['A1B-123456'],
    );
    assert.deepEqual(
      a.push('Y'.repeat(16) + '\r', 2).map((s) => s.text),
      ['Y'.repeat(16)],
      'exactly maxLength is fine',
    );
  });

  it('property: any gaps, any valid number: exactly one scan, normalised to that number', () => {
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    const digit = fc.constantFrom(...'0123456789');
    const number = fc
      .tuple(fc.array(alnum, { minLength: 3, maxLength: 3 }), fc.array(digit, { minLength: 6, maxLength: 6 }))
      .map(([a, d]) => `${a.join('')}-${d.join('')}`);
    fc.assert(
      fc.property(number, fc.boolean(), fc.array(fc.nat({ max: 120_000 }), { minLength: 11, maxLength: 11 }), (no, hyphen, gaps) => {
        const text = (hyphen ? no : no.replace('-', '')) + '\r';
        let t = 0;
        const { scans } = feed(text, (i) => (t += gaps[i] ?? 0));
        assert.equal(scans.length, 1);
        assert.deepEqual(normalizeScannedCode(scans[0]?.text ?? ''), { ok: true, reservationNo: no });
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalizeScannedCode', () => {
  const ok = (text: string) => normalizeScannedCode(text);
  it('accepts the number with or without hyphen, lower case, 全角, with AIM and control noise', () => {
    for (const t of [
      'A1B-123456',
      'A1B123456',
      'a1b-123456',
      'Ａ１Ｂ－１２３４５６',
      ']C0A1B-123456',
      '\u001dA1B-123456',
      ' A1B-123456 ',
    ]) {
      assert.deepEqual(ok(t), { ok: true, reservationNo: 'A1B-123456' }, JSON.stringify(t));
    }
  });

  it('accepts one number standing alone inside a scanner prefix/suffix', () => {
    for (const t of ['*A1B-123456*', 'NO:A1B123456', '予約A1B-123456', 'A1B-123456/2026']) {
      assert.deepEqual(ok(t), { ok: true, reservationNo: 'A1B-123456' }, t);
    }
  });

  it('refuses anything else as malformed', () => {
    for (const t of [
      '',
      'A1B-12345',
      'A1B-1234567',
      'XA1B-123456',
      'A1B-123456 C2D-123456',
      'A1B-12345\uFFFD',
      'A-1"B)2',
      '4901234567894',
    ]) {
      assert.deepEqual(ok(t), { ok: false, reason: 'malformed' }, JSON.stringify(t));
    }
  });
});

describe('readBurstScan', () => {
  it('gives a burst back its first key only when the burst alone is no number and with it is one', () => {
    assert.equal(readBurstScan({ text: 'AV-340148', dropped: 'O' }), 'OAV-340148');
    assert.equal(readBurstScan({ text: 'OAV-340148', dropped: '1' }), 'OAV-340148', 'a stray before a whole scan stays out');
    assert.equal(readBurstScan({ text: 'AV-34', dropped: 'O' }), 'AV-34', 'neither reads: the burst as scanned');
    assert.equal(readBurstScan({ text: 'AV-340148', dropped: '' }), 'AV-340148');
  });
});
