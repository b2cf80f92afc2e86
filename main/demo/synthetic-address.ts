// Addresses for the synthetic demo roster, written the ways Koto residents write them (prefixes dropped,
// 丁目 as 漢数字, arabic or a hyphen triple, 番地, 全角 digits, a building and room). SYNTHETIC DATA ONLY:
// every number and building is random. Split from synthetic-roster.ts, which decides who lives where.
import { ASSIGNMENTS } from '../../shared/venues/assignment-table';
import { toKanjiNumeral } from '../../shared/address/kanji-numerals';
import { SURNAMES } from './japanese-names';
import { int, pick, type Rng } from './prng';

/** The bay's tower towns: most addresses there carry a tower name and a high floor. */
const TOWER_TOWNS: ReadonlySet<string> = new Set(['豊洲', '東雲', '有明', '辰巳', '潮見', '青海']);
/** The share written exactly as the register writes them. */
const CANONICAL_SHARE = 0.65;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Hand-typed addresses: digits and hyphens as full-width forms, as an IME in 全角 mode produces them. */
const toFullWidth = (s: string): string => s.replace(/[0-9-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

const TOWER_PREFIXES = ['パーク', 'シティ', 'グラン', 'ベイ', 'プライム', 'アーバン', 'ブライト', 'リバー'] as const;
const TOWER_SUFFIXES = ['タワー', 'タワーズ', 'レジデンス', 'フロント', 'テラス', 'ガーデンズ'] as const;
const TOWN_NAMES = [...new Set(ASSIGNMENTS.map((row) => row.town))];
/** Surnames for building names ('コーポ佐藤'), minus those holding a town name (高橋, 平野, 大島 …): a building must not read as a second 町名. */
const BUILDING_SURNAMES = SURNAMES.map(([kanji]) => kanji).filter((s) => !TOWN_NAMES.some((town) => s.includes(town)));

function buildingAndRoom(rng: Rng, town: string): string {
  if (TOWER_TOWNS.has(town) ? rng() < 0.85 : rng() < 0.2) {
    const name =
      rng() < 0.5
        ? `${pick(rng, TOWER_PREFIXES)}${pick(rng, TOWER_SUFFIXES)}${town}`
        : `${town}${pick(rng, TOWER_PREFIXES)}${pick(rng, TOWER_SUFFIXES)}`;
    const floor = 2 + int(rng, TOWER_TOWNS.has(town) ? 47 : 14);
    return `${name} ${floor}${pad2(1 + int(rng, 15))}${rng() < 0.6 ? '号室' : ''}`;
  }
  const owner = pick(rng, BUILDING_SURNAMES);
  const name = pick(rng, [`コーポ${owner}`, `${owner}ハイツ`, `メゾン${town}`, `${town}ハイツ`, `ハイム${town}`, `${owner}荘`]);
  return `${name} ${1 + int(rng, 5)}0${1 + int(rng, 8)}${rng() < 0.5 ? '号室' : ''}`;
}

const ADDRESS_PREFIXES = ['東京都江東区', '東京都江東区', '江東区', '江東区', ''] as const;

/**
 * One written address for (town, chome). CANONICAL_SHARE of them are exactly
 * '東京都江東区{town}{漢数字}丁目{n}番{m}号' ('東京都江東区{town}{n}番{m}号' for towns without 丁目);
 * the rest vary the way residents write: prefixes dropped, 丁目 in arabic or as the first of a
 * hyphen triple, 番地, 全角 digits, a building and room after a space.
 */
export function buildAddress(rng: Rng, town: string, chome: number | null): string {
  const ban = 1 + Math.floor(rng() ** 1.4 * (chome === null ? 40 : 28));
  const go = 1 + int(rng, 22);
  if (rng() < CANONICAL_SHARE) {
    return chome === null ? `東京都江東区${town}${ban}番${go}号` : `東京都江東区${town}${toKanjiNumeral(chome)}丁目${ban}番${go}号`;
  }
  const prefix = pick(rng, ADDRESS_PREFIXES);
  let body: string;
  // A switch rather than picking from a list of built strings: this runs 100k times per big roster.
  if (chome === null) {
    // For these five towns the first number is a 番地, never a 丁目.
    switch (int(rng, 5)) {
      case 0:
        body = `${ban}番${go}号`;
        break;
      case 1:
      case 2:
        body = `${ban}-${go}`;
        break;
      case 3:
        body = `${ban}番地${go}`;
        break;
      default:
        body = `${ban}番地${go}号`;
    }
  } else {
    switch (int(rng, 8)) {
      case 0:
        body = `${toKanjiNumeral(chome)}丁目${ban}番${go}号`;
        break; // canonical body, prefix varies
      case 1:
      case 2:
        body = `${chome}丁目${ban}番${go}号`;
        break;
      case 3:
        body = `${chome}丁目${ban}番地${go}`;
        break;
      case 4:
      case 5:
        body = `${chome}-${ban}-${go}`;
        break;
      case 6:
        body = `${toKanjiNumeral(chome)}丁目${ban}-${go}`;
        break;
      default:
        body = `${chome}丁目${ban}-${go}`;
    }
  }
  const fullWidth = rng() < 0.15;
  let address = prefix + town + body;
  if (rng() < 0.5) address += (fullWidth && rng() < 0.5 ? '\u3000' : ' ') + buildingAndRoom(rng, town);
  return fullWidth ? toFullWidth(address) : address;
}
