// Ways residents and registers write the same Koto address, for tests and benchmarks (the app itself
// does not use this file). Each style writes a (town, 丁目) so that the 丁目 — or for the five towns
// without 丁目, the 番地 — is unmistakable; the text after it differs from style to style.
import { toKanjiNumeral } from '../../shared/address/kanji-numerals';

/** Every character staff have seen used as the dash in 5-6-1. */
export const DASH_LOOK_ALIKES: readonly string[] = ['-', '‐', '‑', '‒', '–', '—', '―', '−', '－', 'ー', 'ｰ', '─', '━'];

/** 0-9 and - as the 全角 characters a Japanese IME produces. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export interface WritingStyle {
  readonly label: string;
  readonly write: (town: string, chome: number) => string;
}

export const CHOME_STYLES: readonly WritingStyle[] = [
  { label: '東京都江東区 n丁目1番2号', write: (t, n) => `東京都江東区${t}${n}丁目1番2号` },
  { label: '漢数字 丁目 3-4', write: (t, n) => `${t}${toKanjiNumeral(n)}丁目3-4` },
  { label: '〒 江東区 n-5-6 building', write: (t, n) => `〒135-0000 江東区${t}${n}-5-6 ○○マンション101号室` },
  { label: '全角 丁目 番 号', write: (t, n) => `江東区${t}${toFullWidth(String(n))}丁目７番８号` },
  { label: '全角 dashes', write: (t, n) => `${t}${toFullWidth(`${n}-7-8`)}` },
  { label: '全角 postal code and 全角 space', write: (t, n) => `１３５－００６１　東京都江東区${t}${toFullWidth(String(n))}丁目` },
  { label: 'spaces between parts', write: (t, n) => `東京都 江東区 ${t} ${n}丁目 6-1` },
  { label: '番地 then 号室', write: (t, n) => `${t}${n}丁目6番地1 101号室` },
  { label: '半角 katakana building', write: (t, n) => `${t}${n}-6-1 ｼﾃｨﾀﾜｰ 1203` },
  { label: 'bare 丁目 number', write: (t, n) => `${t}${n}` },
  ...DASH_LOOK_ALIKES.flatMap((d): WritingStyle[] => [
    { label: `dash ${d}`, write: (t, n) => `${t}${n}${d}6${d}1` },
    { label: `漢数字 dash ${d}`, write: (t, n) => `${t}${toKanjiNumeral(n)}${d}六${d}一` },
  ]),
];

/** Towns without 丁目: the number after the town is a 番地. */
export const BANCHI_STYLES: readonly WritingStyle[] = [
  { label: '東京都江東区 12番3号', write: (t) => `東京都江東区${t}12番3号` },
  { label: '漢数字 番地', write: (t) => `${t}十二番地` },
  { label: '〒 江東区 12-5 building', write: (t) => `〒135-0000 江東区${t}12-5 ○○マンション101号室` },
  { label: '全角 dashes', write: (t) => `${t}１２－３` },
  { label: '番 only', write: (t) => `${t}21番` },
  ...DASH_LOOK_ALIKES.map((d): WritingStyle => ({ label: `dash ${d}`, write: (t) => `${t}12${d}3` })),
];
