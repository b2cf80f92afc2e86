// Properties that must hold for every roster cell, not just the examples we thought of.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ASSIGNMENTS } from '../venues/assignment-table';
import type { TownAssignment } from '../venues/assignment-table';
import { ROUTE_REFUSAL_CODES, routeAddress } from './route-address';
import type { RouteResult } from './route-address';
import { BANCHI_STYLES, CHOME_STYLES, DASH_LOOK_ALIKES, toFullWidth } from '../../main/testing/address-fixtures';
import { toKanjiNumeral } from './kanji-numerals';

const ROW_BY_KEY = new Map(ASSIGNMENTS.map((row) => [`${row.town}/${row.chome}`, row]));
const TOWNS = [...new Set(ASSIGNMENTS.map((row) => row.town))];
const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** A well-formed result, and an accepted one is exactly a row of the ward's table. */
function assertSound(address: string, result: RouteResult): void {
  const where = JSON.stringify(address);
  if (result.ok) {
    assert.deepEqual(Object.keys(result).sort(), ['chome', 'ok', 'town', 'venue'], where);
    if (result.chome === null && !ROW_BY_KEY.has(`${result.town}/null`)) {
      // No 丁目 given for a town with 丁目: only where every row of the town names this one venue.
      const venues = new Set(ASSIGNMENTS.filter((r) => r.town === result.town).map((r) => r.venue));
      assert.deepEqual([...venues], [result.venue], `${where} routed to ${result.town} without 丁目, but the town is split`);
      return;
    }
    const row = ROW_BY_KEY.get(`${result.town}/${result.chome}`);
    assert.ok(row, `${where} routed to ${result.town}/${result.chome}, which is not in the table`);
    assert.equal(result.venue, row.venue, where);
  } else {
    assert.deepEqual(Object.keys(result).sort(), ['code', 'ok', 'reason'], where);
    assert.ok(ROUTE_REFUSAL_CODES.includes(result.code), where);
    assert.match(result.reason, JAPANESE, where);
  }
}

// Pieces real addresses are made of, so random strings get deep into the parser rather than
// being refused at the first character.
const FRAGMENTS = [
  ...TOWNS,
  '東京都',
  '東京',
  '江東区',
  '〒',
  '135-0061',
  '１３５－００６１',
  '大島町',
  '町',
  '市',
  '区',
  '県',
  '丁目',
  '丁',
  '番地',
  '番',
  '号',
  '号室',
  'の',
  ' ',
  '　',
  '\t',
  '\n',
  '\u200B',
  '0',
  '1',
  '5',
  '7',
  '12',
  '９',
  '一',
  '十',
  '五',
  '二十',
  '〇',
  '千',
  '壱',
  ...DASH_LOOK_ALIKES,
  'シティタワー',
  'ﾋﾞﾙ',
  '"',
  '「',
  '住所',
  '江戸川区',
  '千葉県',
  '🙂',
  '\uD800',
  '\uDC00',
  '\u0000',
];
const addressSoup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe('any input gives a well-formed answer and never throws', () => {
  const arbitraries = {
    'grapheme strings': fc.string({ unit: 'grapheme', maxLength: 60 }),
    'full-unicode strings': fc.string({ unit: 'binary', maxLength: 60 }),
    'strings with lone surrogates': fc.string({ unit: anyCodeUnit, maxLength: 60 }),
    'address fragments in any order': addressSoup,
    'address fragments then noise': fc.tuple(addressSoup, fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b),
  };
  for (const [name, arbitrary] of Object.entries(arbitraries)) {
    test(name, () => {
      fc.assert(
        fc.property(arbitrary, (address) => assertSound(address, routeAddress(address))),
        { numRuns: 3000 },
      );
    });
  }

  test('very long strings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 200, max: 20_000 }), (piece, times) => {
        const address = piece.repeat(times);
        assertSound(address, routeAddress(address));
      }),
      { numRuns: 200 },
    );
  });
});

const validRow = fc.constantFrom(...ASSIGNMENTS);
function writeRow(row: TownAssignment, styleIndex: number): string {
  const styles = row.chome === null ? BANCHI_STYLES : CHOME_STYLES;
  const style = styles[styleIndex % styles.length];
  assert.ok(style);
  return style.write(row.town, row.chome ?? 0);
}

