// Which handover venue serves an address, read the way Koto addresses are really written:
//   〒135-0061 東京都江東区豊洲五丁目6番1号 / 江東区豊洲５－６－１ シティタワー1203号室 / 高橋12-3
// The answer is a row of the ward's 別紙① table (town, 丁目, venue) or a refusal staff can act on.
//
// Decisions on ambiguous input (each pinned by a test):
// - The town must come first after the optional 〒/postal code, 東京都 and 江東区. Nothing later in
//   the line (building, room, a second address) is searched, so 豊洲 in a building name cannot
//   reroute a 東雲 resident, and 江東区 is never read as containing the town 東….
// - A town with 丁目 given without one (豊洲, 豊洲シティタワー, 豊洲6番1号) goes to its venue with chome null
//   when every 丁目 of the town goes to that one venue (the venue is certain). A town split between venues
//   (東砂, the only one) is refused as 'chome-required', saying which 丁目 go where: "東砂は丁目により会場が異なります（…）".
// - For the five towns without 丁目 (高橋, 冬木, 石島, 千田, 海辺) the first number is a 番地 and the
//   result has chome null; 高橋 alone is accepted; 高橋1丁目 is 'no-such-chome'.
// - 豊洲7丁目, 豊洲7-1-1 and 豊洲0丁目 are 'no-such-chome'. A bare 豊洲5 is 5丁目 (the usual short
//   form); a kanji numeral counts only with 丁目/a dash after it, so 豊洲三井ビル is not 3丁目.
// - 東京都大島町 is the island town, not 江東区大島: "大島町" is refused as 'outside-koto' unless 江東区
//   is written before it (江東区大島町… is the old name and routes as 大島). Other towns written with
//   a stray 町 (東陽町4-11-28, after the station) route as the town.
// - A Koto town name followed by 県/市/区/郡/村 names another place (佐賀県, 深川市, 平野区): 'outside-koto'.
// - The postal code is skipped, never used: roster postal codes are often stale, the written town is
//   what the ward's table is keyed on.
// - 'empty' means there is no letter or digit at all (blank, "－", "〒", emoji only); a lone
//   postal code or "東京都江東区" is 'unknown-town'.
import { VENUES } from '../venues/venues';
import type { VenueId } from '../venues/venues';
import { parseKanjiNumeralAt } from './kanji-numerals';
import { KOTO_TOWNS, matchTownAt } from './koto-towns';
import type { KotoTown, TownWithChome } from './koto-towns';
import { isAsciiDigit, isDash, normalizeAddressText } from './normalize-address';
import { isMunicipalSuffixAt, otherPlaceNamedAt } from './outside-koto';

export type RouteRefusalCode =
  | 'empty' // nothing usable
  | 'outside-koto' // a prefecture/city/ward other than 東京都江東区 is named
  | 'unknown-town' // no Koto town name found
  | 'no-such-chome' // town exists but that 丁目 does not (豊洲7丁目)
  | 'chome-required'; // town split between venues by 丁目, and none was given (東砂)

export const ROUTE_REFUSAL_CODES: readonly RouteRefusalCode[] = [
  'empty',
  'outside-koto',
  'unknown-town',
  'no-such-chome',
  'chome-required',
];

export type RouteResult =
  { ok: true; venue: VenueId; town: string; chome: number | null } | { ok: false; code: RouteRefusalCode; reason: string };

function refuse(code: RouteRefusalCode, reason: string): RouteResult {
  return { ok: false, code, reason };
}

function isGap(ch: string | undefined): boolean {
  return ch === ' ' || ch === ',' || ch === '、';
}

function skipGap(text: string, pos: number): number {
  while (isGap(text[pos])) pos++;
  return pos;
}

// Brackets, quotes and labels that roster exports and hand-typed cells put before the address.
const LEADING_NOISE: ReadonlySet<string> = new Set([' ', ',', '、', '"', "'", '「', '『', '(', '[', '【', '<', '〈', '《', ':', '・']);

function skipLeadingNoise(text: string, pos: number): number {
  for (;;) {
    const ch = text[pos];
    if (ch !== undefined && LEADING_NOISE.has(ch)) pos++;
    else if (text.startsWith('住所', pos)) pos += 2;
    else return pos;
  }
}

