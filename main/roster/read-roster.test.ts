import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readRoster } from './read-roster';
import type { RosterProblem, RosterReadResult, RosterRow } from './read-roster';
import { encodeRoster, STANDARD_HEADER, writeCsv } from '../testing/roster-bytes';
import type { RosterEncoding } from './roster-types';

const TODAY = '2025-06-01';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (text: string, encoding: RosterEncoding = 'utf-8', maxRows?: number): RosterReadResult =>
  readRoster(encodeRoster(text, encoding), maxRows === undefined ? { today: TODAY } : { today: TODAY, maxRows });

function rowsOf(r: RosterReadResult): RosterRow[] {
  assert.ok(r.ok, `expected ok, got problems ${JSON.stringify(r.ok ? [] : r.problems, null, 1)}`);
  return r.rows;
}
function problemsOf(r: RosterReadResult): RosterProblem[] {
  assert.equal(r.ok, false, 'expected problems');
  return r.ok ? [] : r.problems;
}
/** [line, column, value, code] — the parts staff act on. */
const brief = (ps: RosterProblem[]) => ps.map((p) => [p.line, p.column, p.value, p.code]);

const VALID = ['A1B-123456', '江東 太郎', 'コウトウ　タロウ', '1983-04-01', '東京都江東区東陽4-11-28', '通常', '2025-04-01'];

// What both fixture files hold (the UTF-8 one and its CP932 twin).
const FIXTURE_ROWS: RosterRow[] = [
  {
    line: 2,
    reservationNo: 'A1B-123456',
    name: '江東 太郎',
    kana: 'コウトウ　タロウ',
    birthDate: '1983-04-01',
    address: '東京都江東区東陽4-11-28',
    noticeType: '通常',
    shippedOn: '2025-04-01',
  },
  {
    line: 3,
    reservationNo: 'B2C-000001',
    name: '髙橋 花子',
    kana: 'タカハシ　ハナコ',
    birthDate: '1990-01-05',
    address: '東京都江東区豊洲2-2-18　豊洲シビックセンター',
    noticeType: '再発行',
    shippedOn: '2025-04-02',
  },
  {
    line: 4,
    reservationNo: 'C3D-000002',
    name: '山﨑 "ジョー" 次郎',
    kana: 'ヤマザキ　ジロウ',
    birthDate: '1990-02-28',
    address: '東京都江東区大島4-5-1 総合区民センター',
    noticeType: '通常',
    shippedOn: '2025-04-03',
  },
  {
    line: 7,
    reservationNo: 'D4E-000003',
    name: '豊洲 一',
    kana: 'トヨス　ハジメ',
    birthDate: '1989-01-08',
    address: '東京都江東区豊洲5-6-1',
    noticeType: '通常',
    shippedOn: '2025-04-04',
  },
  {
    line: 8,
    reservationNo: 'E5F-000004',
    name: '砂町 ①子',
    kana: 'スナマチ　マルコ',
    birthDate: '1945-08-15',
    address: '東京都江東区北砂1-1-1',
    noticeType: '再発行',
    shippedOn: '2025-04-05',
  },
];

describe('readRoster: encodings', () => {
  it('reads the UTF-8, UTF-8 BOM and CP932 fixture files to the same rows', () => {
    const utf8 = fixture('roster-utf8.csv');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const cp932 = fixture('roster-cp932.csv');
    const results = [readRoster(utf8, { today: TODAY }), readRoster(bom, { today: TODAY }), readRoster(cp932, { today: TODAY })];
    assert.deepEqual(
      results.map((r) => r.encoding),
      ['utf-8', 'utf-8-bom', 'cp932'],
    );
    for (const r of results) assert.deepEqual(rowsOf(r), FIXTURE_ROWS);
  });

  it('reads generated text identically in all three encodings, with LF or CRLF', () => {
    const records = [
      [...STANDARD_HEADER],
      VALID,
      ['b2c000001', '髙橋　花子', 'たかはし はなこ', 'H2/1/5', '東京都江東区豊洲2-2-18', '再発行', 'R7.4.2'],
    ];
    const expected = rowsOf(read(writeCsv(records)));
    assert.equal(expected.length, 2);
    for (const encoding of ['utf-8', 'utf-8-bom', 'cp932'] as const) {
      for (const lineBreak of ['\r\n', '\n'] as const) {
        const r = read(writeCsv(records, { lineBreak, quoteAll: lineBreak === '\n' }), encoding);
        assert.equal(r.encoding, encoding);
        assert.deepEqual(rowsOf(r), expected);
      }
    }
  });

  it('passes decoding problems through and reads nothing further', () => {
    const bytes = new Uint8Array([...encodeRoster(`${STANDARD_HEADER.join(',')}\r\n`, 'cp932'), 0x41, 0x82, 0x0d, 0x0a]);
    const r = readRoster(bytes, { today: TODAY });
    assert.deepEqual(r.ok ? null : [r.encoding, brief(r.problems)], ['cp932', [[2, '', 'A\uFFFD', 'encoding']]]);
  });
});