describe('building and room text after the address never changes the venue', () => {
  const suffixes = {
    grapheme: fc.string({ unit: 'grapheme', maxLength: 40 }),
    'full-unicode': fc.string({ unit: 'binary', maxLength: 40 }),
    'address-like': addressSoup,
  };
  for (const [name, suffix] of Object.entries(suffixes)) {
    test(`${name} suffix`, () => {
      fc.assert(
        fc.property(validRow, fc.nat(), fc.constantFrom(' ', '　', '\t', '  '), suffix, (row, styleIndex, separator, after) => {
          const address = `${writeRow(row, styleIndex)}${separator}${after}`;
          assert.deepEqual(
            routeAddress(address),
            { ok: true, venue: row.venue, town: row.town, chome: row.chome },
            JSON.stringify(address),
          );
        }),
        { numRuns: 3000 },
      );
    });
  }
});

describe('東京都 / 江東区 / 〒 in front never change the answer', () => {
  const postalCode = fc.constantFrom('', '〒135-0061', '135-0061', '〒１３５－００６１', '１３５ー００６１', '〒1350061', '〒');
  const gap = fc.constantFrom('', ' ', '　');
  const prefix = fc
    .tuple(postalCode, gap, fc.constantFrom('', '東京都', '東京'), gap, fc.constantFrom('', '江東区'), gap)
    // "東京" alone is only read as 東京都 when 江東区 follows, as in 東京江東区.
    .filter(([, , tokyo, , koto]) => tokyo !== '東京' || koto === '江東区')
    .map((parts) => parts.join(''));

  function writeNumber(n: number, inKanji: boolean): string {
    if (!inKanji) return toFullWidth(String(n));
    return n === 0 ? '〇' : toKanjiNumeral(n);
  }

  /** What the ward's table says about town + n + marker, as a result code or venue. */
  function expectedOutcome(town: string, n: number | null, marker: string, inKanji: boolean): string {
    const withoutChome = ROW_BY_KEY.get(`${town}/null`);
    if (withoutChome) return n !== null && marker === '丁目' ? 'no-such-chome' : withoutChome.venue;
    // No 丁目 given: the town's one venue if all its 丁目 go there, else refused (a split town).
    const venues = new Set(ASSIGNMENTS.filter((r) => r.town === town).map((r) => r.venue));
    const noChome = venues.size === 1 ? [...venues][0]! : 'chome-required';
    if (n === null || marker === '番地') return noChome;
    // A kanji numeral followed by nothing that marks it as 丁目 is read as part of a word.
    if (inKanji && marker === '') return noChome;
    return ROW_BY_KEY.get(`${town}/${n}`)?.venue ?? 'no-such-chome';
  }

  // Valid and invalid 丁目 alike: a refusal must not depend on the prefix either.
  test('any prefix gives the same result as none, and that result follows the table', () => {
    fc.assert(
      fc.property(
        prefix,
        fc.constantFrom(...TOWNS),
        fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
        fc.constantFrom('丁目', '-', '番地', ''),
        fc.boolean(),
        fc.constantFrom('', ' ○○ハイツ101'),
        (front, town, n, marker, inKanji, building) => {
          const written = n === null ? town : `${town}${writeNumber(n, inKanji)}${marker}${marker === '' ? ' ' : '6-1'}`;
          const bare = written + building;
          const withPrefix = front + bare;
          const plain = routeAddress(bare);
          assert.deepEqual(routeAddress(withPrefix), plain, `${JSON.stringify(withPrefix)} vs ${JSON.stringify(bare)}`);
          const outcome = plain.ok ? plain.venue : plain.code;
          assert.equal(outcome, expectedOutcome(town, n, marker, inKanji), JSON.stringify(bare));
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('removing 東京都江東区 from a full register address changes nothing', () => {
    fc.assert(
      fc.property(validRow, fc.nat(), (row, styleIndex) => {
        const written = writeRow(row, styleIndex);
        const stripped = written.replace(/^(〒?[0-9０-９]{3}[-－]?[0-9０-９]{4}\s*)?(東京都)?\s*(江東区)?\s*/u, '');
        assert.deepEqual(routeAddress(stripped), routeAddress(written), `${written} → ${stripped}`);
        assert.equal(routeAddress(stripped).ok, true, stripped);
      }),
      { numRuns: 1000 },
    );
  });
});
