// Synthetic resident roster for `madoguchi demo` and for tests. SYNTHETIC DATA ONLY: names are random
// surname × given-name combinations from ./japanese-names, reservation numbers and addresses are
// random, and nothing is derived from real people.
// Output is a pure function of the options (own PRNG, no Math.random, no clock), so a seed reproduces
// a demo world exactly, and so a failing test can be replayed.
import iconv from 'iconv-lite';
import { ASSIGNMENTS } from '../../shared/venues/assignment-table';
import { GIVEN_NAMES, RARE_SURNAMES, SURNAMES } from './japanese-names';
import type { GivenNameEntry, NameEra, SurnameEntry } from './japanese-names';

export interface SyntheticResident {
  /** 'XXX-NNNNNN': 3 of [A-Z0-9] with at least one letter, hyphen, 6 digits; unique in a roster. */
  reservationNo: string;
  /** 漢字 surname + U+3000 + given name. */
  name: string;
  /** Full-width katakana reading of `name`, separated the same way. */
  kana: string;
  /** 'YYYY-MM-DD'; age 0–100 on `today`. */
  birthDate: string;
  /** A Koto address written in one of the styles residents use (see buildAddress). */
  address: string;
  /** The 町丁目 the address was made from, so tests can check what a router makes of `address`. */
  town: string;
  chome: number | null;
  noticeType: '通常' | '再発行';
  shippedOn: string;
}

export interface GenerateRosterOptions {
  residents: number;
  seed: number;
  /** 'YYYY-MM-DD' the roster is "as of"; ages are computed against it. */
  today: string;
  /** One shipment date for everyone; by default residents fall into four weekly shipments before today. */
  shippedOn?: string;
}

export type RosterCsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';
export type RosterDateStyle = 'seireki' | 'wareki' | 'mixed';

