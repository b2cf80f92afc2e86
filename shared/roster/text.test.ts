import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  codePointLength,
  collapseAddressWhitespace,
  findControlCharacter,
  findPrivateUseCharacter,
  hasReplacementCharacter,
  mayHoldBadCharacter,
  toFullWidthKatakana,
  toHalfWidthAscii,
  unifyDashes,
} from './text';

describe('roster text helpers', () => {
  it('toHalfWidthAscii folds 全角 ASCII only', () => {
    assert.equal(toHalfWidthAscii('ＡＢＣ－１２３／ａ！～'), 'ABC-123/a!~');
    assert.equal(toHalfWidthAscii('江東区　ｶﾀｶﾅ'), '江東区　ｶﾀｶﾅ');
  });

  it('unifyDashes maps every look-alike to "-"', () => {
    assert.equal(unifyDashes('1‐2‑3‒4–5—6―7−8－9ー0ｰ1﹣2'), '1-2-3-4-5-6-7-8-9-0-1-2');
  });

  it('toFullWidthKatakana converts ひらがな and 半角ｶﾀｶﾅ (with dakuten) and unifies the separator', () => {
    assert.equal(toFullWidthKatakana('やまだ　たろう'), 'ヤマダ　タロウ');
    assert.equal(toFullWidthKatakana('ﾔﾏﾀﾞ ﾀﾛｳ'), 'ヤマダ　タロウ');
    assert.equal(toFullWidthKatakana('ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟﾌﾟ ｳﾞｧｲｵﾘﾝ'), 'ガギグ　パピプ　ヴァイオリン');
    assert.equal(toFullWidthKatakana('ゔぁゝゞ'), 'ヴァヽヾ');
    assert.equal(toFullWidthKatakana('  コウトウ   ハナコ  '), 'コウトウ　ハナコ');
    assert.equal(toFullWidthKatakana('ｺｳﾄｳ\tﾊﾅｺ'), 'コウトウ　ハナコ');
    assert.equal(toFullWidthKatakana('ｽｽﾞｷｰ'), 'スズキー');
    // Decomposed (e.g. from macOS) ガ = カ + U+3099 is composed.
    assert.equal(toFullWidthKatakana('カ\u3099'), 'ガ');
    assert.equal(toFullWidthKatakana('コウトウ　タロウ'), 'コウトウ　タロウ');
  });

  it('collapseAddressWhitespace trims and collapses runs, keeping a 全角 run 全角', () => {
    assert.equal(collapseAddressWhitespace('  東京都江東区東陽4-11-28  '), '東京都江東区東陽4-11-28');
    assert.equal(collapseAddressWhitespace('東陽4-11-28\r\n江東区役所'), '東陽4-11-28 江東区役所');
    assert.equal(collapseAddressWhitespace('東陽4-11-28　　江東区役所'), '東陽4-11-28　江東区役所');
    assert.equal(collapseAddressWhitespace('東陽4-11-28 \t 江東区役所'), '東陽4-11-28 江東区役所');
    assert.equal(collapseAddressWhitespace('\u3000東陽\u3000'), '東陽');
  });

  it('findControlCharacter allows line breaks and tabs only when asked', () => {
    assert.equal(findControlCharacter('山田\u0007太郎', true), '\u0007');
    assert.equal(findControlCharacter('東陽\n4-11-28', true), null);
    assert.equal(findControlCharacter('東陽\n4-11-28', false), '\n');
    assert.equal(findControlCharacter('a\tb', false), '\t');
    assert.equal(findControlCharacter('a\u0085b', true), '\u0085');
    assert.equal(findControlCharacter('a\u007Fb', true), '\u007F');
    assert.equal(findControlCharacter('a\u2028b', true), '\u2028');
    assert.equal(findControlCharacter('江東区', false), null);
  });

  it('findPrivateUseCharacter finds 外字', () => {
    assert.equal(findPrivateUseCharacter('山\uE000太郎'), '\uE000');
    assert.equal(findPrivateUseCharacter('髙﨑'), null);
  });

  it('mayHoldBadCharacter is a superset pre-check; U+FFFD is found', () => {
    assert.equal(hasReplacementCharacter('江\uFFFD'), true);
    assert.equal(hasReplacementCharacter('江東'), false);
    for (const s of ['a\u0007', 'a\uE000', 'a\uFFFD', 'a\n', 'a\u2028']) assert.equal(mayHoldBadCharacter(s), true, JSON.stringify(s));
    assert.equal(mayHoldBadCharacter('東京都江東区東陽4-11-28　江東区役所'), false);
  });

  it('codePointLength counts surrogate pairs once', () => {
    assert.equal(codePointLength('𠮷野家'), 3);
    assert.equal(codePointLength('abc'), 3);
    assert.equal(codePointLength(''), 0);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        assert.equal(codePointLength(s), [...s].length);
      }),
      { numRuns: 500 },
    );
  });

  it('toFullWidthKatakana never throws and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = toFullWidthKatakana(s);
        assert.equal(toFullWidthKatakana(once), once);
        assert.doesNotMatch(once, /[\u3041-\u3096\uFF66-\uFF9D]/);
      }),
      { numRuns: 500 },
    );
  });
});