function countDigitsAt(text: string, pos: number): number {
  let end = pos;
  while (isAsciiDigit(text[end])) end++;
  return end - pos;
}

/** Skips 〒, 〒135-0061, 135-0061 or 1350061 at `pos`. */
function skipPostalCode(text: string, pos: number): number {
  let p = pos;
  const hasMark = text[p] === '〒';
  if (hasMark) p = skipGap(text, p + 1);
  if (countDigitsAt(text, p) === 3) {
    let q = p + 3;
    while (text[q] === ' ') q++;
    if (isDash(text[q])) q++;
    while (text[q] === ' ') q++;
    if (countDigitsAt(text, q) === 4) return q + 4;
  } else if (countDigitsAt(text, p) === 7) {
    return p + 7;
  }
  return hasMark ? p : pos;
}

interface Prefix {
  /** Where the town name should start. */
  readonly end: number;
  readonly saidKoto: boolean;
}

/** Skips any mix and repetition of postal code, 東京都 (or 東京) and 江東区 in front of the town. */
function readPrefix(text: string, start: number): Prefix {
  let pos = start;
  let saidKoto = false;
  for (;;) {
    const before = pos;
    pos = skipPostalCode(text, skipLeadingNoise(text, pos));
    pos = skipGap(text, pos);
    if (text.startsWith('東京都', pos)) pos += 3;
    else if (text.startsWith('東京', pos) && text.startsWith('江東区', skipGap(text, pos + 2))) pos += 2;
    pos = skipGap(text, pos);
    if (text.startsWith('江東区', pos)) {
      pos += 3;
      saidKoto = true;
    }
    pos = skipGap(text, pos);
    if (pos === before) return { end: pos, saidKoto };
  }
}

interface WrittenNumber {
  readonly value: number;
  readonly end: number;
  readonly inKanji: boolean;
  /** As staff should see it in a reason: 7, 12, or the first digits of an absurd one. */
  readonly shown: string;
}

// Digits beyond this are no 丁目 anyone lives at; reading them would only risk precision games.
const MAX_NUMBER_DIGITS = 6;

function readNumberAt(text: string, pos: number): WrittenNumber | null {
  const digits = countDigitsAt(text, pos);
  if (digits > 0) {
    const end = pos + digits;
    if (digits > MAX_NUMBER_DIGITS) {
      return { value: Number.POSITIVE_INFINITY, end, inKanji: false, shown: `${text.slice(pos, pos + MAX_NUMBER_DIGITS)}…` };
    }
    const value = Number.parseInt(text.slice(pos, end), 10);
    return { value, end, inKanji: false, shown: String(value) };
  }
  const kanji = parseKanjiNumeralAt(text, pos);
  if (!kanji) return null;
  return { value: kanji.value, end: kanji.end, inKanji: true, shown: String(kanji.value) };
}

/** 丁目, or the clipped 丁 some registers use. */
function isChomeWordAt(text: string, pos: number): boolean {
  return text[pos] === '丁';
}

/**
 * The 丁目 number written after a town that has 丁目, or null when the text gives none.
 * 5丁目 / 五丁目 / 5-6-1 / 五-六-一 / 5の6 / a bare 5 are 丁目; 6番1号 is a 番地 with the 丁目 missing.
 */
function readChome(text: string, pos: number): WrittenNumber | null {
  const number = readNumberAt(text, pos);
  if (!number) return null;
  if (isChomeWordAt(text, skipGap(text, number.end))) return number;
  const next = text[number.end];
  if (number.inKanji) {
    // Kanji numerals also start ordinary words (三井, 一番館), so they need a 丁目 marker.
    return isDash(next) || next === 'の' || next === 'ノ' ? number : null;
  }
  return next === '番' || next === '号' ? null : number;
}

function venueRanges(town: TownWithChome): string {
  const parts: string[] = [];
  let runStart: number | null = null;
  let runVenue: VenueId | null = null;
  let previous: number | null = null;
  const flush = (): void => {
    if (runStart === null || runVenue === null || previous === null) return;
    const range = runStart === previous ? `${runStart}丁目` : `${runStart}〜${previous}丁目`;
    parts.push(`${range} ${VENUES[runVenue].name}`);
  };
  for (const chome of town.chomes) {
    const venue = town.venueByChome.get(chome) ?? null;
    if (venue !== runVenue || previous === null || chome !== previous + 1) {
      flush();
      runStart = chome;
      runVenue = venue;
    }
    previous = chome;
  }
  flush();
  return parts.join('、');
}