describe('readRoster: rows', () => {
  it('normalises each field: 予約管理番号, 氏名 NFC, カナ, dates, 住所 whitespace, 通知種別', () => {
    const records = [
      [...STANDARD_HEADER],
      [
        '  ａ１ｂ－１２３４５６\t',
        ' 江東\u3000太郎 ',
        'ｺｳﾄｳ ﾀﾛｳ',
        '昭和５８年４月１日',
        '  東京都江東区\r\n東陽4-11-28  ',
        ' 再発行 ',
        '令和7年4月1日',
      ],
      ['C3D-000002', 'カ\u3099ス', 'やまだ　たろう', 'S58.4.1', '東京都江東区\t\t東陽', '通常', '2025/4/1'],
    ];
    assert.deepEqual(rowsOf(read(writeCsv(records))), [
      {
        line: 2,
        reservationNo: 'A1B-123456',
        name: '江東\u3000太郎',
        kana: 'コウトウ　タロウ',
        birthDate: '1983-04-01',
        address: '東京都江東区 東陽4-11-28',
        noticeType: '再発行',
        shippedOn: '2025-04-01',
      },
      {
        line: 4,
        reservationNo: 'C3D-000002',
        name: 'ガス',
        kana: 'ヤマダ　タロウ',
        birthDate: '1983-04-01',
        address: '東京都江東区 東陽',
        noticeType: '通常',
        shippedOn: '2025-04-01',
      },
    ]);
  });

  it('keeps line numbers right after a quoted field with embedded newlines, blank lines and empty rows', () => {
    const text = [
      STANDARD_HEADER.join(','),
      '',
      'A1B-000001,一,イチ,1983-04-01,"江東区',
      '東陽',
      '4-11-28",通常,2025-04-01',
      ',,,,,,',
      'A1B-000002,二,ニ,1983-04-01,江東区,通常,2025-04-01',
      'A1B-000003,三,サン,1983-04-01,江東区,通常,2025-13-01',
    ].join('\r\n');
    const r = read(text);
    assert.deepEqual(brief(problemsOf(r)), [[8, '発送日', '2025-13-01', 'bad-date']]);
    const fixed = read(text.replace('2025-13-01', '2025-04-01'));
    assert.deepEqual(
      rowsOf(fixed).map((row) => [row.line, row.reservationNo, row.address]),
      [
        [3, 'A1B-000001', '江東区 東陽 4-11-28'],
        [7, 'A1B-000002', '江東区'],
        [8, 'A1B-000003', '江東区'],
      ],
    );
  });

  it('finds columns by any accepted header, in any order, ignoring unknown columns and trailing empty fields', () => {
    const text = [
      '\uFEFF 発送日 ,備考,ﾌﾘｶﾞﾅ,予約管理ＮＯ,氏名漢字,住所,生年月日,通知種別',
      '2025-04-01,メモ,コウトウ　タロウ,A1B-123456,江東 太郎,東京都江東区,1983-04-01,通常,,',
    ].join('\n');
    const expected: RosterRow[] = [
      {
        line: 2,
        reservationNo: 'A1B-123456',
        name: '江東 太郎',
        kana: 'コウトウ　タロウ',
        birthDate: '1983-04-01',
        address: '東京都江東区',
        noticeType: '通常',
        shippedOn: '2025-04-01',
      },
    ];
    assert.deepEqual(rowsOf(read(text)), expected);
    // CP932 has no BOM; the same header without it.
    assert.deepEqual(rowsOf(read(text.slice(1), 'cp932')), expected);
  });

  it('accepts stray trailing commas on the header or on the rows', () => {
    const header = STANDARD_HEADER.join(',');
    const row = VALID.join(',');
    for (const text of [`${header},,\n${row}\n`, `${header}\n${row},,\n`, `${header},\n${row},,,\n`]) {
      assert.equal(rowsOf(read(text)).length, 1, JSON.stringify(text));
    }
    assert.deepEqual(brief(problemsOf(read(`${header},,\n${row},,x\n`))), [[2, '', '9列', 'wrong-field-count']]);
  });

  it('reads a header-only roster as no rows', () => {
    assert.deepEqual(rowsOf(read(`${STANDARD_HEADER.join(',')}\r\n`)), []);
  });
});

