import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { daysInMonth, ERAS, isIsoDate, parseBirthDate, parseJapaneseDate } from './japanese-date';
import { addDays } from '../tokyo-date';

const accepts = (raw: string, expected: string): void => {
  assert.deepEqual(parseJapaneseDate(raw), { ok: true, value: expected }, `input ${JSON.stringify(raw)}`);
};
const rejects = (raw: string, reasonPattern?: RegExp): void => {
  const r = parseJapaneseDate(raw);
  assert.equal(r.ok, false, `expected ${JSON.stringify(raw)} to be rejected, got ${JSON.stringify(r)}`);
  if (!r.ok && reasonPattern) assert.match(r.reason, reasonPattern);
};

describe('parseJapaneseDate: 西暦', () => {
  it('reads every listed form, 半角 and 全角', () => {
    for (const raw of [
      '1983-04-01',
      '1983-4-1',
      '1983/4/1',
      '1983/04/01',
      '1983.4.1',
      '19830401',
      '1983年4月1日',
      '1983年04月01日',
      '1983 年 4 月 1 日',
      '１９８３－０４－０１',
      '１９８３／４／１',
      '１９８３．４．１',
      '１９８３０４０１',
      '１９８３年４月１日',
      '  1983/4/1\u3000',
      '1983−4−1',
    ]) {
      accepts(raw, '1983-04-01');
    }
  });

  it('validates the calendar, leap years included', () => {
    accepts('2024-02-29', '2024-02-29');
    accepts('2000/2/29', '2000-02-29');
    rejects('2023-02-29', /存在しない日付/);
    rejects('1900-02-29', /存在しない日付/);
    rejects('2024-02-30', /存在しない日付/);
    rejects('2024-04-31', /存在しない日付/);
    rejects('2024-13-01', /存在しない月/);
    rejects('2024-00-10', /存在しない月/);
    rejects('2024-01-00', /存在しない日付/);
    rejects('0000-01-01');
  });

  it('rejects what is not a date', () => {
    for (const raw of [
      '',
      ' ',
      'abc',
      '1983/4-1',
      '1983-4/1',
      '83/4/1',
      '1983/4',
      '198341',
      '1983041',
      '1983年4月',
      '4/1/1983',
      '1983-04-01T00:00',
    ]) {
      rejects(raw);
    }
  });
});

describe('parseJapaneseDate: 和暦', () => {
  it('reads era names and initials in every listed form', () => {
    accepts('昭和58年4月1日', '1983-04-01');
    accepts('S58.4.1', '1983-04-01');
    accepts('s58.4.1', '1983-04-01');
    accepts('Ｓ５８．４．１', '1983-04-01');
    accepts('ｓ58/4/1', '1983-04-01');
    accepts('S58-4-1', '1983-04-01');
    accepts('S58年4月1日', '1983-04-01');
    accepts('昭和58.4.1', '1983-04-01');
    accepts('昭和 58年 4月 1日', '1983-04-01');
    accepts('昭和５８年４月１日', '1983-04-01');
    accepts('㍼58年4月1日', '1983-04-01');
    accepts('H2/1/5', '1990-01-05');
    accepts('h02/01/05', '1990-01-05');
    accepts('平成元年1月8日', '1989-01-08');
    accepts('H元.1.8', '1989-01-08');
    accepts('㍻元年1月8日', '1989-01-08');
    accepts('R3-12-1', '2021-12-01');
    accepts('r3ー12ー1', '2021-12-01');
    accepts('令和元年5月1日', '2019-05-01');
    accepts('令和1年5月1日', '2019-05-01');
    accepts('R1.5.1', '2019-05-01');
    accepts('M45.7.29', '1912-07-29');
    accepts('明治45年7月29日', '1912-07-29');
    accepts('T1.7.30', '1912-07-30');
    accepts('大正元年7月30日', '1912-07-30');
    accepts('大正15年12月24日', '1926-12-24');
    accepts('昭和元年12月25日', '1926-12-25');
    accepts('昭和64年1月7日', '1989-01-07');
    accepts('平成31年4月30日', '2019-04-30');
    accepts('明治元年1月25日', '1868-01-25');
  });

  it('rejects dates outside their era, naming the era period', () => {
    rejects('昭和64年1月8日', /昭和の期間外/);
    rejects('平成31年5月1日', /平成の期間外/);
    rejects('令和1年4月30日', /令和の期間外/);
    rejects('令和元年4月30日', /令和の期間外/);
    rejects('平成元年1月7日', /平成の期間外/);
    rejects('明治元年1月24日', /明治の期間外/);
    rejects('明治45年7月30日', /明治の期間外/);
    rejects('大正元年7月29日', /大正の期間外/);
    rejects('大正16年1月1日', /大正の期間外/);
    rejects('昭和65年1月1日', /昭和の期間外/);
    rejects('S0.1.1', /元年/);
  });

  it('validates the calendar inside an era', () => {
    rejects('平成4年2月30日', /存在しない日付/);
    accepts('平成4年2月29日', '1992-02-29');
    rejects('H5.2.29', /存在しない日付/);
    rejects('昭和58年13月1日', /存在しない月/);
  });

  it('rejects unknown eras and malformed 和暦', () => {
    for (const raw of ['X58.4.1', '慶応3年1月1日', '昭58.4.1', 'S58.4', 'S58/4.1', 'S.58.4.1', 'S580401', 'S123.1.1', '昭和年4月1日']) {
      rejects(raw);
    }
  });

  it('accepts the first and last day of every era and rejects the neighbours (table-driven)', () => {
    const prevDay = (iso: string): string => addDays(iso, -1);
    const nextDay = (iso: string): string => addDays(iso, 1);
    for (const era of ERAS) {
      const write = (iso: string): string => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        return `${era.initial}${y - era.firstYear + 1}.${m}.${d}`;
      };
      accepts(write(era.start), era.start);
      rejects(write(prevDay(era.start)), /期間外/);
      if (era.end !== null) {
        accepts(write(era.end), era.end);
        rejects(write(nextDay(era.end)), /期間外/);
      }
    }
  });
});