export interface RosterCsvOptions {
  encoding?: RosterCsvEncoding;
  dateStyle?: RosterDateStyle;
  /** Seeds the per-field choice when dateStyle is 'mixed'. */
  seed?: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG and sampling

type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for demo data; the state is a single uint32. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds a safe integer seed into 32 bits without letting seeds that differ only above bit 32 collide trivially. */
function seedState(seed: number, salt: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
}

const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[int(rng, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Weighted choice by binary search over cumulative weights (158 町丁目 and ~170 surnames: no alias table needed). */
function weightedPicker<T>(items: readonly T[], weight: (item: T, index: number) => number): (rng: Rng) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, i) => {
    total += weight(item, i);
    cumulative[i] = total;
  });
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

// ---------------------------------------------------------------------------------------------
// Dates as day numbers (proleptic Gregorian, days since 1970-01-01): cheaper than Date objects at 100k rows.

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const isoFromDays = (z: number): string => {
  const [y, m, d] = civilFromDays(z);
  return `${y}-${pad2(m)}-${pad2(d)}`;
};

function parseIsoDate(value: string, what: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const [cy, cm, cd] = civilFromDays(daysFromCivil(y, m, d));
  if (!match || cy !== y || cm !== m || cd !== d) throw new RangeError(`${what} must be a real date 'YYYY-MM-DD', got '${value}'`);
  return [y, m, d];
}

/** Same month/day `years` earlier; 29 Feb falls back to 28 Feb in common years. */
function yearsBefore([y, m, d]: readonly [number, number, number], years: number): number {
  const yy = y - years;
  const leap = (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
  return daysFromCivil(yy, m, m === 2 && d === 29 && !leap ? 28 : d);
}

// ---------------------------------------------------------------------------------------------
// Population model

/** Relative head-count per age 0–100: a rough Koto pyramid (many 30–49s, young families in the bay towers). */
const AGE_PICKER = weightedPicker(
  Array.from({ length: 101 }, (_, age) => age),
  (age) =>
    age < 5 ? 1.0 : age < 15 ? 0.9 : age < 20 ? 0.8 : age < 30 ? 1.3 : age < 50 ? 1.5 : age < 65 ? 1.2
      : age < 75 ? 1.0 : age < 85 ? 0.8 : age < 95 ? 0.3 : 0.05,
);

/** Per-町丁目 weight by town: the tower towns and the big 城東 towns hold most people; landfill towns hardly any. */
const TOWN_WEIGHT: Readonly<Record<string, number>> = {
  豊洲: 4, 東雲: 5, 有明: 3, 亀戸: 2.5, 大島: 2.5, 南砂: 2.5, 北砂: 2, 東砂: 1.5, 辰巳: 1.5, 東陽: 1.5,
  木場: 1.3, 潮見: 1.2, 枝川: 1.2, 新砂: 0.6, 青海: 0.3, 新木場: 0.2, 若洲: 0.1, 夢の島: 0.05, 海の森: 0.02,
};
const PLACE_PICKER = weightedPicker(ASSIGNMENTS, (row) => TOWN_WEIGHT[row.town] ?? 1);
const TOWER_TOWNS: ReadonlySet<string> = new Set(['豊洲', '東雲', '有明', '辰巳', '潮見', '青海']);

/** ~3% of people carry a variant-character surname; the rest follow a rank (Zipf-like) weighting. */
const COMMON_SURNAME = weightedPicker(SURNAMES, (_, rank) => 1 / (rank + 10));
const pickSurname = (rng: Rng): SurnameEntry => (rng() < 0.03 ? pick(rng, RARE_SURNAMES) : COMMON_SURNAME(rng));

const eraOfBirthYear = (year: number): NameEra => (year <= 1959 ? 'a' : year <= 1984 ? 'b' : year <= 2004 ? 'c' : 'd');
const GIVEN_POOLS = new Map<string, GivenNameEntry[]>();
for (const entry of GIVEN_NAMES) {
  for (const era of entry[3]) {
    const key = entry[2] + era;
    const pool = GIVEN_POOLS.get(key);
    if (pool) pool.push(entry);
    else GIVEN_POOLS.set(key, [entry]);
  }
}

const CANONICAL_SHARE = 0.65;
const REISSUE_SHARE = 0.1;
const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–99 in 漢数字 as written in 丁目 (十, 十一, 二十三). */
export function kanjiNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`kanjiNumber: 1–99 only, got ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 0 ? '' : tens === 1 ? '十' : `${KANJI_DIGITS[tens]}十`) + (ones === 0 ? '' : KANJI_DIGITS[ones]);
}

/** Hand-typed addresses: digits and hyphens as full-width forms, as an IME in 全角 mode produces them. */
const toFullWidth = (s: string): string =>
  s.replace(/[0-9-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

const TOWER_PREFIXES = ['パーク', 'シティ', 'グラン', 'ベイ', 'プライム', 'アーバン', 'ブライト', 'リバー'] as const;
const TOWER_SUFFIXES = ['タワー', 'タワーズ', 'レジデンス', 'フロント', 'テラス', 'ガーデンズ'] as const;
const TOWN_NAMES = [...new Set(ASSIGNMENTS.map((row) => row.town))];
/**
 * Surnames used in building names ('コーポ佐藤'). Those containing a town name (高橋, 平野, 大島 …,
 * also via 髙→高) are left out, so a building never looks like a second 町名 to the router.
 */
const BUILDING_SURNAMES = SURNAMES.map(([kanji]) => kanji).filter(
  (s) => !TOWN_NAMES.some((town) => s.replace(/髙/g, '高').replace(/﨑/g, '崎').includes(town)),
);

function buildingAndRoom(rng: Rng, town: string): string {
  if (TOWER_TOWNS.has(town) ? rng() < 0.85 : rng() < 0.2) {
    const name = rng() < 0.5
      ? `${pick(rng, TOWER_PREFIXES)}${pick(rng, TOWER_SUFFIXES)}${town}`
      : `${town}${pick(rng, TOWER_PREFIXES)}${pick(rng, TOWER_SUFFIXES)}`;
    const floor = 2 + int(rng, TOWER_TOWNS.has(town) ? 47 : 14);
    return `${name} ${floor}${pad2(1 + int(rng, 15))}${rng() < 0.6 ? '号室' : ''}`;
  }
  const owner = pick(rng, BUILDING_SURNAMES);
  const name = pick(rng, [`コーポ${owner}`, `${owner}ハイツ`, `メゾン${town}`, `${town}ハイツ`, `ハイム${town}`, `${owner}荘`]);
  return `${name} ${1 + int(rng, 5)}0${1 + int(rng, 8)}${rng() < 0.5 ? '号室' : ''}`;
}

/**
 * One written address for (town, chome). CANONICAL_SHARE of them are exactly
 * '東京都江東区{town}{漢数字}丁目{n}番{m}号' ('東京都江東区{town}{n}番{m}号' for towns without 丁目);
 * the rest vary the way residents write: prefixes dropped, 丁目 in arabic or as the first of a
 * hyphen triple, 番地, 全角 digits, a building and room after a space.
 */
function buildAddress(rng: Rng, town: string, chome: number | null): string {
  const ban = 1 + Math.floor(rng() ** 1.4 * (chome === null ? 40 : 28));
  const go = 1 + int(rng, 22);
  if (rng() < CANONICAL_SHARE) {
    return chome === null ? `東京都江東区${town}${ban}番${go}号` : `東京都江東区${town}${kanjiNumber(chome)}丁目${ban}番${go}号`;
  }
  const prefix = pick(rng, ['東京都江東区', '東京都江東区', '江東区', '江東区', '']);
  let body: string;
  if (chome === null) {
    // For these five towns the first number is a 番地, never a 丁目.
    body = pick(rng, [`${ban}番${go}号`, `${ban}-${go}`, `${ban}-${go}`, `${ban}番地${go}`, `${ban}番地${go}号`]);
  } else {
    const k = kanjiNumber(chome);
    body = pick(rng, [
      `${k}丁目${ban}番${go}号`, `${chome}丁目${ban}番${go}号`, `${chome}丁目${ban}番${go}号`, `${chome}丁目${ban}番地${go}`,
      `${chome}-${ban}-${go}`, `${chome}-${ban}-${go}`, `${k}丁目${ban}-${go}`, `${chome}丁目${ban}-${go}`,
    ]);
  }
  const fullWidth = rng() < 0.15;
  let address = prefix + town + body;
  if (rng() < 0.5) address += (fullWidth && rng() < 0.5 ? '\u3000' : ' ') + buildingAndRoom(rng, town);
  return fullWidth ? toFullWidth(address) : address;
}

const RESERVATION_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function reservationNo(rng: Rng): string {
  for (;;) {
    let head = '';
    for (let i = 0; i < 3; i++) head += RESERVATION_CHARS[int(rng, 36)];
    if (!/^\d{3}$/.test(head)) return `${head}-${String(int(rng, 1_000_000)).padStart(6, '0')}`;
  }
}

export function generateRoster(options: GenerateRosterOptions): SyntheticResident[] {
  const { residents, seed, today } = options;
  if (!Number.isSafeInteger(residents) || residents < 0) throw new RangeError(`residents must be a non-negative integer, got ${residents}`);
  const todayParts = parseIsoDate(today, 'today');
  const todayDays = daysFromCivil(...todayParts);
  const shipmentDays = options.shippedOn === undefined
    ? [28, 21, 14, 7].map((back) => todayDays - back)
    : [daysFromCivil(...parseIsoDate(options.shippedOn, 'shippedOn'))];
  const earliestBirth = yearsBefore(todayParts, 101) + 1; // the day after one would turn 101
  const rng = mulberry32(seedState(seed, 1));

  // Every 町丁目 once (so each venue and every router row sees data), the rest weighted, then shuffled.
  const places = residents >= ASSIGNMENTS.length ? [...ASSIGNMENTS] : [];
  while (places.length < residents) places.push(PLACE_PICKER(rng));
  for (let i = places.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [places[i], places[j]] = [places[j] as (typeof places)[number], places[i] as (typeof places)[number]];
  }

  const used = new Set<string>();
  const out: SyntheticResident[] = [];
  for (const place of places) {
    let no = reservationNo(rng);
    while (used.has(no)) no = reservationNo(rng);
    used.add(no);

    const ship = shipmentDays[int(rng, shipmentDays.length)] as number;
    // Nobody is shipped a card within a month of being born; the clamp keeps the age inside 0–100.
    const latest = Math.min(todayDays, ship - 30);
    const age = AGE_PICKER(rng);
    let lo = Math.max(yearsBefore(todayParts, age + 1) + 1, earliestBirth);
    let hi = Math.min(yearsBefore(todayParts, age), latest);
    if (hi < lo) [lo, hi] = [Math.max(earliestBirth, latest - 364), latest];
    if (hi < lo) throw new RangeError(`shippedOn ${options.shippedOn} leaves no birth date within ages 0–100 of ${today}`);
    const birthDays = lo + int(rng, hi - lo + 1);
    const birthDate = isoFromDays(birthDays);

    const surname = pickSurname(rng);
    const sex = rng() < 0.5 ? 'M' : 'F';
    const given = pick(rng, GIVEN_POOLS.get(sex + eraOfBirthYear(civilFromDays(birthDays)[0])) ?? []);

    out.push({
      reservationNo: no,
      name: `${surname[0]}\u3000${given[0]}`,
      kana: `${surname[1]}\u3000${given[1]}`,
      birthDate,
      address: buildAddress(rng, place.town, place.chome),
      town: place.town,
      chome: place.chome,
      noticeType: rng() < REISSUE_SHARE ? '再発行' : '通常',
      shippedOn: isoFromDays(ship),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Start days of each era (改元日). Before 1873 Japan used the lunisolar calendar, so no mapping is offered. */
const ERAS = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '明治', letter: 'M', start: '1868-01-25' },
] as const;

/**
 * 'YYYY-MM-DD' as 和暦: long '昭和58年4月1日' (first year written 元年, as forms print it) or short
 * 'S58.4.1' (short forms use 1, e.g. 'H1.1.8').
 */
export function formatWareki(isoDate: string, form: 'long' | 'short' = 'long'): string {
  const [y, m, d] = parseIsoDate(isoDate, 'date');
  if (isoDate < '1873-01-01') throw new RangeError(`no Gregorian 和暦 mapping before 1873: ${isoDate}`);
  // ISO dates of equal width compare correctly as strings.
  const era = ERAS.find((e) => isoDate >= e.start);
  if (!era) throw new Error(`unreachable: ${isoDate} precedes 明治`);
  const year = y - Number(era.start.slice(0, 4)) + 1;
  return form === 'short' ? `${era.letter}${year}.${m}.${d}` : `${era.name}${year === 1 ? '元' : year}年${m}月${d}日`;
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const ROSTER_CSV_HEADER = ['予約管理番号', '氏名', '氏名カナ', '生年月日', '住所', '通知種別', '発送日'] as const;

/** The CSV as text (CRLF line ends, last line terminated): what every encoding of rosterToCsv encodes. */
export function rosterToCsvText(residents: readonly SyntheticResident[], options: Omit<RosterCsvOptions, 'encoding'> = {}): string {
  const style = options.dateStyle ?? 'seireki';
  const rng = mulberry32(seedState(options.seed ?? 0, 2));
  const date = (iso: string): string => {
    const form = style === 'mixed' ? rng() : style === 'wareki' ? 0.6 : 0;
    return form < 0.5 ? iso.replace(/-/g, '/') : formatWareki(iso, form < 0.8 ? 'long' : 'short');
  };
  const lines = [ROSTER_CSV_HEADER.join(',')];
  for (const r of residents) {
    lines.push([r.reservationNo, r.name, r.kana, date(r.birthDate), r.address, r.noticeType, date(r.shippedOn)].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function rosterToCsv(residents: readonly SyntheticResident[], options: RosterCsvOptions = {}): Uint8Array {
  const text = rosterToCsvText(residents, options);
  const encoding = options.encoding ?? 'utf-8';
  if (encoding === 'cp932') {
    const bytes = iconv.encode(text, 'cp932');
    // iconv-lite silently writes '?' for characters CP932 lacks. 0x3F is never a trail byte in CP932,
    // so a surplus of 0x3F bytes over '?' in the text means something was lost: fail instead.
    let surplus = 0;
    for (const b of bytes) if (b === 0x3f) surplus++;
    for (let i = text.indexOf('?'); i !== -1; i = text.indexOf('?', i + 1)) surplus--;
    if (surplus !== 0) throw new Error('roster contains characters CP932 cannot encode');
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const utf8 = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return utf8;
  const withBom = new Uint8Array(utf8.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(utf8, 3);
  return withBom;
}
