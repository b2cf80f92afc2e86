// Turns an address as typed (全角 digits, 半角 kana, stray tabs, zero-width characters…) into one form the
// router can read. Kanji are kept as they are: NFKC leaves ordinary kanji alone and only folds
// compatibility forms (⾼ → 高, ① → 1, ｶ → カ), which is what a reader would do too.

// Everything the router needs is within the first few dozen characters (postal code, 東京都江東区,
// town, 丁目); the cap keeps a pasted page of text from costing more than an ordinary address.
const ADDRESS_READ_LIMIT = 256;

// Characters that NFKC leaves unchanged and that need no clean-up. Most roster rows are entirely
// inside this set, so they skip normalisation altogether.
const NEEDS_CLEANUP = /[^\u0020-\u007e\u3001-\u3002\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff]/u;

// Zero-width and formatting characters, variation selectors (including ideographic variation
// sequences, e.g. 髙 written with an IVS) and lone surrogates: invisible to staff, so they must not
// split a town name either.
const INVISIBLE = /[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

// Tabs, line breaks and every kind of space become one ordinary space.
const SPACE_LIKE = /[\p{Cc}\p{Z}]+/gu;

export function normalizeAddressText(raw: string): string {
  let text = raw.trimStart();
  if (text.length > ADDRESS_READ_LIMIT) text = text.slice(0, ADDRESS_READ_LIMIT);
  if (!NEEDS_CLEANUP.test(text)) return text;
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(SPACE_LIKE, ' ');
}

/**
 * The characters that separate 丁目, 番地 and 号 when written with dashes. ー (katakana long vowel)
 * belongs here because IMEs produce it when typing "5ー6"; it is only ever read as a dash right
 * after a number, so katakana words are unaffected.
 */
const DASHES: ReadonlySet<string> = new Set([
  '-',
  '‐',
  '‑',
  '‒',
  '–',
  '—',
  '―',
  '−',
  '－',
  'ー',
  'ｰ',
  '─',
  '━',
  '⁃',
  '˗',
  '﹣',
  '﹘',
  '⸺',
  '⸻',
  '➖',
]);

export function isDash(ch: string | undefined): boolean {
  return ch !== undefined && DASHES.has(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