describe('parseJapaneseDate: properties', () => {
  it('never throws on arbitrary strings and returns a typed result', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom(...'0123456789年月日元昭和平成令大正明治MTSHRmtshr./-ー　 ０１２３４５６７８９') }),
        ),
        (raw) => {
          const r = parseJapaneseDate(raw);
          if (r.ok) assert.ok(isIsoDate(r.value), r.value);
          else assert.ok(r.reason.length > 0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  const anyDate = fc
    .tuple(fc.integer({ min: 1868, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => d <= daysInMonth(y, m))
    .map(([y, m, d]) => ({ y, m, d, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }));

  it('any real date written in any 西暦 form reads back (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 5 }), fc.boolean(), ({ y, m, d, iso }, form, wide) => {
        const p2 = (n: number): string => String(n).padStart(2, '0');
        const forms = [iso, `${y}/${m}/${d}`, `${y}.${p2(m)}.${p2(d)}`, `${y}${p2(m)}${p2(d)}`, `${y}年${m}月${d}日`, `${y}-${m}-${d}`];
        let s = forms[form] ?? iso;
        if (wide) s = s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        assert.deepEqual(parseJapaneseDate(s), { ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it('any real date written as 和暦 of its own era reads back, and in the wrong era is refused (property)', () => {
    fc.assert(
      fc.property(
        anyDate.filter(({ iso }) => iso >= '1868-01-25'),
        fc.boolean(),
        fc.boolean(),
        ({ y, m, d, iso }, useName, kanjiForm) => {
          const era = [...ERAS].reverse().find((e) => iso >= e.start);
          assert.ok(era);
          const eraYear = y - era.firstYear + 1;
          const yearText = eraYear === 1 && kanjiForm ? '元' : String(eraYear);
          const eraText = useName ? era.name : era.initial;
          const s = kanjiForm ? `${eraText}${yearText}年${m}月${d}日` : `${eraText}${yearText}.${m}.${d}`;
          assert.deepEqual(parseJapaneseDate(s), { ok: true, value: iso }, s);
          // The same Gregorian date expressed in the following era cannot exist.
          const next = ERAS[ERAS.indexOf(era) + 1];
          if (next && y >= next.firstYear) {
            const r = parseJapaneseDate(`${next.name}${y - next.firstYear + 1}年${m}月${d}日`);
            assert.equal(r.ok, false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('parseBirthDate', () => {
  it('refuses the future relative to the injected today, and dates before 1868', () => {
    assert.deepEqual(parseBirthDate('2025-06-01', '2025-06-01'), { ok: true, value: '2025-06-01' });
    const future = parseBirthDate('2025-06-02', '2025-06-01');
    assert.equal(future.ok, false);
    // Said back as every screen writes a day, not as the machine reads it.
    if (!future.ok) assert.equal(future.reason, '生年月日が未来の日付です（2025年6月2日、基準日 2025年6月1日）');
    const futureEra = parseBirthDate('令和7年6月2日', '2025-06-01');
    assert.equal(futureEra.ok, false);
    const old = parseBirthDate('1867-12-31', '2025-06-01');
    assert.equal(old.ok, false);
    if (!old.ok) assert.match(old.reason, /1868/);
    assert.deepEqual(parseBirthDate('1868-01-01', '2025-06-01'), { ok: true, value: '1868-01-01' });
    assert.deepEqual(parseBirthDate('S58.4.1', '2025-06-01'), { ok: true, value: '1983-04-01' });
  });

  it('passes the calendar reason through', () => {
    const r = parseBirthDate('2023-02-29', '2025-06-01');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /存在しない日付/);
  });
});

describe('isIsoDate', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    assert.equal(isIsoDate('2025-06-01'), true);
    assert.equal(isIsoDate('2025-6-1'), false);
    assert.equal(isIsoDate('2025-02-29'), false);
    assert.equal(isIsoDate('令和7年6月1日'), false);
  });
});
