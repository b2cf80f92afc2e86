// Kanji numerals as residents write 丁目 and 番地: 五, 十一, 二十三, the positional 一〇, and the
// 大字 forms (壱, 弐, 参) that older registers still use.

const DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0],
  ['零', 0],
  ['一', 1],
  ['壱', 1],
  ['壹', 1],
  ['二', 2],
  ['弐', 2],
  ['貳', 2],
  ['三', 3],
  ['参', 3],
  ['參', 3],
  ['四', 4],
  ['五', 5],
  ['伍', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);

const UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['拾', 10],
  ['百', 100],
  ['千', 1000],
]);

// Addresses never need more; the cap keeps a run of numeral-like characters in garbage cheap.
const MAX_NUMERAL_LENGTH = 8;

export interface ParsedNumber {
  readonly value: number;
  /** Index just after the last numeral character. */
  readonly end: number;
}

/**
 * Reads the kanji numeral starting at `start`, or null when there is none.
 * 十一 = 11, 二十 = 20, 百五 = 105, and without 十/百/千 the digits are positional (一〇 = 10, 二一 = 21).
 */
export function parseKanjiNumeralAt(text: string, start: number): ParsedNumber | null {
  let end = start;
  let hasUnit = false;
  while (end < text.length && end - start < MAX_NUMERAL_LENGTH) {
    const ch = text[end];
    if (ch !== undefined && DIGITS.has(ch)) end++;
    else if (ch !== undefined && UNITS.has(ch)) {
      hasUnit = true;
      end++;
    } else break;
  }
  if (end === start) return null;

  let total = 0;
  let pending = 0;
  let sawDigit = false;
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    const digit = DIGITS.get(ch);
    if (digit !== undefined) {
      pending = hasUnit ? digit : pending * 10 + digit;
      sawDigit = true;
      continue;
    }
    const unit = UNITS.get(ch) ?? 1;
    // 十 alone means one ten; 二十 means two tens.
    total += (sawDigit ? pending : 1) * unit;
    pending = 0;
    sawDigit = false;
  }
  return { value: total + pending, end };
}

const KANJI_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** The way the ward writes numbers in 丁目: 五, 十, 十一, 二十三, 百五. Integers 1–9999. */
export function toKanjiNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`toKanjiNumeral: ${n} is outside 1–9999`);
  let out = '';
  const places: readonly [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let rest = n;
  for (const [size, unit] of places) {
    const count = Math.floor(rest / size);
    rest %= size;
    if (count === 0) continue;
    out += (count === 1 ? '' : KANJI_DIGITS[count]) + unit;
  }
  if (rest > 0) out += KANJI_DIGITS[rest];
  return out;
}