describe('readRoster: problems', () => {
  it('reports every invalid row of one file by line, column and value, sorted by line', () => {
    const long = (n: number): string => '江'.repeat(n);
    const records = [
      [...STANDARD_HEADER], //                                                                   line 1
      VALID, //                                                                                   line 2
      ['A1-12345', ...VALID.slice(1)], //                                                           3 bad number
      ['A1B-000004', '', ...VALID.slice(2)], //                                                      4 missing name
      ['A1B-000005', '江東', 'コウトウ', '昭和64年1月8日', ...VALID.slice(4)], //                      5 bad era date
      ['A1B-000006', '江東', 'コウトウ', '2025-06-02', ...VALID.slice(4)], //                         6 future birth
      ['A1B-000007', '江東', 'コウトウ', '1983-04-01', '江東区', '再', '2025-04-01'], //                 7 notice type
      ['A1B-000008', long(101), ...VALID.slice(2)], //                                               8 name too long
      ['A1B-000009', '江東', 'コウ\u0007トウ', ...VALID.slice(3)], //                                  9 control char
      ['a1b123456', ...VALID.slice(1)], //                                                         10 duplicate of 2
      ['A1B-000011', '江東', 'コウトウ', '1983-04-01', '江東区\n東陽', '通常', '2025-04-01'], //      11-12 valid, 2 lines
      ['A1B-000012', '江東', long(101), '1983-04-01', long(201), '通常', '2025-02-30'], //            13 three problems
      ['A1B-000013', '江\uE000', ...VALID.slice(2)], //                                              14 外字
      ['A1B-000014', '江東', 'コウトウ', '1983-04-01', '江東区', '通常', '2015-12-31'], //           15 shipped before 2016
      ['A1B-000015', '江東', 'コウトウ', '1983-04-01', '江東区�', '通常', '2025-04-01'], //        16 lost character
    ];
    const text = writeCsv(records) + 'A1B-000016,江東,コウトウ,1983-04-01,東京都江東区東陽4,11,28,通常,2025-04-01\r\n'; // 17 unquoted commas
    const problems = problemsOf(read(text));
    assert.deepEqual(brief(problems), [
      [3, '予約管理番号', 'A1-12345', 'bad-reservation-number'],
      [4, '氏名', '', 'missing-field'],
      [5, '生年月日', '昭和64年1月8日', 'bad-date'],
      [6, '生年月日', '2025-06-02', 'bad-date'],
      [7, '通知種別', '再', 'bad-notice-type'],
      [8, '氏名', long(100) + '…', 'too-long'],
      [9, '氏名カナ', 'コウ\u0007トウ', 'control-character'],
      [10, '予約管理番号', 'a1b123456', 'duplicate-reservation-number'],
      [13, '氏名カナ', long(100) + '…', 'too-long'],
      [13, '住所', long(100) + '…', 'too-long'],
      [13, '発送日', '2025-02-30', 'bad-date'],
      [14, '氏名', '江\uE000', 'encoding'],
      [15, '発送日', '2015-12-31', 'bad-date'],
      [16, '住所', '江東区\uFFFD', 'encoding'],
      [17, '', '9列', 'wrong-field-count'],
    ]);
    const reasonOn = (line: number, code: string): string => problems.find((p) => p.line === line && p.code === code)?.reason ?? '';
    assert.match(reasonOn(10, 'duplicate-reservation-number'), /A1B-123456 が2行目と重複/);
    assert.match(reasonOn(5, 'bad-date'), /昭和の期間外/);
    assert.match(reasonOn(6, 'bad-date'), /未来/);
    assert.match(reasonOn(8, 'too-long'), /101文字。100文字まで/);
    assert.match(reasonOn(9, 'control-character'), /U\+0007/);
    assert.match(reasonOn(14, 'encoding'), /外字/);
    for (const p of problems) assert.ok(p.reason.length > 0 && /[\u3040-\u30FF\u4E00-\u9FFF]/.test(p.reason), p.reason);
  });

  it('names columns as written in the file', () => {
    const text = [
      '予約番号,氏名漢字,ふりがな,生年月日,住所,通知種別,発送年月日',
      'A1B-123456,江東,こうとう,1983-04-01,江東区,通常,2025-04-31',
    ].join('\n');
    assert.deepEqual(brief(problemsOf(read(text))), [[2, '発送年月日', '2025-04-31', 'bad-date']]);
  });

  it('reports a duplicate even when the later row has other problems too', () => {
    const text = writeCsv([[...STANDARD_HEADER], VALID, ['A1B-123456', '', ...VALID.slice(2)]]);
    assert.deepEqual(brief(problemsOf(read(text))), [
      [3, '氏名', '', 'missing-field'],
      [3, '予約管理番号', 'A1B-123456', 'duplicate-reservation-number'],
    ]);
  });

  it('reports missing and duplicate columns on the header line, and nothing else', () => {
    const missing = read(
      writeCsv([
        ['予約管理番号', '氏名', '生年月日', '住所', '発送日'],
        ['bad', '', '', '', ''],
      ]),
    );
    assert.deepEqual(brief(problemsOf(missing)), [
      [1, '氏名カナ', '', 'missing-column'],
      [1, '通知種別', '', 'missing-column'],
    ]);
    const duplicate = read(
      writeCsv([
        [...STANDARD_HEADER, '氏名漢字'],
        [...VALID, '江東'],
      ]),
    );
    assert.deepEqual(brief(problemsOf(duplicate)), [[1, '氏名漢字', '氏名漢字', 'duplicate-column']]);
    assert.match(problemsOf(duplicate)[0]?.reason ?? '', /2列目「氏名」と8列目「氏名漢字」/);
  });

  it('reports a header after blank lines on its own line', () => {
    const r = read(`\r\n\r\n予約管理番号,氏名\r\n`);
    assert.ok(problemsOf(r).every((p) => p.line === 3 && p.code === 'missing-column'));
  });

  it('reports malformed CSV as one not-csv problem with its line, never a throw', () => {
    const unclosed = `${STANDARD_HEADER.join(',')}\r\n${VALID.join(',')}\r\nA1B-000002,"江東,コウトウ\r\nA1B-000003,x\r\n`;
    assert.deepEqual(brief(problemsOf(read(unclosed))), [[3, '', 'A1B-000002,"江東,コウトウ', 'not-csv']]);
    const stray = `${STANDARD_HEADER.join(',')}\r\n${VALID.join(',')}\r\nA1B-000002,江"東,x\r\n`;
    assert.deepEqual(brief(problemsOf(read(stray))), [[3, '', 'A1B-000002,江"東,x', 'not-csv']]);
  });

  it('reports an empty file', () => {
    for (const text of ['', '\r\n\r\n', ',,,\n']) {
      assert.deepEqual(brief(problemsOf(read(text))), [[1, '', '', 'not-csv']], JSON.stringify(text));
    }
  });

  it('stops at maxRows with one too-many-rows problem on the first row over the limit', () => {
    const rows = [0, 1, 2, 3, 4].map((i) => [`A1B-00000${i}`, ...VALID.slice(1)]);
    const text = writeCsv([[...STANDARD_HEADER], ...rows]);
    assert.equal(rowsOf(read(text, 'utf-8', 5)).length, 5);
    assert.deepEqual(brief(problemsOf(read(text, 'utf-8', 3))), [[5, '', '', 'too-many-rows']]);
    // Problems in rows before the limit are still listed.
    const withBad = writeCsv([[...STANDARD_HEADER], ['bad', ...VALID.slice(1)], ...rows]);
    assert.deepEqual(
      brief(problemsOf(read(withBad, 'utf-8', 2))).map((p) => p[3]),
      ['bad-reservation-number', 'too-many-rows'],
    );
  });

  it('refuses a malformed today as a programming error', () => {
    assert.throws(() => readRoster(new Uint8Array(), { today: '2025/06/01' }), RangeError);
    assert.throws(() => readRoster(new Uint8Array(), { today: TODAY, maxRows: -1 }), RangeError);
  });
});
