import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  DAY_MS,
  tokyoDate,
  tokyoDateOf,
  tokyoDateTime,
  dayText,
  dayWithWeekday,
  tokyoDayEnd,
  tokyoDayStart,
  tokyoInstant,
  tokyoSlotOf,
  tokyoWallClock,
} from './tokyo-date';

describe('the Tokyo date of an instant', () => {
  it('changes at 15:00 UTC, not at UTC midnight', () => {
    assert.equal(tokyoDateOf('2026-11-20T14:59:59.999Z'), '2026-11-20');
    assert.equal(tokyoDateOf('2026-11-20T15:00:00.000Z'), '2026-11-21');
    assert.equal(tokyoDateOf('2026-11-20T23:59:59Z'), '2026-11-21');
    assert.equal(tokyoDate(new Date('2026-11-20T15:00:00Z')), '2026-11-21');
  });

  it('reads the zone a timestamp carries', () => {
    assert.equal(tokyoDateOf('2026-11-21T00:10:00+09:00'), '2026-11-21');
    assert.equal(tokyoDateOf('2026-11-21T00:10:00Z'), '2026-11-21');
    assert.equal(tokyoDateOf('2026-11-20T23:10:00-08:00'), '2026-11-21');
  });

  it('crosses months and years', () => {
    assert.equal(tokyoDateOf('2026-12-31T15:00:00Z'), '2027-01-01');
    assert.equal(tokyoDateOf('2028-02-28T15:00:00Z'), '2028-02-29');
  });

  it('agrees with the platform’s Asia/Tokyo time zone for any instant', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        const [date, time] = intl.format(new Date(ms)).split(' ');
        assert.equal(tokyoDateOf(iso), date);
        assert.deepEqual(tokyoWallClock(iso), { date, time });
        assert.equal(tokyoSlotOf(iso).half, Number(time!.slice(0, 2)) * 2 + (Number(time!.slice(3)) >= 30 ? 1 : 0));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a timestamp with a zone', () => {
    for (const bad of ['', 'garbage', '2026-11-20', '2026-11-20T10:00:00', '2026-13-01T00:00:00Z', 'Nov 20 2026 10:00 +09:00']) {
      assert.throws(() => tokyoDateOf(bad), RangeError, bad);
      assert.throws(() => tokyoSlotOf(bad), RangeError, bad);
    }
    assert.throws(() => tokyoDate(new Date(NaN)), RangeError);
  });
});

describe('the half hour of an instant', () => {
  it('turns at :30 and at the hour, in Tokyo time', () => {
    assert.deepEqual(tokyoSlotOf('2026-11-20T00:29:59Z'), { date: '2026-11-20', half: 18 }); // 09:29
    assert.deepEqual(tokyoSlotOf('2026-11-20T00:30:00Z'), { date: '2026-11-20', half: 19 }); // 09:30
    assert.deepEqual(tokyoSlotOf('2026-11-20T14:59:59Z'), { date: '2026-11-20', half: 47 }); // 23:59
    assert.deepEqual(tokyoSlotOf('2026-11-20T15:00:00Z'), { date: '2026-11-21', half: 0 }); // 00:00 the next day
  });
});

describe('the instants of a Tokyo day', () => {
  it('begins at 15:00 UTC the day before and ends, exclusive, at the next day’s start', () => {
    assert.equal(tokyoDayStart('2026-11-20'), '2026-11-19T15:00:00.000Z');
    assert.equal(tokyoDayEnd('2026-11-20'), '2026-11-20T15:00:00.000Z');
    assert.equal(tokyoDayEnd('2026-12-31'), '2026-12-31T15:00:00.000Z');
    assert.equal(tokyoDateOf(tokyoDayStart('2026-11-20')), '2026-11-20');
    assert.equal(tokyoDateOf(new Date(Date.parse(tokyoDayEnd('2026-11-20')) - 1).toISOString()), '2026-11-20');
    assert.equal(tokyoDateOf(tokyoDayEnd('2026-11-20')), '2026-11-21');
  });

  it('places a wall-clock time on its day', () => {
    assert.equal(tokyoInstant('2026-11-20', '09:00'), '2026-11-20T00:00:00.000Z');
    assert.equal(tokyoInstant('2026-11-20', '17:30'), '2026-11-20T08:30:00.000Z');
    assert.equal(tokyoInstant('2026-11-20', '23:59'), '2026-11-20T14:59:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    for (const bad of ['', '2026-02-30', '2026-13-01', '2026-1-5', '20261120', '2026-11-20T00:00:00Z']) {
      assert.throws(() => tokyoDayStart(bad), RangeError, bad);
      assert.throws(() => tokyoDayEnd(bad), RangeError, bad);
    }
    for (const bad of ['24:00', '9:00', '09:60', '']) assert.throws(() => tokyoInstant('2026-11-20', bad), RangeError, bad);
    assert.equal(tokyoDayStart('2028-02-29'), '2028-02-28T15:00:00.000Z');
    assert.throws(() => tokyoDayStart('2026-02-29'), RangeError);
  });
});

describe('adding days', () => {
  it('crosses month, year and leap day, both ways', () => {
    assert.equal(addDays('2026-11-20', 90), '2027-02-18');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-12-31', 0), '2026-12-31');
  });

  it('is the same as moving the instant by whole days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: -5_000, max: 5_000 }), (day, n) => {
        const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
        assert.equal(addDays(date, n), new Date((day + n) * DAY_MS).toISOString().slice(0, 10));
      }),
    );
  });

  it('refuses a date that does not exist and a part of a day', () => {
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
    assert.throws(() => addDays('2026-11-20', 0.5), RangeError);
  });
});

describe('Tokyo time as people read it', () => {
  it('shows an instant as Tokyo date and time, whatever zone it was written in', () => {
    assert.equal(tokyoDateTime('2026-11-25T08:30:00.000Z'), '2026/11/25 17:30');
    assert.equal(tokyoDateTime('2026-11-25T17:30:00+09:00'), '2026/11/25 17:30');
    assert.equal(tokyoDateTime('2026-12-02T10:42:00Z'), '2026/12/02 19:42');
    assert.equal(tokyoDateTime('2026-11-25T15:05:00Z'), '2026/11/26 00:05');
  });

  it('shows a day as 2026年12月2日, with its weekday where a date field reads it back', () => {
    assert.equal(dayText('2026-12-02'), '2026年12月2日');
    assert.equal(dayWithWeekday('2026-12-02'), '2026年12月2日（水）');
    assert.equal(dayWithWeekday('2019-05-01'), '2019年5月1日（水）');
    for (const odd of ['', '2026-02-30', '12/02/2026']) assert.equal(dayWithWeekday(odd), odd);
    assert.equal(dayText('12/02/2026'), '12/02/2026');
  });

  it('shows what it cannot read as given, never throwing', () => {
    for (const odd of ['', '2026-11-25 10:00', '2026-11-25T10:00', 'garbage']) {
      assert.equal(tokyoDateTime(odd), odd);
      assert.equal(tokyoWallClock(odd), null);
    }
  });
});
