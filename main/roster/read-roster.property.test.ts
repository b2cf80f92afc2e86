// Property tests of readRoster: it never throws whatever the bytes, its results are always
// well-formed, valid rosters round-trip in every encoding, and every corrupted row is reported
// on its own line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { daysInMonth, ERAS } from '../../shared/roster/japanese-date';
import { ROSTER_COLUMNS, ROSTER_COLUMN_KEYS } from '../../shared/roster/roster-columns';
import type { RosterColumnKey } from '../../shared/roster/roster-columns';
import { readRoster } from './read-roster';
import type { RosterProblemCode, RosterReadResult, RosterRow } from './read-roster';
import { encodeRoster, recordLines, STANDARD_HEADER, writeCsv } from '../testing/roster-bytes';
import { RESERVATION_NUMBER_PATTERN } from '../../shared/roster/reservation-number';

const TODAY = '2025-06-01';
const CODES: readonly RosterProblemCode[] = [
  'encoding',
  'not-csv',
  'missing-column',
  'duplicate-column',
  'missing-field',
  'bad-reservation-number',
  'duplicate-reservation-number',
  'bad-date',
  'bad-notice-type',
  'too-long',
  'control-character',
  'too-many-rows',
  'wrong-field-count',
];

/** Whatever came back is one of the two typed shapes, with sane problems sorted by line. */
function assertWellFormed(r: RosterReadResult): void {
  assert.equal(typeof r.ok, 'boolean');
  if (r.ok) {
    assert.ok(['utf-8', 'utf-8-bom', 'cp932'].includes(r.encoding));
    for (const row of r.rows) {
      assert.ok(Number.isInteger(row.line) && row.line >= 2);
      assert.match(row.reservationNo, RESERVATION_NUMBER_PATTERN);
      assert.match(row.birthDate, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(row.shippedOn, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(row.noticeType === '通常' || row.noticeType === '再発行');
    }
    return;
  }
  assert.ok(r.encoding === null || ['utf-8', 'utf-8-bom', 'cp932'].includes(r.encoding));
  assert.ok(r.problems.length > 0);
  let previous = 0;
  for (const p of r.problems) {
    assert.ok(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`);
    assert.ok(p.line >= previous, 'sorted by line');
    previous = p.line;
    assert.ok(CODES.includes(p.code), p.code);
    assert.equal(typeof p.column, 'string');
    assert.equal(typeof p.value, 'string');
    assert.ok(p.value.length <= 101);
    assert.ok(p.reason.length > 0);
  }
}

describe('readRoster never throws (properties)', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        assertWellFormed(readRoster(bytes, { today: TODAY }));
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary text under a valid header, in every encoding', () => {
    const header = `${STANDARD_HEADER.join(',')}\r\n`;
    const body = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({
        unit: fc.constantFrom(
          'A1B-123456',
          ',',
          '"',
          '\r\n',
          '\n',
          '江東',
          'ｺｳﾄｳ',
          'S58.4.1',
          '通常',
          '再発行',
          '2025-04-01',
          ' ',
          '\u0007',
          '\uE000',
        ),
        maxLength: 60,
      }),
    );
    fc.assert(
      fc.property(body, fc.constantFrom('utf-8', 'utf-8-bom', 'cp932' as const), (text, encoding) => {
        assertWellFormed(readRoster(encodeRoster(header + text, encoding), { today: TODAY }));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- Generators of valid rosters, written the many ways the ward's files write them --------

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const KANJI = [...'江東区山田太郎花子髙﨑鈴木佐藤一二三豊洲大島砂町亀戸'];
const KATAKANA = [...'アイウエオカキクケコガギグサシスセソザタチツテトダナニヌネノハヒフヘホバパマミムメモヤユヨラリルレロワンャュョッー'];
/** 半角 spelling of each katakana used, built through NFKC so it cannot drift from the reader. */
const HALF: Record<string, string> = {};
for (let c = 0xff66; c <= 0xff9d; c++) {
  for (const mark of ['', '\uFF9E', '\uFF9F']) {
    const half = String.fromCharCode(c) + mark;
    const full = half.normalize('NFKC');
    if (full.length === 1 && HALF[full] === undefined) HALF[full] = half;
  }
}
assert.ok(
  KATAKANA.every((k) => HALF[k] !== undefined),
  'every generated katakana has a 半角 spelling',
);
const toHiragana = (s: string): string => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const toHalf = (s: string): string => [...s].map((c) => (c === '\u3000' ? ' ' : (HALF[c] ?? c))).join('');
const toWide = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const word = (chars: readonly string[], max: number) => fc.array(pick(chars), { minLength: 1, maxLength: max }).map((a) => a.join(''));

interface Written {
  expected: Omit<RosterRow, 'line'>;
  /** Canonical key → text as written in the file. */
  written: Record<RosterColumnKey, string>;
}

const isoOf = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dateBetween = (fromYear: number, toIso: string) =>
  fc
    .tuple(fc.integer({ min: fromYear, max: Number(toIso.slice(0, 4)) }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= daysInMonth(y, m) && isoOf(y, m, d) <= toIso)
    .map(([y, m, d]) => ({ y, m, d, iso: isoOf(y, m, d) }));

/** A date written as 西暦 or as 和暦 of its own era, in one of the accepted forms. */
const writtenDate = (fromYear: number) =>
  fc.tuple(dateBetween(fromYear, TODAY), fc.integer({ min: 0, max: 7 }), fc.boolean()).map(([{ y, m, d, iso }, form, wide]) => {
    const era = [...ERAS].reverse().find((e) => iso >= e.start);
    const ey = era ? y - era.firstYear + 1 : 0;
    const p2 = (n: number): string => String(n).padStart(2, '0');
    const forms = [
      iso,
      `${y}/${m}/${d}`,
      `${y}.${m}.${d}`,
      `${y}${p2(m)}${p2(d)}`,
      `${y}年${m}月${d}日`,
      era ? `${era.name}${ey === 1 ? '元' : ey}年${m}月${d}日` : iso,
      era ? `${era.initial}${ey}.${m}.${d}` : iso,
      era ? `${era.initial.toLowerCase()}${ey}/${m}/${d}` : iso,
    ];
    const text = forms[form] ?? iso;
    return { iso, text: wide ? toWide(text) : text };
  });

const rowArb = (reservationNo: string): fc.Arbitrary<Written> =>
  fc
    .record({
      noForm: fc.integer({ min: 0, max: 3 }),
      name: fc.tuple(word(KANJI, 4), fc.option(word(KANJI, 4), { nil: undefined }), pick([' ', '\u3000'])),
      kanaWords: fc.array(word(KATAKANA, 6), { minLength: 1, maxLength: 2 }),
      kanaForm: fc.integer({ min: 0, max: 2 }),
      addressWords: fc.array(word([...KANJI, ...'0123456789-丁目番号,"'], 8), { minLength: 1, maxLength: 3 }),
      addressSeparator: pick([' ', '\u3000', '\n', '\r\n']),
      birth: writtenDate(1900),
      notice: pick(['通常', '再発行'] as const),
      shipped: writtenDate(2016),
    })
    .map((g) => {
      const noForms = [reservationNo, reservationNo.toLowerCase(), reservationNo.replace('-', ''), toWide(reservationNo.toLowerCase())];
      const name = g.name[1] === undefined ? g.name[0] : `${g.name[0]}${g.name[2]}${g.name[1]}`;
      const kana = g.kanaWords.join('\u3000');
      const kanaForms = [kana, toHiragana(kana), toHalf(kana)];
      const addressSeparatorExpected = g.addressSeparator === '\u3000' ? '\u3000' : ' ';
      return {
        expected: {
          reservationNo,
          name,
          kana,
          birthDate: g.birth.iso,
          address: g.addressWords.join(addressSeparatorExpected),
          noticeType: g.notice,
          shippedOn: g.shipped.iso,
        },
        written: {
          reservationNo: noForms[g.noForm] ?? reservationNo,
          name,
          kana: kanaForms[g.kanaForm] ?? kana,
          birthDate: g.birth.text,
          address: g.addressWords.join(g.addressSeparator),
          noticeType: g.notice,
          shippedOn: g.shipped.text,
        },
      };
    });

const reservationNumbers = fc.uniqueArray(
  fc
    .tuple(fc.array(pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789']), { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 999_999 }))
    .map(([a, n]) => `${a.join('')}-${String(n).padStart(6, '0')}`),
  { minLength: 1, maxLength: 12 },
);

/** A whole valid roster: header spellings, column order and an extra column vary. */
const rosterArb = reservationNumbers.chain((numbers) =>
  fc.record({
    rows: fc.tuple(...numbers.map(rowArb)),
    headers: fc.tuple(...ROSTER_COLUMNS.map((c) => pick(c.headers))),
    order: fc.shuffledSubarray([...ROSTER_COLUMN_KEYS, 'extra' as const], { minLength: 8, maxLength: 8 }),
    encoding: pick(['utf-8', 'utf-8-bom', 'cp932'] as const),
    lineBreak: pick(['\r\n', '\n'] as const),
    quoteAll: fc.boolean(),
  }),
);

type Roster = typeof rosterArb extends fc.Arbitrary<infer T> ? T : never;

function recordsOf(roster: Roster): string[][] {
  const headerOf = (key: RosterColumnKey | 'extra'): string =>
    key === 'extra' ? '備考' : (roster.headers[ROSTER_COLUMN_KEYS.indexOf(key)] ?? key);
  return [
    roster.order.map(headerOf),
    ...roster.rows.map((row) => roster.order.map((key) => (key === 'extra' ? '任意のメモ' : row.written[key]))),
  ];
}

describe('readRoster round trip (property)', () => {
  it('any valid roster, written in any encoding and style, reads back to the rows it was made from', () => {
    fc.assert(
      fc.property(rosterArb, (roster) => {
        const records = recordsOf(roster);
        const text = writeCsv(records, { lineBreak: roster.lineBreak, quoteAll: roster.quoteAll });
        const r = readRoster(encodeRoster(text, roster.encoding), { today: TODAY });
        assert.ok(r.ok, JSON.stringify(r.ok ? null : r.problems));
        assert.equal(r.encoding, roster.encoding);
        const lines = recordLines(records);
        assert.deepEqual(
          r.rows,
          roster.rows.map((row, i) => ({ line: lines[i + 1], ...row.expected })),
        );
      }),
      { numRuns: 300 },
    );
  });
});

// ---- Corruption: every corrupted row is reported on its line, and only those ------------------

const CORRUPTIONS: readonly { key: RosterColumnKey; value: string; code: RosterProblemCode }[] = [
  { key: 'reservationNo', value: 'AB-12345', code: 'bad-reservation-number' },
  { key: 'reservationNo', value: '', code: 'missing-field' },
  { key: 'name', value: '', code: 'missing-field' },
  { key: 'name', value: '江'.repeat(101), code: 'too-long' },
  { key: 'name', value: '江\u0001東', code: 'control-character' },
  { key: 'kana', value: 'ア'.repeat(101), code: 'too-long' },
  { key: 'kana', value: 'ア\nイ', code: 'control-character' },
  { key: 'birthDate', value: '昭和64年1月8日', code: 'bad-date' },
  { key: 'birthDate', value: '2099-01-01', code: 'bad-date' },
  { key: 'birthDate', value: '1983-02-29', code: 'bad-date' },
  { key: 'address', value: '区'.repeat(201), code: 'too-long' },
  { key: 'address', value: '江東区\u007F', code: 'control-character' },
  { key: 'noticeType', value: '再', code: 'bad-notice-type' },
  { key: 'noticeType', value: '', code: 'missing-field' },
  { key: 'shippedOn', value: '令和1年4月30日', code: 'bad-date' },
  { key: 'shippedOn', value: '2025-06-02', code: 'bad-date' },
];

describe('readRoster reports every corrupted row (property)', () => {
  it('one problem per corrupted row, on its line and column, with the value as written', () => {
    fc.assert(
      fc.property(rosterArb, fc.array(fc.tuple(fc.nat(), pick(CORRUPTIONS)), { minLength: 1, maxLength: 5 }), (roster, hits) => {
        const corrupted = new Map<number, (typeof CORRUPTIONS)[number]>();
        for (const [n, c] of hits) corrupted.set(n % roster.rows.length, c);
        const records = recordsOf(roster);
        for (const [rowIndex, c] of corrupted) {
          const record = records[rowIndex + 1];
          assert.ok(record);
          record[roster.order.indexOf(c.key)] = c.value;
        }
        const r = readRoster(encodeRoster(writeCsv(records, { lineBreak: roster.lineBreak }), roster.encoding), { today: TODAY });
        assert.equal(r.ok, false);
        if (r.ok) return;
        const lines = recordLines(records);
        const header = records[0] ?? [];
        const expected = [...corrupted]
          .sort((a, b) => a[0] - b[0])
          .map(([rowIndex, c]) => [
            lines[rowIndex + 1],
            header[roster.order.indexOf(c.key)],
            c.value.length > 100 ? `${c.value.slice(0, 100)}…` : c.value,
            c.code,
          ]);
        assert.deepEqual(
          r.problems.map((p) => [p.line, p.column, p.value, p.code]),
          expected,
        );
      }),
      { numRuns: 300 },
    );
  });
});
