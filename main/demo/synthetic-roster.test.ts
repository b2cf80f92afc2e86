import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { routeAddress } from '../../shared/address/route-address';
import { ASSIGNMENTS } from '../../shared/venues/assignment-table';
import { readRoster } from '../roster/read-roster';
import { RARE_SURNAMES, SURNAMES } from './japanese-names';
import { GIVEN_NAMES } from './japanese-given-names';
import { generateRoster } from './synthetic-roster';
import { rosterToCsv, rosterToCsvText } from './roster-csv';
import { formatWareki } from '../../shared/roster/japanese-date';
import { toKanjiNumeral as kanjiNumber } from '../../shared/address/kanji-numerals';
import type { SyntheticResident } from './synthetic-roster';
import { RESERVATION_NUMBER_PATTERN } from '../../shared/roster/reservation-number';

const TODAY = '2025-06-01';
const roster3000 = generateRoster({ residents: 3000, seed: 20250601, today: TODAY });

const KATAKANA = /^[\u30A1-\u30F6\u30FC]+$/;
const placeKey = (town: string, chome: number | null): string => `${town}:${chome ?? '-'}`;
const decodeUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/**
 * A deliberately small reference router with exactly the rules the brief promises a real router
 * understands: NFKC (全角 digits, '－', U+3000), optional 東京都/江東区, building after a space, 丁目 as
 * 漢数字, arabic or the first of a hyphen triple, 番地/番/号, and 番地-first towns without 丁目.
 */
const TOWNS_LONGEST_FIRST = [...new Set(ASSIGNMENTS.map((a) => a.town))].sort((a, b) => b.length - a.length);
const NO_CHOME_TOWNS = new Set(ASSIGNMENTS.filter((a) => a.chome === null).map((a) => a.town));
const REST = /^\d+(?:番地?|-)\d+号?$/;
function route(address: string): { town: string; chome: number | null } | null {
  let a = address.normalize('NFKC').split(' ')[0] ?? '';
  if (a.startsWith('東京都')) a = a.slice(3);
  if (a.startsWith('江東区')) a = a.slice(3);
  const town = TOWNS_LONGEST_FIRST.find((t) => a.startsWith(t));
  if (!town) return null;
  const rest = a.slice(town.length);
  if (NO_CHOME_TOWNS.has(town)) return REST.test(rest) ? { town, chome: null } : null;
  const m = /^(?:([一二三四五六七八九])丁目|(\d)丁目|(\d)-)(.*)$/.exec(rest);
  if (!m || !REST.test(m[4] ?? '')) return null;
  const chome = m[1] ? '一二三四五六七八九'.indexOf(m[1]) + 1 : Number(m[2] ?? m[3]);
  return { town, chome };
}