function chomeRange(town: TownWithChome): string {
  const first = town.chomes[0];
  const last = town.chomes[town.chomes.length - 1];
  return first === last ? `${first}丁目のみ` : `${first}〜${last}丁目`;
}

// Built once: the split-town reasons list which 丁目 go where, so staff can ask the resident.
const CHOME_REQUIRED_REASON: ReadonlyMap<string, string> = new Map(
  [...KOTO_TOWNS.values()]
    .filter((town): town is TownWithChome => town.hasChome && town.splitBetweenVenues)
    .map((town) => [town.name, `${town.name}は丁目により会場が異なります（${venueRanges(town)}）`]),
);

function routeWithinTown(town: KotoTown, text: string, pos: number): RouteResult {
  if (!town.hasChome) {
    const number = readNumberAt(text, pos);
    if (number && isChomeWordAt(text, skipGap(text, number.end))) {
      return refuse('no-such-chome', `${town.name}には丁目がありません（${town.name}${number.shown}丁目は存在しません。番地のみの町です）`);
    }
    return { ok: true, venue: town.venue, town: town.name, chome: null };
  }

  const chome = readChome(text, pos);
  if (!chome) {
    // Every 丁目 of the town goes to one venue: the venue is certain, and no one should have to decide it by hand.
    // The row keeps chome null (the register did not give one); only a town split between venues is refused.
    if (!town.splitBetweenVenues) return { ok: true, venue: town.venueByChome.values().next().value!, town: town.name, chome: null };
    return refuse('chome-required', CHOME_REQUIRED_REASON.get(town.name) ?? `${town.name}の丁目がありません`);
  }
  const venue = town.venueByChome.get(chome.value);
  if (venue === undefined) {
    return refuse('no-such-chome', `${town.name}${chome.shown}丁目はありません（${town.name}は${chomeRange(town)}）`);
  }
  return { ok: true, venue, town: town.name, chome: chome.value };
}

// No letter or digit anywhere: blank cells, "－", "ー", "〒", emoji.
const NOTHING_USABLE = /^(?:[^\p{L}\p{N}]|ー)*$/u;

/** A short, printable piece of what was written, for the reason text. */
function excerpt(text: string, pos: number): string {
  return Array.from(text.slice(pos, pos + 24))
    .slice(0, 12)
    .join('')
    .trim();
}

function refuseWithoutTown(text: string, pos: number, saidKoto: boolean): RouteResult {
  if (NOTHING_USABLE.test(text)) return refuse('empty', '住所が空です');
  // After an explicit 江東区 whatever follows is a misspelt or unknown town, not another city.
  if (!saidKoto) {
    const place = otherPlaceNamedAt(text, pos);
    if (place) return refuse('outside-koto', `「${place}」は江東区外の住所です`);
  }
  const written = excerpt(text, pos);
  return refuse('unknown-town', written ? `江東区の町名が見つかりません（「${written}」）` : '江東区の町名が見つかりません');
}

/** The handover venue for a resident's address, or why it cannot be decided. Never throws. */
export function routeAddress(address: string): RouteResult {
  if (typeof address !== 'string') return refuse('empty', '住所が空です');
  const text = normalizeAddressText(address);
  const { end: townStart, saidKoto } = readPrefix(text, 0);

  const match = matchTownAt(text, townStart);
  if (!match) return refuseWithoutTown(text, townStart, saidKoto);
  const { town } = match;
  let pos = match.end;

  if (isMunicipalSuffixAt(text, pos)) {
    const place = otherPlaceNamedAt(text, townStart) ?? text.slice(townStart, pos + 1);
    return refuse('outside-koto', `「${place}」は江東区外の住所です`);
  }
  if (text[pos] === '町') {
    if (town.name === '大島' && !saidKoto) {
      return refuse('outside-koto', '「大島町」は東京都大島町（伊豆大島）で、江東区外の住所です（江東区なら「江東区大島」）');
    }
    pos++;
  }
  return routeWithinTown(town, text, skipGap(text, pos));
}
