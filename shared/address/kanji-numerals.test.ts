import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseKanjiNumeralAt, toKanjiNumeral } from './kanji-numerals';

describe('kanji numerals as written in 丁目 and 番地', () => {
  const cases: readonly [string, number][] = [
    ['一', 1],
    ['四', 4],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['百五', 105],
    ['一〇', 10],
    ['二一', 21],
    ['壱', 1],
    ['弐', 2],
    ['参', 3],
    ['拾', 10],
    ['〇', 0],
  ];
  for (const [written, value] of cases) {
    test(`${written} = ${value}`, () => {
      assert.deepEqual(parseKanjiNumeralAt(`豊洲${written}丁目`, 2), { value, end: 2 + written.length });
    });
  }

  test('stops at the first character that is not a numeral, and finds none in a word', () => {
    assert.deepEqual(parseKanjiNumeralAt('五丁目', 0), { value: 5, end: 1 });
    assert.equal(parseKanjiNumeralAt('豊洲', 0), null);
    assert.equal(parseKanjiNumeralAt('', 0), null);
    assert.equal(parseKanjiNumeralAt('五', 1), null);
  });

  test('the ward’s spelling reads back as the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        const written = toKanjiNumeral(n);
        assert.deepEqual(parseKanjiNumeralAt(written, 0), { value: n, end: written.length });
      }),
      { numRuns: 2000 },
    );
  });

  test('the ward’s spelling', () => {
    assert.equal(toKanjiNumeral(4), '四');
    assert.equal(toKanjiNumeral(10), '十');
    assert.equal(toKanjiNumeral(11), '十一');
    assert.equal(toKanjiNumeral(23), '二十三');
    assert.equal(toKanjiNumeral(105), '百五');
    assert.throws(() => toKanjiNumeral(0), RangeError);
  });
});
