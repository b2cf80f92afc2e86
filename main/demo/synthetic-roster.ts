// Synthetic resident roster for `madoguchi demo` and for tests. SYNTHETIC DATA ONLY: names are random
// surname × given-name combinations from ./japanese-names, reservation numbers and addresses are
// random, and nothing is derived from real people.
// Output is a pure function of the options (own PRNG, no Math.random, no clock), so a seed reproduces
// a demo world exactly, and so a failing test can be replayed.
import { ASSIGNMENTS } from '../../shared/venues/assignment-table';
import { RARE_SURNAMES, SURNAMES } from './japanese-names';
import { GIVEN_NAMES } from './japanese-given-names';
import type { SurnameEntry } from './japanese-names';
import type { GivenNameEntry, NameEra } from './japanese-given-names';
import { isIsoDate, isLeapYear } from '../../shared/roster/japanese-date';
import { int, mulberry32, pick, seedState, weightedPicker, type Rng } from './prng';
import { DAY_MS } from '../../shared/tokyo-date';
import { buildAddress } from './synthetic-address';

export interface SyntheticResident {
  /** 'XXX-NNNNNN': 3 of [A-Z0-9] with at least one letter, hyphen, 6 digits; unique in a roster. */
  reservationNo: string;
  /** 漢字 surname + U+3000 + given name. */
  name: string;
  /** Full-width katakana reading of `name`, separated the same way. */
  kana: string;
  /** 'YYYY-MM-DD'; age 0–100 on `today`. */
  birthDate: string;
  /** A Koto address written in one of the styles residents use (see synthetic-address.ts). */
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

// Dates as day numbers (days since 1970-01-01, UTC), so ranges and offsets are plain integer arithmetic.

const daysFromCivil = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
function civilFromDays(z: number): [number, number, number] {
  const t = new Date(z * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const isoFromDays = (z: number): string => {
  const [y, m, d] = civilFromDays(z);
  return `${y}-${pad2(m)}-${pad2(d)}`;
};
function parseIsoDate(value: string, what: string): [number, number, number] {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a real date 'YYYY-MM-DD', got '${value}'`);
  return [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8))];
}

/** Same month/day `years` earlier; 29 Feb falls back to 28 Feb in common years. */
function yearsBefore([y, m, d]: readonly [number, number, number], years: number): number {
  const yy = y - years;
  return daysFromCivil(yy, m, m === 2 && d === 29 && !isLeapYear(yy) ? 28 : d);
}

// Population model

/** Relative head-count per age 0–100: a rough Koto pyramid (many 30–49s, young families in the bay towers). */
const AGE_PICKER = weightedPicker(
  Array.from({ length: 101 }, (_, age) => age),
  (age) =>
    age < 5
      ? 1.0
      : age < 15
        ? 0.9
        : age < 20
          ? 0.8
          : age < 30
            ? 1.3
            : age < 50
              ? 1.5
              : age < 65
                ? 1.2
                : age < 75
                  ? 1.0
                  : age < 85
                    ? 0.8
                    : age < 95
                      ? 0.3
                      : 0.05,
);

/** Per-町丁目 weight by town: the tower towns and the big 城東 towns hold most people; landfill towns hardly any. */
const TOWN_WEIGHT: Readonly<Record<string, number>> = {
  豊洲: 4,
  東雲: 6,
  有明: 3,
  亀戸: 2.5,
  大島: 2.5,
  南砂: 2.5,
  北砂: 2,
  東砂: 1.5,
  辰巳: 1.5,
  東陽: 1.5,
  木場: 1.3,
  潮見: 1.2,
  枝川: 1.2,
  新砂: 0.6,
  青海: 0.3,
  新木場: 0.2,
  若洲: 0.1,
  夢の島: 0.05,
  海の森: 0.02,
};
const PLACE_PICKER = weightedPicker(ASSIGNMENTS, (row) => TOWN_WEIGHT[row.town] ?? 1);

/** ~3% of people carry a variant-character surname; the rest follow a rank (Zipf-like) weighting. */
const COMMON_SURNAME = weightedPicker(SURNAMES, (_, rank) => 1 / (rank + 10));
const pickSurname = (rng: Rng): SurnameEntry => (rng() < 0.03 ? pick(rng, RARE_SURNAMES) : COMMON_SURNAME(rng));

const eraOfBirthYear = (year: number): NameEra => (year <= 1959 ? 'a' : year <= 1984 ? 'b' : year <= 2004 ? 'c' : 'd');
/** Given names by sex + era ('Fa', 'Md', …), so a 1940 birth gets 和子 or 茂 and a 2015 birth 陽菜 or 蓮. */
const GIVEN_POOLS = new Map<string, GivenNameEntry[]>();
for (const g of GIVEN_NAMES) for (const era of g[3]) GIVEN_POOLS.set(g[2] + era, [...(GIVEN_POOLS.get(g[2] + era) ?? []), g]);

const REISSUE_SHARE = 0.1;
const RESERVATION_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const HEADS = 36 * 36 * 36;
const headText: string[] = [];

/**
 * Draws reservation numbers as (head, digits) integer pairs and keeps them unique with a small
 * open-addressing table: at 100k rows a Set of strings (or of the >2³¹ combined numbers) was a
 * visible share of the run time.
 */
function reservationNumbers(rng: Rng, n: number): string[] {
  const size = 2 ** Math.ceil(Math.log2(2 * n + 2));
  const heads = new Int32Array(size).fill(-1);
  const digitsAt = new Int32Array(size);
  const out: string[] = [];
  while (out.length < n) {
    const head = int(rng, HEADS);
    const digits = int(rng, 1_000_000);
    // Heads whose three base-36 digits are all ≥ 26 are all-digit ('123'); the format needs a letter.
    if (head % 36 >= 26 && Math.floor(head / 36) % 36 >= 26 && Math.floor(head / 1296) >= 26) continue;
    let slot = (Math.imul(head, 0x9e3779b1) ^ Math.imul(digits, 0x85ebca6b)) & (size - 1);
    while (heads[slot] !== -1 && (heads[slot] !== head || digitsAt[slot] !== digits)) slot = (slot + 1) & (size - 1);
    if (heads[slot] === head) continue; // already issued: draw again
    heads[slot] = head;
    digitsAt[slot] = digits;
    const text = (headText[head] ??=
      RESERVATION_CHARS.charAt(Math.floor(head / 1296)) +
      RESERVATION_CHARS.charAt(Math.floor(head / 36) % 36) +
      RESERVATION_CHARS.charAt(head % 36) +
      '-');
    out.push(text + (digits < 100_000 ? String(digits).padStart(6, '0') : String(digits)));
  }
  return out;
}

export function generateRoster(options: GenerateRosterOptions): SyntheticResident[] {
  const { residents, seed, today } = options;
  if (!Number.isSafeInteger(residents) || residents < 0) throw new RangeError(`residents must be a non-negative integer, got ${residents}`);
  const todayParts = parseIsoDate(today, 'today');
  const todayDays = daysFromCivil(...todayParts);
  const shipmentDays: readonly number[] =
    options.shippedOn === undefined
      ? [28, 21, 14, 7].map((back) => todayDays - back)
      : [daysFromCivil(...parseIsoDate(options.shippedOn, 'shippedOn'))];
  const shipmentIso = shipmentDays.map(isoFromDays);
  // birthdayOnOrBefore[a]: the latest birth date of someone aged a today (so age a spans (…[a+1], …[a]]).
  const birthdayOnOrBefore = Array.from({ length: 102 }, (_, age) => yearsBefore(todayParts, age));
  const earliestBirth = (birthdayOnOrBefore[101] as number) + 1; // the day after one would turn 101
  const rng = mulberry32(seedState(seed, 1));

  // Every 町丁目 once (so each venue and every router row sees data), the rest weighted, then shuffled.
  const places = residents >= ASSIGNMENTS.length ? [...ASSIGNMENTS] : [];
  while (places.length < residents) places.push(PLACE_PICKER(rng));
  for (let i = places.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    const swap = places[i] as (typeof places)[number];
    places[i] = places[j] as (typeof places)[number];
    places[j] = swap;
  }

  const numbers = reservationNumbers(rng, places.length);
  const out: SyntheticResident[] = [];
  for (const [index, place] of places.entries()) {
    const shipIndex = int(rng, shipmentDays.length);
    const ship = shipmentDays[shipIndex] as number;
    // Nobody is shipped a card within a month of being born; the clamp keeps the age inside 0–100.
    const latest = Math.min(todayDays, ship - 30);
    const age = AGE_PICKER(rng);
    let lo = (birthdayOnOrBefore[age + 1] as number) + 1;
    let hi = Math.min(birthdayOnOrBefore[age] as number, latest);
    if (hi < lo) [lo, hi] = [Math.max(earliestBirth, latest - 364), latest];
    if (hi < lo) throw new RangeError(`shippedOn ${options.shippedOn} leaves no birth date within ages 0–100 of ${today}`);
    const [by, bm, bd] = civilFromDays(lo + int(rng, hi - lo + 1));
    const surname = pickSurname(rng);
    const sex = rng() < 0.5 ? 'M' : 'F';
    const given = pick(rng, GIVEN_POOLS.get(sex + eraOfBirthYear(by)) ?? []);
    out.push({
      reservationNo: numbers[index] as string,
      name: `${surname[0]}\u3000${given[0]}`,
      kana: `${surname[1]}\u3000${given[1]}`,
      birthDate: `${by}-${pad2(bm)}-${pad2(bd)}`,
      address: buildAddress(rng, place.town, place.chome),
      town: place.town,
      chome: place.chome,
      noticeType: rng() < REISSUE_SHARE ? '再発行' : '通常',
      shippedOn: shipmentIso[shipIndex] as string,
    });
  }
  return out;
}
