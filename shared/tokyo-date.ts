// Tokyo time, in one place. Every venue is in Japan: a business day is a Tokyo calendar day, and every time a
// person reads (on screen, on paper, in the CLI) is Tokyo wall-clock time. Events store UTC instants
// (toISOString); Tokyo is UTC+9 all year (no daylight saving), so plain arithmetic is exact and does not
// depend on the PC's time zone. Nothing else in the code should add nine hours or name Asia/Tokyo.
//
// Calculations refuse what they cannot read (RangeError): a wrong date must not become a wrong count.
// Display functions never throw: they show what they cannot read as given.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const HALF_HOUR_MS = HOUR_MS / 2;
const TOKYO_OFFSET_MS = 9 * HOUR_MS;

/** A Tokyo day's half hours: 0 is 00:00–00:29, 19 is 09:30–09:59, 47 is 23:30–23:59. */
export const HALF_HOURS_PER_DAY = 48;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An ISO instant with its zone: without one, Date.parse reads the PC's local time.
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// Day numbers (days since 1970-01-01) → YYYY-MM-DD, converted once each: reconciliation asks per event.
const dateByDay = new Map<number, string>();

function dateOfDay(day: number): string {
  let date = dateByDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateByDay.size > 100_000) dateByDay.clear();
    dateByDay.set(day, date);
  }
  return date;
}

/** Days since 1970-01-01 of a real calendar date (2026-02-30 is not one). */
function dayOf(date: string): number {
  const m = CALENDAR_DATE.exec(date);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const d = new Date(ms);
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) return ms / DAY_MS;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** Milliseconds of an ISO timestamp with its zone (Z or ±HH:MM). */
function instantOf(iso: string): number {
  const ms = ZONED.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp with a time zone: ${JSON.stringify(iso)}`);
  return ms;
}

/** The Tokyo calendar date (YYYY-MM-DD) of an instant: 2026-11-20T14:59:59Z is the 20th, 15:00:00Z the 21st. */
export function tokyoDateOf(iso: string): string {
  return dateOfDay(Math.floor((instantOf(iso) + TOKYO_OFFSET_MS) / DAY_MS));
}

/** Today's date (or any Date's) in Tokyo, whatever the PC's time zone. */
export function tokyoDate(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('not a valid Date');
  return dateOfDay(Math.floor((ms + TOKYO_OFFSET_MS) / DAY_MS));
}

export interface TokyoSlot {
  /** The Tokyo date, YYYY-MM-DD. */
  readonly date: string;
  /** The half hour of that day, 0–47 (see HALF_HOURS_PER_DAY). */
  readonly half: number;
}

/** The Tokyo date and half hour of an instant: what the daily report's half-hour chart counts by. */
export function tokyoSlotOf(iso: string): TokyoSlot {
  const t = instantOf(iso) + TOKYO_OFFSET_MS;
  const day = Math.floor(t / DAY_MS);
  return { date: dateOfDay(day), half: Math.floor((t - day * DAY_MS) / HALF_HOUR_MS) };
}

/** The instant (UTC ISO, as events store it) of a Tokyo wall-clock time: ('2026-11-20', '09:00') → 00:00Z. */
export function tokyoInstant(date: string, time = '00:00'): string {
  const m = WALL_TIME.exec(time);
  if (!m) throw new RangeError(`not a time of day (HH:MM): ${JSON.stringify(time)}`);
  return new Date(dayOf(date) * DAY_MS + Number(m[1]) * HOUR_MS + Number(m[2]) * 60_000 - TOKYO_OFFSET_MS).toISOString();
}

/** The instant a Tokyo business day begins (its 00:00), as UTC ISO. */
export function tokyoDayStart(date: string): string {
  return tokyoInstant(date);
}

/**
 * The instant a Tokyo business day ends, as UTC ISO: the next day's 00:00, exclusive. An event belongs to the
 * day when tokyoDayStart(date) <= clientTime < tokyoDayEnd(date) (UTC ISO strings compare as their instants).
 */
export function tokyoDayEnd(date: string): string {
  return tokyoInstant(addDays(date, 1));
}

/** A calendar date `days` after a YYYY-MM-DD date (negative: before): e.g. the collection deadline after a notice was sent. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`not a whole number of days: ${days}`);
  return dateOfDay(dayOf(date) + days);
}

/** An instant's Tokyo wall clock, or null for anything that is not a timestamp with a zone. */
export function tokyoWallClock(iso: string): { readonly date: string; readonly time: string } | null {
  const ms = ZONED.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return null;
  const t = new Date(ms + TOKYO_OFFSET_MS).toISOString();
  return { date: t.slice(0, 10), time: t.slice(11, 16) };
}

/**
 * An instant as Tokyo date and time, the one way screens, prints and the CLI show a moment ('2026/11/25 17:30',
 * zero-padded so columns line up); anything else (a caller's own '2026/11/25 10:00') is shown as given.
 */
export function tokyoDateTime(iso: string): string {
  const w = tokyoWallClock(iso);
  return w === null ? iso : `${w.date.replaceAll('-', '/')} ${w.time}`;
}

/** An instant as a Tokyo stamp for file names: 20261203-193015 (sorts by time, no separators a file system minds). */
export function tokyoStamp(d: Date): string {
  const t = new Date(d.getTime() + TOKYO_OFFSET_MS).toISOString();
  return `${t.slice(0, 10).replaceAll('-', '')}-${t.slice(11, 19).replaceAll(':', '')}`;
}

/** A calendar day (YYYY-MM-DD) the one way screens and prints show a day: 2026年12月2日 (anything else as given). */
export function dayText(date: string): string {
  const m = CALENDAR_DATE.exec(date);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date;
}

const WEEKDAYS = '日月火水木金土';

/** A calendar day with its weekday, as a date field reads back what it understood: 2026年12月2日（水）. */
export function dayWithWeekday(date: string): string {
  try {
    return `${dayText(date)}（${WEEKDAYS[new Date(dayOf(date) * DAY_MS).getUTCDay()]}）`;
  } catch {
    return date;
  }
}
