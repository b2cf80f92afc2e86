import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeReservationNumber, RESERVATION_NUMBER_PATTERN, ReservationNumber } from './reservation-number';
import { contract } from '../ipc/contract';
import { EventPayloads } from '../events/event';
import { parseLedgerRow } from '../ledger/ledger-format';
import { normalizeScannedCode } from '../scanner/scan-assembler';

const ok = (raw: string): string => {
  const r = normalizeReservationNumber(raw);
  assert.ok(r.ok, `expected ${JSON.stringify(raw)} to be accepted, got ${JSON.stringify(r)}`);
  return r.value;
};

describe('normalizeReservationNumber', () => {
  it('keeps the canonical form', () => {
    assert.equal(ok('A1B-123456'), 'A1B-123456');
    assert.equal(ok('000-000000'), '000-000000');
  });

  it('normalises 全角, lower case, missing hyphen and surrounding spaces', () => {
    assert.equal(ok('ＡＢＣ－１２３４５６'), 'ABC-123456');
    assert.equal(ok('ａ１ｂ－１２３４５６'), 'A1B-123456');
    assert.equal(ok('a1b-123456'), 'A1B-123456');
    assert.equal(ok('A1B123456'), 'A1B-123456');
    assert.equal(ok('ａ１ｂ１２３４５６'), 'A1B-123456');
    assert.equal(ok('  A1B-123456\t'), 'A1B-123456');
    assert.equal(ok('\u3000A1B-123456\u3000'), 'A1B-123456');
  });

  it('accepts every dash look-alike as the hyphen', () => {
    for (const dash of ['‐', '‑', '‒', '–', '—', '―', '−', '－', 'ー', 'ｰ', '﹣']) {
      assert.equal(ok(`A1B${dash}123456`), 'A1B-123456', `dash U+${dash.codePointAt(0)?.toString(16)}`);
    }
  });

  it('rejects what is not 3 alphanumerics + 6 digits, with a Japanese reason', () => {
    for (const bad of [
      '',
      '   ',
      'A1-123456',
      'A1BC-123456',
      'A1B-12345',
      'A1B-1234567',
      'A1B-12345X',
      'A1B--123456',
      'A1B 123456',
      'A1B_123456',
      'あいう-123456',
      // toUpperCase would fold these into ASCII; they must not pass as I, S or FF.
      'ıAB-123456',
      'ſAB-123456',
      'ﬀ1-123456',
      'A1B-１２３４５６７',
    ]) {
      const r = normalizeReservationNumber(bad);
      assert.equal(r.ok, false, `expected ${JSON.stringify(bad)} to be rejected`);
      if (!r.ok) assert.match(r.reason, /予約管理番号/);
    }
  });

  it('zod schema ReservationNumber accepts only the canonical form', () => {
    assert.equal(ReservationNumber.safeParse('A1B-123456').success, true);
    assert.equal(ReservationNumber.safeParse('a1b-123456').success, false);
    assert.equal(ReservationNumber.safeParse('A1B123456').success, false);
    assert.equal(ReservationNumber.safeParse(42).success, false);
  });

  it('never throws and always returns a typed result (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (raw) => {
        const r = normalizeReservationNumber(raw);
        if (r.ok) {
          assert.match(r.value, RESERVATION_NUMBER_PATTERN);
          // Idempotent: the canonical form normalises to itself.
          assert.deepEqual(normalizeReservationNumber(r.value), r);
        } else {
          assert.equal(typeof r.reason, 'string');
          assert.ok(r.reason.length > 0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('any way of writing a number normalises to its canonical form (property)', () => {
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    const digit = fc.constantFrom(...'0123456789');
    const canonical = fc
      .tuple(fc.array(alnum, { minLength: 3, maxLength: 3 }), fc.array(digit, { minLength: 6, maxLength: 6 }))
      .map(([a, d]) => `${a.join('')}-${d.join('')}`);
    const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(
        canonical,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('-', '', '‐', '−', '－', 'ー', 'ｰ', '—'),
        fc.constantFrom('', ' ', '\u3000', '\t'),
        (value, lower, wide, dash, space) => {
          let s = value.replace('-', dash);
          if (lower) s = s.toLowerCase();
          if (wide) s = fullWidth(s);
          const r = normalizeReservationNumber(`${space}${s}${space}`);
          assert.deepEqual(r, { ok: true, value });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('one pattern everywhere', () => {
  // Each layer that takes a number from outside (a screen, a station's event, HQ's ledger file, a scanner)
  // must accept exactly the canonical form: a second, slightly different pattern would let a number into
  // one layer that another then refuses.
  const near = fc.array(fc.constantFrom(...'AZaz09-5Ｂ１ｰ '), { minLength: 8, maxLength: 12 }).map((cs) => cs.join(''));
  const canonical = fc.stringMatching(RESERVATION_NUMBER_PATTERN);
  const ledgerRow = (no: string) => [
    no,
    '江東　花子',
    'コウトウ　ハナコ',
    '1990-01-01',
    '東京都江東区東陽四丁目11番28号',
    '東陽',
    4,
    '通常',
    '2026-11-20',
  ];

  it('the IPC contract, the event log, the ledger file and the scanner agree with it', () => {
    fc.assert(
      fc.property(fc.oneof(near, canonical), (no) => {
        const valid = RESERVATION_NUMBER_PATTERN.test(no);
        assert.equal(contract['counter:view'].input.safeParse({ reservationNo: no }).success, valid, 'IPC contract');
        assert.equal(EventPayloads['card.damaged'].safeParse({ reservationNo: no, reason: '券面に傷' }).success, valid, 'event log');
        assert.equal(parseLedgerRow(ledgerRow(no)) !== null, valid, 'ledger file');
        if (valid) assert.deepEqual(normalizeScannedCode(no), { ok: true, reservationNo: no }, 'scanner');
        const n = normalizeReservationNumber(no);
        if (n.ok) assert.match(n.value, RESERVATION_NUMBER_PATTERN, 'normalised');
      }),
      { numRuns: 2000 },
    );
  });
});