function ageOn(birth: string, today: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Independent 和暦 reader for CSV cells (with its own era table), returning ISO and checking the era is right for the date. */
const ERA_TABLE = [
  ['令和', 'R', '2019-05-01'],
  ['平成', 'H', '1989-01-08'],
  ['昭和', 'S', '1926-12-25'],
  ['大正', 'T', '1912-07-30'],
  ['明治', 'M', '1868-01-25'],
] as const;
function cellToIso(cell: string): string {
  const pad = (n: string | number): string => String(n).padStart(2, '0');
  const seireki = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(cell);
  if (seireki) return `${seireki[1]}-${seireki[2]}-${seireki[3]}`;
  const long = /^(令和|平成|昭和|大正|明治)(元|\d+)年(\d{1,2})月(\d{1,2})日$/.exec(cell);
  const short = /^([RHSTM])(\d+)\.(\d{1,2})\.(\d{1,2})$/.exec(cell);
  const m = long ?? short;
  assert.ok(m, `unrecognised date cell '${cell}'`);
  const era = ERA_TABLE.find((e) => e[0] === m[1] || e[1] === m[1]);
  assert.ok(era);
  const year = Number(era[2].slice(0, 4)) + (m[2] === '元' ? 1 : Number(m[2])) - 1;
  const iso = `${year}-${pad(m[3] ?? '')}-${pad(m[4] ?? '')}`;
  const expectedEra = ERA_TABLE.find((e) => iso >= e[2]);
  assert.equal(expectedEra?.[0], era[0], `${cell} (${iso}) is written in the wrong era`);
  return iso;
}

describe('generateRoster', () => {
  test('same seed gives identical output, a different seed a different roster', () => {
    const again = generateRoster({ residents: 3000, seed: 20250601, today: TODAY });
    assert.deepEqual(again, roster3000);
    assert.deepEqual(
      rosterToCsv(again, { encoding: 'cp932', dateStyle: 'mixed', seed: 3 }),
      rosterToCsv(roster3000, { encoding: 'cp932', dateStyle: 'mixed', seed: 3 }),
    );
    const other = generateRoster({ residents: 3000, seed: 20250602, today: TODAY });
    const same = other.filter((r, i) => r.reservationNo === roster3000[i]?.reservationNo || r.address === roster3000[i]?.address);
    assert.ok(same.length < 300, `seeds 20250601 and 20250602 agree on ${same.length} of 3000 rows`);
  });

  test('returns exactly N residents, including N = 0 and N below the number of 町丁目', () => {
    assert.equal(generateRoster({ residents: 0, seed: 1, today: TODAY }).length, 0);
    assert.equal(generateRoster({ residents: 50, seed: 1, today: TODAY }).length, 50);
    assert.equal(roster3000.length, 3000);
  });

  test('reservation numbers are canonical XXX-NNNNNN with a letter, and unique', () => {
    for (const r of roster3000) {
      assert.match(r.reservationNo, RESERVATION_NUMBER_PATTERN);
      assert.match(r.reservationNo.slice(0, 3), /[A-Z]/, r.reservationNo);
    }
    const big = generateRoster({ residents: 20000, seed: 7, today: TODAY });
    assert.equal(new Set(big.map((r) => r.reservationNo)).size, big.length);
  });

  test('every (town, chome) of the assignment table appears, from N = 158 up', () => {
    for (const roster of [roster3000, generateRoster({ residents: ASSIGNMENTS.length, seed: 9, today: TODAY })]) {
      const seen = new Set(roster.map((r) => placeKey(r.town, r.chome)));
      const missing = ASSIGNMENTS.filter((a) => !seen.has(placeKey(a.town, a.chome)));
      assert.deepEqual(missing, []);
      const known = new Set(ASSIGNMENTS.map((a) => placeKey(a.town, a.chome)));
      assert.ok(roster.every((r) => known.has(placeKey(r.town, r.chome))));
    }
  });

  test('big towns get more residents than small ones', () => {
    const perTown = new Map<string, number>();
    for (const r of roster3000) perTown.set(r.town, (perTown.get(r.town) ?? 0) + 1);
    const per = (town: string): number => (perTown.get(town) ?? 0) / ASSIGNMENTS.filter((a) => a.town === town).length;
    for (const big of ['豊洲', '東雲', '亀戸', '大島', '南砂']) assert.ok(per(big) > 2 * per('清澄'), `${big} per 丁目 vs 清澄`);
    assert.ok((perTown.get('海の森') ?? 0) <= 6);
  });

  test('birth dates are real calendar dates giving ages 0–100, before the shipment', () => {
    const ages = new Set<number>();
    for (const r of generateRoster({ residents: 20000, seed: 11, today: '2024-02-29' })) {
      const d = new Date(`${r.birthDate}T00:00:00Z`);
      assert.equal(d.toISOString().slice(0, 10), r.birthDate, 'not a real date');
      const age = ageOn(r.birthDate, '2024-02-29');
      assert.ok(age >= 0 && age <= 100, `${r.birthDate} is age ${age}`);
      assert.ok(r.birthDate < r.shippedOn);
      ages.add(age);
    }
    assert.ok(ages.has(0) && ages.has(95), 'the whole age range is used');
  });

  test('about 10% are 再発行', () => {
    const roster = generateRoster({ residents: 10000, seed: 5, today: TODAY });
    const share = roster.filter((r) => r.noticeType === '再発行').length / roster.length;
    assert.ok(share > 0.085 && share < 0.115, `再発行 share ${share}`);
    assert.ok(roster.every((r) => r.noticeType === '通常' || r.noticeType === '再発行'));
  });

  test('shippedOn: four weekly shipments by default, the given date when passed', () => {
    assert.deepEqual([...new Set(roster3000.map((r) => r.shippedOn))].sort(), ['2025-05-04', '2025-05-11', '2025-05-18', '2025-05-25']);
    const fixed = generateRoster({ residents: 300, seed: 1, today: TODAY, shippedOn: '2025-05-30' });
    assert.ok(fixed.every((r) => r.shippedOn === '2025-05-30'));
  });

  test('names and kana are U+3000-separated pairs taken from the name table, kana in full-width katakana', () => {
    const surnames = new Map([...SURNAMES, ...RARE_SURNAMES].map(([k, kana]) => [k, kana]));
    const given = new Map(GIVEN_NAMES.map(([k, kana]) => [k, kana]));
    for (const r of roster3000) {
      const [sur, giv, extra] = r.name.split('\u3000');
      const [surKana, givKana, extraKana] = r.kana.split('\u3000');
      assert.equal(extra, undefined);
      assert.equal(extraKana, undefined);
      assert.match(surKana ?? '', KATAKANA);
      assert.match(givKana ?? '', KATAKANA);
      assert.equal(surnames.get(sur ?? ''), surKana, r.name);
      assert.equal(given.get(giv ?? ''), givKana, r.name);
    }
    assert.equal(roster3000.find((r) => r.name.startsWith('佐藤\u3000'))?.kana.split('\u3000')[0], 'サトウ');
  });

  test('addresses: at least 60% canonical, every one routable back to its own 町丁目', () => {
    let canonical = 0;
    for (const r of roster3000) {
      const head = `東京都江東区${r.town}${r.chome === null ? '' : `${kanjiNumber(r.chome)}丁目`}`;
      if (r.address.startsWith(head) && /^\d+番\d+号$/.test(r.address.slice(head.length))) canonical++;
      assert.deepEqual(route(r.address), { town: r.town, chome: r.chome }, r.address);
    }
    assert.ok(canonical / roster3000.length >= 0.6, `canonical share ${canonical / roster3000.length}`);
    assert.ok(canonical / roster3000.length < 0.8, 'variants are actually produced');
  });

  test('the address variants residents write all occur', () => {
    const addresses = generateRoster({ residents: 5000, seed: 3, today: TODAY }).map((r) => r.address);
    const styles: Record<string, RegExp> = {
      'no 東京都': /^江東区/,
      'no prefix': /^(?!東京都|江東区)/,
      'arabic 丁目': /^[^ 　]*[^0-9０-９][0-9]丁目/,
      'hyphen triple': /[^0-9][0-9]-\d+-\d+(?: |$)/,
      番地: /番地/,
      '全角 digits': /[０-９]/,
      'building and room': / .+ \d{3,4}(?:号室)?$/,
      '全角 space before building': /\u3000/,
      'no-chome hyphen': /(?:高橋|冬木|石島|千田|海辺)\d+-\d+/,
      'no-chome 番号': /(?:高橋|冬木|石島|千田|海辺)\d+番\d+号/,
    };
    for (const [name, re] of Object.entries(styles))
      assert.ok(
        addresses.some((a) => re.test(a)),
        `no address in style '${name}'`,
      );
  });

  test('rejects bad options', () => {
    assert.throws(() => generateRoster({ residents: 1, seed: 1, today: '2025-02-30' }), RangeError);
    assert.throws(() => generateRoster({ residents: 1, seed: 1.5, today: TODAY }), RangeError);
    assert.throws(() => generateRoster({ residents: -1, seed: 1, today: TODAY }), RangeError);
  });
});

describe('name table', () => {
  test('has ~150 surnames and given names, no duplicates, katakana readings, all CP932-encodable', () => {
    assert.ok(SURNAMES.length >= 150 && GIVEN_NAMES.length >= 150);
    assert.ok(GIVEN_NAMES.filter((g) => g[2] === 'M').length >= 60 && GIVEN_NAMES.filter((g) => g[2] === 'F').length >= 60);
    const all = [...SURNAMES, ...RARE_SURNAMES, ...GIVEN_NAMES];
    const keys = [...SURNAMES, ...RARE_SURNAMES].map((e) => e[0]);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(new Set(GIVEN_NAMES.map((e) => e[0])).size, GIVEN_NAMES.length);
    for (const [kanji, kana] of all) {
      assert.match(kana, KATAKANA, kanji);
      assert.equal(iconv.decode(iconv.encode(`${kanji}\u3000${kana}`, 'cp932'), 'cp932'), `${kanji}\u3000${kana}`);
    }
    for (const g of GIVEN_NAMES) assert.match(g[3], /^[abcd]+$/);
  });
});

describe('rosterToCsv', () => {
  const sample = roster3000.slice(0, 400);

  test('header, CRLF line ends, one line per resident, BOM only for utf-8-bom', () => {
    const text = decodeUtf8(rosterToCsv(sample));
    assert.ok(text.startsWith('予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日\r\n'));
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.split('\n').length - 1, sample.length + 1);
    assert.equal((text.match(/\r\n/g) ?? []).length, sample.length + 1);
    assert.equal(text, rosterToCsvText(sample));
    const plain = rosterToCsv(sample, { encoding: 'utf-8' });
    const bom = rosterToCsv(sample, { encoding: 'utf-8-bom' });
    assert.notDeepEqual([...plain.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual([...bom.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(bom.slice(3), plain);
  });

  test('CP932 output decodes to exactly the UTF-8 text, rare characters included', () => {
    const roster = generateRoster({ residents: 6000, seed: 2, today: TODAY });
    assert.ok(
      roster.some((r) => /[髙﨑德栁濵]/.test(r.name)),
      'CP932 extension characters are exercised',
    );
    for (const dateStyle of ['seireki', 'wareki', 'mixed'] as const) {
      const cp932 = rosterToCsv(roster, { encoding: 'cp932', dateStyle });
      assert.equal(iconv.decode(Buffer.from(cp932), 'cp932'), decodeUtf8(rosterToCsv(roster, { dateStyle })));
      assert.notEqual(cp932[0], 0xef);
    }
  });

  test('refuses to write CP932 that would lose characters', () => {
    const bad = { ...sample[0], name: '𠮷野　太郎' } as SyntheticResident;
    assert.throws(() => rosterToCsv([bad], { encoding: 'cp932' }), /CP932/);
    assert.doesNotThrow(() => rosterToCsv([{ ...bad, name: '吉野　太郎?' }], { encoding: 'cp932' }));
  });

  test('quotes only fields that need it', () => {
    const r = { ...sample[0], address: '東京都江東区豊洲五丁目6番1号 "A,B" 101' } as SyntheticResident;
    const line = rosterToCsvText([r]).split('\r\n')[1] ?? '';
    assert.equal(
      line,
      `${r.reservationNo},${r.name},${r.kana},${r.birthDate.replace(/-/g, '/')},"東京都江東区豊洲五丁目6番1号 ""A,B"" 101",${r.noticeType},${r.shippedOn.replace(/-/g, '/')}`,
    );
    assert.ok(!rosterToCsvText(sample).includes('"'));
  });

  test('date styles: 西暦 YYYY/MM/DD, 和暦, and a deterministic mix; every cell reads back to the date', () => {
    const cells = (dateStyle: 'seireki' | 'wareki' | 'mixed', seed?: number): string[][] =>
      rosterToCsvText(sample, { dateStyle, seed })
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(','));
    for (const style of ['seireki', 'wareki', 'mixed'] as const) {
      cells(style, 1).forEach((row, i) => {
        assert.equal(cellToIso(row[3] ?? ''), sample[i]?.birthDate);
        assert.equal(cellToIso(row[6] ?? ''), sample[i]?.shippedOn);
      });
    }
    assert.ok(cells('seireki').every((row) => /^\d{4}\/\d{2}\/\d{2}$/.test(row[3] ?? '')));
    assert.ok(cells('wareki').every((row) => /^(令和|平成|昭和|大正)(元|\d+)年\d+月\d+日$/.test(row[3] ?? '')));
    const mixed = cells('mixed', 1).flatMap((row) => [row[3] ?? '', row[6] ?? '']);
    assert.ok(mixed.some((c) => c.includes('/')) && mixed.some((c) => c.includes('年')) && mixed.some((c) => /^[RHS]\d/.test(c)));
    assert.deepEqual(cells('mixed', 1), cells('mixed', 1));
    assert.notDeepEqual(cells('mixed', 1), cells('mixed', 2));
  });

  test('和暦 boundaries', () => {
    assert.equal(formatWareki('1989-01-07'), '昭和64年1月7日');
    assert.equal(formatWareki('1989-01-08'), '平成元年1月8日');
    assert.equal(formatWareki('2019-04-30'), '平成31年4月30日');
    assert.equal(formatWareki('2019-05-01'), '令和元年5月1日');
    assert.equal(formatWareki('1983-04-01'), '昭和58年4月1日');
    assert.equal(formatWareki('1926-12-24'), '大正15年12月24日');
    assert.equal(formatWareki('1926-12-25'), '昭和元年12月25日');
    assert.equal(formatWareki('1912-07-29'), '明治45年7月29日');
    assert.equal(formatWareki('1912-07-30'), '大正元年7月30日');
    assert.equal(formatWareki('1990-01-05', 'short'), 'H2.1.5');
    assert.equal(formatWareki('1989-01-08', 'short'), 'H1.1.8');
    assert.equal(formatWareki('2025-06-01', 'short'), 'R7.6.1');
    assert.equal(formatWareki('2023-02-29'), null, 'not a real date');
  });

  test('rejects unknown encodings and date styles (JS callers)', () => {
    assert.throws(() => rosterToCsv(sample, { encoding: 'shift_jis' as 'cp932' }), RangeError);
    assert.throws(() => rosterToCsv(sample, { dateStyle: 'heisei' as 'wareki' }), RangeError);
  });

  test('100,000 residents: unique reservation numbers and a full CSV (speed is measured by npm run bench)', () => {
    const roster = generateRoster({ residents: 100_000, seed: 2, today: TODAY });
    const bytes = rosterToCsv(roster, { encoding: 'cp932', dateStyle: 'mixed' });
    assert.equal(roster.length, 100_000);
    // Seed 2 draws one reservation number twice at this size, so this also exercises the redraw.
    assert.equal(new Set(roster.map((r) => r.reservationNo)).size, roster.length);
    assert.ok(bytes.length > 5_000_000);
  });
});

describe('with the real pipeline', () => {
  test('the real router sends every generated address to its own 町丁目 and venue', () => {
    const venueOf = new Map(ASSIGNMENTS.map((a) => [placeKey(a.town, a.chome), a.venue]));
    for (const r of generateRoster({ residents: 10000, seed: 8, today: TODAY })) {
      const routed = routeAddress(r.address);
      assert.deepEqual(
        routed.ok && { town: routed.town, chome: routed.chome, venue: routed.venue },
        { town: r.town, chome: r.chome, venue: venueOf.get(placeKey(r.town, r.chome)) },
        r.address,
      );
    }
  });

  test('the real roster reader reads every encoding and date style back to the generated rows', () => {
    const roster = roster3000;
    for (const encoding of ['utf-8', 'utf-8-bom', 'cp932'] as const) {
      for (const dateStyle of ['seireki', 'wareki', 'mixed'] as const) {
        const read = readRoster(rosterToCsv(roster, { encoding, dateStyle, seed: 4 }), { today: TODAY });
        assert.ok(read.ok, `${encoding}/${dateStyle}: ${JSON.stringify(!read.ok && read.problems.slice(0, 3))}`);
        assert.equal(read.encoding, encoding);
        assert.deepEqual(
          read.rows.map(({ line: _line, ...row }) => row),
          roster.map(({ town: _t, chome: _c, ...row }) => row),
        );
      }
    }
  });
});
