// The towns (町) of Koto City and their 丁目, derived once from the ward's 別紙① table so there is a
// single source of truth for which 丁目 exist and where their residents collect their card.
import { ASSIGNMENTS } from '../venues/assignment-table';
import type { VenueId } from '../venues/venues';

/** One of the five towns addressed by 番地 only (高橋, 冬木, 石島, 千田, 海辺). */
interface TownWithoutChome {
  readonly name: string;
  readonly hasChome: false;
  readonly venue: VenueId;
}

export interface TownWithChome {
  readonly name: string;
  readonly hasChome: true;
  readonly venueByChome: ReadonlyMap<number, VenueId>;
  /** Sorted 丁目 numbers, for telling staff which ones exist. */
  readonly chomes: readonly number[];
  /** True when the venue depends on the 丁目 (東砂: 1–5 総合区民センター, 6–8 本庁舎). */
  readonly splitBetweenVenues: boolean;
}

export type KotoTown = TownWithoutChome | TownWithChome;

function buildTowns(): ReadonlyMap<string, KotoTown> {
  const rows = new Map<string, { venueByChome: Map<number, VenueId>; venueWithoutChome: VenueId | null }>();
  for (const row of ASSIGNMENTS) {
    let town = rows.get(row.town);
    if (!town) {
      town = { venueByChome: new Map(), venueWithoutChome: null };
      rows.set(row.town, town);
    }
    if (row.chome === null) town.venueWithoutChome = row.venue;
    else town.venueByChome.set(row.chome, row.venue);
  }
  const towns = new Map<string, KotoTown>();
  for (const [name, { venueByChome, venueWithoutChome }] of rows) {
    if (venueWithoutChome !== null) {
      // A town listed both with and without 丁目 would make "高橋12" ambiguous; the table has none,
      // and failing at load is better than routing a resident by guess.
      if (venueByChome.size > 0) throw new Error(`assignment table lists ${name} both with and without 丁目`);
      towns.set(name, { name, hasChome: false, venue: venueWithoutChome });
      continue;
    }
    towns.set(name, {
      name,
      hasChome: true,
      venueByChome,
      chomes: [...venueByChome.keys()].sort((a, b) => a - b),
      splitBetweenVenues: new Set(venueByChome.values()).size > 1,
    });
  }
  return towns;
}

export const KOTO_TOWNS: ReadonlyMap<string, KotoTown> = buildTowns();

// Other spellings met in real registers and hand-typed rosters: 髙 (はしごだか), 𠮷 (つちよし), the old
// form 龜, ノ for の, and 辰己/辰已, a mistake so common for 辰巳 that refusing it would only make work.
const ALTERNATIVE_SPELLINGS: Readonly<Record<string, string>> = {
  髙橋: '高橋',
  住𠮷: '住吉',
  龜戸: '亀戸',
  夢ノ島: '夢の島',
  海ノ森: '海の森',
  辰己: '辰巳',
  辰已: '辰巳',
};

interface Spelling {
  readonly written: string;
  readonly town: KotoTown;
}

function buildSpellingIndex(): ReadonlyMap<string, readonly Spelling[]> {
  const spellings: Spelling[] = [];
  for (const town of KOTO_TOWNS.values()) spellings.push({ written: town.name, town });
  for (const [written, canonical] of Object.entries(ALTERNATIVE_SPELLINGS)) {
    const town = KOTO_TOWNS.get(canonical);
    if (town) spellings.push({ written, town });
  }
  // Longest first, so 新木場 wins over 木場-like prefixes and 海の森 is never read as 海.
  spellings.sort((a, b) => b.written.length - a.written.length);
  const byFirstChar = new Map<string, Spelling[]>();
  for (const spelling of spellings) {
    const first = spelling.written[0] as string;
    const bucket = byFirstChar.get(first);
    if (bucket) bucket.push(spelling);
    else byFirstChar.set(first, [spelling]);
  }
  return byFirstChar;
}

const SPELLINGS_BY_FIRST_CHAR = buildSpellingIndex();

export interface TownMatch {
  readonly town: KotoTown;
  /** Index just after the town name as written. */
  readonly end: number;
}

/** The Koto town whose name starts exactly at `pos` (longest name wins), or null. */
export function matchTownAt(text: string, pos: number): TownMatch | null {
  const first = text[pos];
  if (first === undefined) return null;
  const bucket = SPELLINGS_BY_FIRST_CHAR.get(first);
  if (!bucket) return null;
  for (const { written, town } of bucket) {
    if (text.startsWith(written, pos)) return { town, end: pos + written.length };
  }
  return null;
}
