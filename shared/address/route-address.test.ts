// Real-looking addresses as they arrive in rosters, and what staff should see for each.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { VenueId } from '../venues/venues';
import { routeAddress } from './route-address';
import type { RouteRefusalCode } from './route-address';

type Routed = readonly [address: string, venue: VenueId, town: string, chome: number | null];

const ROUTED: readonly Routed[] = [
  // The canonical register form and its everyday variants.
  ['東京都江東区豊洲五丁目6番1号', 'toyosu', '豊洲', 5],
  ['〒135-0061 東京都江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
  ['135-0061 江東区豊洲５－６－１', 'toyosu', '豊洲', 5],
  ['１３５－００６１　江東区豊洲５丁目６番１号', 'toyosu', '豊洲', 5],
  ['〒1350061江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
  ['〒 135 - 0061 東京都江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
  ['豊洲5丁目6番地1', 'toyosu', '豊洲', 5],
  ['豊洲5-6-1 シティタワー1203号室', 'toyosu', '豊洲', 5],
  ['東雲1-9-10 Ｗコンフォートタワーズ 3005', 'toyosu', '東雲', 1],
  ['江東区東陽四丁目11番28号', 'honchosha', '東陽', 4],
  ['江東区東陽4-11-28 江東区役所', 'honchosha', '東陽', 4],
  ['東京都 江東区 豊洲 5丁目 6-1', 'toyosu', '豊洲', 5],
  ['豊洲　５丁目', 'toyosu', '豊洲', 5],
  ['江東区豊洲5丁目\n豊洲シビックセンター', 'toyosu', '豊洲', 5],
  ['"江東区豊洲5-6-1"', 'toyosu', '豊洲', 5],
  ['住所：江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
  ['東京江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
  ['〒135-0061 〒135-0061 東京都江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
  // Dashes as IMEs and fonts produce them; ー right after a digit is a dash, not a long vowel.
  ['豊洲5ー6ー1', 'toyosu', '豊洲', 5],
  ['豊洲５ｰ６ｰ１', 'toyosu', '豊洲', 5],
  ['豊洲五ー六ー一', 'toyosu', '豊洲', 5],
  ['豊洲5−6−1', 'toyosu', '豊洲', 5],
  ['豊洲5の6の1', 'toyosu', '豊洲', 5],
  ['江東区豊洲５－６－１－１２０３', 'toyosu', '豊洲', 5],
  // 漢数字 and other numeral forms.
  ['亀戸九丁目1番', 'sogo', '亀戸', 9],
  ['亀戸⑨-1', 'sogo', '亀戸', 9],
  ['森下参丁目', 'honchosha', '森下', 3],
  ['豊洲 5 丁目', 'toyosu', '豊洲', 5],
  ['豊洲05丁目', 'toyosu', '豊洲', 5],
  // The same town name inside a building name later on changes nothing.
  ['東雲1-1 豊洲タワー', 'toyosu', '東雲', 1],
  ['東砂6-1 総合区民センター前', 'honchosha', '東砂', 6],
  ['江東区豊洲5-6-1 東雲ハイツ', 'toyosu', '豊洲', 5],
  // Longest match and look-alike names.
  ['新木場1-2-3', 'honchosha', '新木場', 1],
  ['木場5-1', 'honchosha', '木場', 5],
  ['新砂1-2', 'honchosha', '新砂', 1],
  ['新大橋2-1', 'honchosha', '新大橋', 2],
  ['東砂5丁目', 'sogo', '東砂', 5],
  ['東砂6丁目', 'honchosha', '東砂', 6],
  ['北砂7-1', 'sogo', '北砂', 7],
  ['南砂2-3', 'honchosha', '南砂', 2],
  ['海の森3丁目', 'honchosha', '海の森', 3],
  ['海辺12', 'honchosha', '海辺', null],
  ['夢の島2-1', 'honchosha', '夢の島', 2],
  ['夢ノ島2-1', 'honchosha', '夢の島', 2],
  ['門前仲町1-4-8', 'honchosha', '門前仲町', 1],
  ['東雲2-1', 'toyosu', '東雲', 2],
  ['東陽2-1', 'honchosha', '東陽', 2],
  ['千石1-1', 'honchosha', '千石', 1],
  ['千田21番', 'honchosha', '千田', null],
  // 大島 of Koto (not the island town).
  ['大島3-1-1', 'sogo', '大島', 3],
  ['東京都大島3-1-1', 'sogo', '大島', 3],
  ['東京都江東区大島4-5-1', 'sogo', '大島', 4],
  ['江東区大島町3-1-1', 'sogo', '大島', 3],
  // A stray 町 after the town (東陽町 is the station's name).
  ['東陽町4-11-28', 'honchosha', '東陽', 4],
  ['江東区東陽町4-11-28', 'honchosha', '東陽', 4],
  // Towns without 丁目: the first number is a 番地.
  ['高橋12-3', 'honchosha', '高橋', null],
  ['石島2番1号', 'honchosha', '石島', null],
  ['冬木10-5', 'honchosha', '冬木', null],
  ['千田二十一番地', 'honchosha', '千田', null],
  ['江東区海辺', 'honchosha', '海辺', null],
  // Spellings met in registers: はしごだか, Kangxi-radical 高, 辰己, invisible characters.
  ['髙橋5', 'honchosha', '高橋', null],
  ['\u2FBC橋5', 'honchosha', '高橋', null],
  ['辰己1-1', 'toyosu', '辰巳', 1],
  ['豊\u200B洲5-6-1', 'toyosu', '豊洲', 5],
  ['\uFEFF江東区豊洲5-6-1', 'toyosu', '豊洲', 5],
];

type Refused = readonly [address: string, code: RouteRefusalCode, reasonMentions: RegExp | null];

const REFUSED: readonly Refused[] = [
  ['', 'empty', null],
  ['   ', 'empty', null],
  ['　　', 'empty', null],
  ['－', 'empty', null],
  ['ー', 'empty', null],
  ['\u0000\u0007\t', 'empty', null],
  ['🏠', 'empty', null],
  // The island town 大島町 is not 江東区大島.
  ['東京都大島町元町1-1-14', 'outside-koto', /大島町/],
  ['東京都大島町', 'outside-koto', /大島町/],
  ['大島町元町1-1-14', 'outside-koto', /大島町/],
  ['江戸川区中央1-4-1', 'outside-koto', /江戸川区/],
  ['東京都江戸川区船堀4-1-1', 'outside-koto', /江戸川区/],
  ['墨田区錦糸1-1', 'outside-koto', /墨田区/],
  ['千葉県浦安市猫実1-1-1', 'outside-koto', /千葉県浦安市/],
  ['〒279-0004 千葉県浦安市猫実1-1-1', 'outside-koto', /千葉県/],
  ['大阪府大阪市住吉区', 'outside-koto', /大阪府/],
  ['東京都港区芝公園4-2-8', 'outside-koto', /港区/],
  ['東京都八丈町三根1', 'outside-koto', /八丈町/],
  ['佐賀県佐賀市栄町1-1', 'outside-koto', /佐賀県/],
  ['北海道深川市', 'outside-koto', /北海道/],
  ['深川市1-1', 'outside-koto', /深川市/],
  ['平野区1-1', 'outside-koto', /平野区/],
  // 丁目 that do not exist.
  ['豊洲7丁目', 'no-such-chome', /豊洲7丁目/],
  ['豊洲7-1-1', 'no-such-chome', /豊洲7丁目/],
  ['豊洲０丁目', 'no-such-chome', /豊洲0丁目/],
  ['豊洲十丁目', 'no-such-chome', /豊洲10丁目/],
  ['東砂十一丁目', 'no-such-chome', /東砂11丁目/],
  ['豊洲99999999丁目', 'no-such-chome', /豊洲/],
  ['高橋1丁目', 'no-such-chome', /高橋/],
  ['高橋一丁目2番', 'no-such-chome', /高橋/],
  ['海辺2丁目', 'no-such-chome', /海辺/],
  // 丁目 missing. A split town says so; a one-venue town asks for the 丁目 all the same.
  ['東砂', 'chome-required', /東砂は丁目により会場が異なります/],
  ['東砂 ', 'chome-required', /東砂は丁目により会場が異なります/],
  ['東京都江東区東砂', 'chome-required', /東砂は丁目により会場が異なります/],
  // No Koto town.
  ['東京都江東区', 'unknown-town', null],
  ['〒135-0061', 'unknown-town', null],
  ['江東区銀座1-1', 'unknown-town', /銀座/],
  ['銀座1-1', 'unknown-town', /銀座/],
  ['江東区東', 'unknown-town', null],
  ['砂町1-1', 'unknown-town', /砂町/],
  ['Toyosu 5-6-1, Koto-ku', 'unknown-town', null],
  ['不明', 'unknown-town', null],
];

const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

describe('addresses as they are written route to their venue', () => {
  for (const [address, venue, town, chome] of ROUTED) {
    test(`${JSON.stringify(address)} → ${venue} ${town}${chome ?? ''}`, () => {
      assert.deepEqual(routeAddress(address), { ok: true, venue, town, chome });
    });
  }
});

describe('addresses staff must look at are refused with a reason', () => {
  for (const [address, code, mentions] of REFUSED) {
    test(`${JSON.stringify(address)} → ${code}`, () => {
      const result = routeAddress(address);
      assert.equal(result.ok, false, JSON.stringify(result));
      if (result.ok) return;
      assert.equal(result.code, code, result.reason);
      assert.match(result.reason, JAPANESE);
      if (mentions) assert.match(result.reason, mentions);
    });
  }

  test('no 丁目: a town whose 丁目 all go to one venue is routed there (chome null); a split town is refused, saying where each goes', () => {
    for (const address of ['豊洲', '豊洲6番1号', '豊洲三井ビル', '江東区豊洲 シティタワー', '豊洲市場', '東京都江東区豊洲　'])
      assert.deepEqual(routeAddress(address), { ok: true, venue: 'toyosu', town: '豊洲', chome: null }, address);
    assert.deepEqual(routeAddress('江東区清澄'), { ok: true, venue: 'honchosha', town: '清澄', chome: null });
    const split = routeAddress('東砂');
    assert.ok(!split.ok);
    // Staff can ask the resident the right question: which 丁目 go where.
    assert.match(split.reason, /1〜5丁目 総合区民センター/);
    assert.match(split.reason, /6〜8丁目 本庁舎/);
  });
});

describe('input that is not an address at all', () => {
  test('a non-string from a broken roster column is refused, not thrown', () => {
    for (const value of [undefined, null, 42, {}, []]) {
      const result = routeAddress(value as unknown as string);
      assert.deepEqual({ ok: result.ok, code: result.ok ? null : result.code }, { ok: false, code: 'empty' });
    }
  });

  test('a megabyte-long cell is read from its start', () => {
    const long = `江東区豊洲5-6-1 ${'ビル'.repeat(500_000)}`;
    const longFullWidth = `江東区豊洲５－６－１　${'ビル'.repeat(500_000)}`;
    const garbage = '\u{1F600}'.repeat(500_000);
    assert.deepEqual(routeAddress(long), { ok: true, venue: 'toyosu', town: '豊洲', chome: 5 });
    assert.deepEqual(routeAddress(longFullWidth), { ok: true, venue: 'toyosu', town: '豊洲', chome: 5 });
    assert.equal(routeAddress(garbage).ok, false);
  });

  test('an unknown-town reason quotes the text without breaking characters', () => {
    const result = routeAddress(`江東区${'𠮟'.repeat(20)}`);
    assert.ok(!result.ok);
    assert.equal(result.code, 'unknown-town');
    assert.doesNotMatch(result.reason, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'no lone surrogate');
    assert.match(result.reason, /𠮟/);
  });
});
