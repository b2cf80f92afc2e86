// The last guard before a line reaches a log file or a crash report: what looks like a resident's number or date
// is replaced by a word saying what was there. It is a net, not a licence: callers log codes and counts (a
// channel, an error code, how many files), never a resident's data. Names cannot be told from other Japanese
// text, so this does not try; numbers and dates can, so those are covered:
//   - 予約管理番号 (A1B-123456, with or without its hyphen, 全角, any dash look-alike): the notice's barcode;
//   - 個人番号 (12 digits, also written 4-4-4) and any other run of 10 digits or more (住民票コード, a card
//     or phone number);
//   - a calendar day in any form the roster reader takes (1983-04-01, 1983/4/1, 19830401, 1983年4月1日,
//     昭和58年4月1日, S58.4.1, 全角 too): a birth date looks like any other day, so every lone day goes;
//     a moment (a day with its time: 2026-12-03T09:42:00Z, 2026/12/03 18:42, 20261203-184200) from 2016 on,
//     when the My Number system began, is kept: the app's own times are moments, and a birth date turned into a
//     moment (1983-04-01T00:00:00.000Z) is older than that;
//   - address numbers: 〒135-0061, 3丁目, 三丁目, 2番1号, 豊洲3-2-1;
//   - the user's home folder in a path (a Windows account is often a person's name) becomes ~.
import { parseJapaneseDate } from '../../shared/roster/japanese-date';
import { RESERVATION_NUMBER_DIGITS, RESERVATION_NUMBER_PREFIX_LENGTH } from '../../shared/roster/reservation-number';
import { DASH_LOOKALIKES } from '../../shared/roster/text';

/** What stands in the line where something was taken out. */
const SCRUBBED = {
  reservationNo: '[予約番号]',
  personalNo: '[個人番号]',
  number: '[番号]',
  date: '[日付]',
  address: '[住所]',
} as const;

/** The year the My Number system began: no moment the app records is older. */
const FIRST_YEAR_OF_MOMENTS = 2016;

const DIGIT = '[0-9\\uFF10-\\uFF19]';
const ALNUM = '0-9A-Za-z\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const DASH = `[-${DASH_LOOKALIKES}]`;
const ALONE_BEFORE = `(?<![${ALNUM}])`;
const ALONE_AFTER = `(?![${ALNUM}])`;

const RESERVATION_NO = new RegExp(
  `${ALONE_BEFORE}[${ALNUM}]{${RESERVATION_NUMBER_PREFIX_LENGTH}}${DASH}?${DIGIT}{${RESERVATION_NUMBER_DIGITS}}${ALONE_AFTER}`,
  'g',
);
const PERSONAL_NO = new RegExp(`${ALONE_BEFORE}${DIGIT}{4}([ \\u3000]|${DASH})?${DIGIT}{4}\\1${DIGIT}{4}${ALONE_AFTER}`, 'g');
const LONG_NUMBER = new RegExp(`${ALONE_BEFORE}${DIGIT}{10,}${ALONE_AFTER}`, 'g');

const ERA = '(?:明治|大正|昭和|平成|令和|[MTSHRmtshr])';
const SEP = `(?:[./\uFF0E\uFF0F]|${DASH})`;
const DATE_CANDIDATES = new RegExp(
  [
    `${ALONE_BEFORE}${DIGIT}{4}(${SEP})${DIGIT}{1,2}\\1${DIGIT}{1,2}(?!${DIGIT})`,
    `${ALONE_BEFORE}${DIGIT}{4}\\s*年\\s*${DIGIT}{1,2}\\s*月\\s*${DIGIT}{1,2}(?:\\s*日)?`,
    `${ALONE_BEFORE}${DIGIT}{8}(?!${DIGIT})`,
    `${ALONE_BEFORE}${ERA}\\s*(?:${DIGIT}{1,2}|元)(?:\\s*年\\s*${DIGIT}{1,2}\\s*月\\s*${DIGIT}{1,2}(?:\\s*日)?|(${SEP})${DIGIT}{1,2}\\2${DIGIT}{1,2}(?!${DIGIT}))`,
  ].join('|'),
  'g',
);
// What follows a day that makes it a moment: an ISO time, a space and a wall-clock time, or a file stamp's time.
const TIME_AFTER = /^(?:T\d{2}:\d{2}|[ \u3000]\d{1,2}:\d{2}|-\d{6}(?!\d))/;

const POSTAL_CODE = new RegExp(`〒\\s*${DIGIT}{3}${DASH}?${DIGIT}{4}|${ALONE_BEFORE}${DIGIT}{3}${DASH}${DIGIT}{4}${ALONE_AFTER}`, 'g');
const KANJI_DIGIT = '[一二三四五六七八九十〇]';
const CHOME_BANCHI = new RegExp(
  `(?:${DIGIT}+|${KANJI_DIGIT}+)丁目(?:${DIGIT}+(?:番地?|${DASH})(?:${DIGIT}+号?)?)?|${DIGIT}+番地?(?:${DIGIT}+号?)?`,
  'g',
);
// 豊洲3-2-1: a hyphen pair or triple straight after a town's name.
const TOWN_HYPHENS = new RegExp(`(?<=[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}])${DIGIT}+(?:${DASH}${DIGIT}+){1,2}`, 'gu');

export interface ScrubOptions {
  /** The user's home folder, replaced by `~` in paths (stack frames name it). */
  readonly home?: string;
}

// A GUID is no one's: Windows names a HID device by its class GUID ({4d1e55b2-f16f-11cf-88cb-001111000030}), whose
// last group would otherwise read as a 個人番号.
const GUID = /\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?/g;

/** The line with what looks like personal data replaced; a line with none comes back unchanged. */
export function scrubLogLine(line: string, options: ScrubOptions = {}): string {
  const s = options.home && options.home.length > 3 ? replaceHome(line, options.home) : line;
  const kept = [...s.matchAll(GUID)];
  let out = '';
  let from = 0;
  for (const m of kept) {
    out += scrubText(s.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + scrubText(s.slice(from));
}

function scrubText(text: string): string {
  let s = text.replace(DATE_CANDIDATES, (match, _sep, _eraSep, offset: number, whole: string) => {
    if (!parseJapaneseDate(match).ok) return match;
    const isMoment = TIME_AFTER.test(whole.slice(offset + match.length));
    return isMoment && yearOf(match) >= FIRST_YEAR_OF_MOMENTS ? match : SCRUBBED.date;
  });
  s = s.replace(PERSONAL_NO, SCRUBBED.personalNo);
  s = s.replace(RESERVATION_NO, SCRUBBED.reservationNo);
  s = s.replace(LONG_NUMBER, SCRUBBED.number);
  s = s.replace(POSTAL_CODE, SCRUBBED.address);
  s = s.replace(CHOME_BANCHI, SCRUBBED.address);
  return s.replace(TOWN_HYPHENS, SCRUBBED.address);
}

function yearOf(date: string): number {
  const r = parseJapaneseDate(date);
  return r.ok ? Number(r.value.slice(0, 4)) : 0;
}

function replaceHome(line: string, home: string): string {
  // Windows paths are written with either slash and any case; a stack frame may use forward slashes (file URLs).
  const forms = new Set([home, home.replaceAll('\\', '/')]);
  let s = line;
  for (const form of forms) s = s.replace(new RegExp(escapeRegExp(form), 'gi'), '~');
  return s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
