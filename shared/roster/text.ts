// Small text helpers shared by the roster (名簿) parsers. Pure: no node, no DOM.
// Regexes are compiled once here because the roster reader calls these for every field of
// up to 200,000 rows.

/** 全角 ASCII (！..～, i.e. U+FF01..U+FF5E) to 半角. U+3000 (全角スペース) is left alone; trim() handles it. */
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;

export function toHalfWidthAscii(s: string): string {
  return s.replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Characters people (and IMEs) type where a hyphen is meant: ‐ ‑ ‒ – — ― − － ー ｰ ﹣.
 * ー (長音符) is included because typing a hyphen in kana mode produces it.
 */
export const DASH_LOOKALIKES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\u30FC\uFF70\uFE63';
const DASH_LIKE = new RegExp(`[${DASH_LOOKALIKES}]`, 'g');

export function unifyDashes(s: string): string {
  return s.replace(DASH_LIKE, '-');
}

const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
const HALF_WIDTH_KATAKANA_RUN = /[\uFF61-\uFF9F]+/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Reading (カナ) as stored in the ledger: 全角カタカナ.
 * ひらがな → カタカナ (the two blocks are 0x60 apart, ゝゞ → ヽヾ included);
 * 半角ｶﾀｶﾅ → 全角 via NFKC on those runs only, so ｶﾞ becomes one ガ and nothing else in the
 * string is compatibility-folded. Whitespace runs become one 全角スペース, the usual separator
 * between family and given name in Japanese systems.
 */
// Already 全角カタカナ words separated by single 全角スペース (and NFC: U+30A0..U+30FF holds no
// combining marks), which is what the ward's system writes.
const CANONICAL_KATAKANA = /^[\u30A0-\u30FF]+(?:\u3000[\u30A0-\u30FF]+)*$/;

export function toFullWidthKatakana(s: string): string {
  if (CANONICAL_KATAKANA.test(s)) return s;
  return s
    .replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(HALF_WIDTH_KATAKANA_RUN, (run) => run.normalize('NFKC'))
    .normalize('NFC')
    .trim()
    .replace(WHITESPACE_RUN, '\u3000');
}

/**
 * Address as written: trim, and collapse each whitespace run (including line breaks and tabs a
 * multi-line cell may carry) to one space. A run that starts with 全角スペース stays 全角, so
 * 「東陽4-11-28　江東区役所」 keeps its spacing.
 */
export function collapseAddressWhitespace(s: string): string {
  return s.trim().replace(WHITESPACE_RUN, (run) => (run.charCodeAt(0) === 0x3000 ? '\u3000' : ' '));
}

/** Anything the find* functions below could find: one test clears a clean field. */
const SUSPICIOUS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\uE000-\uF8FF\uFFFD]/;

export function mayHoldBadCharacter(s: string): boolean {
  return SUSPICIOUS.test(s);
}

/** C0 (except TAB, LF, CR), DEL, C1, and the Unicode line/paragraph separators. */
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;
const CONTROL_ANY = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** First control character in s, or null. Addresses may span lines, so they pass allowLineBreaks. */
export function findControlCharacter(s: string, allowLineBreaks: boolean): string | null {
  const m = (allowLineBreaks ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL_ANY).exec(s);
  return m ? m[0] : null;
}

/** Private-use area: where CP932 外字 (user-defined characters 0xF040..0xF9FC) land when decoded. */
const PRIVATE_USE = /[\uE000-\uF8FF]/;

export function findPrivateUseCharacter(s: string): string | null {
  const m = PRIVATE_USE.exec(s);
  return m ? m[0] : null;
}

/**
 * U+FFFD in text that decoded cleanly means the character was already lost upstream (the file
 * was once mis-converted); the ledger would print the mark instead of a name.
 */
export function hasReplacementCharacter(s: string): boolean {
  return s.includes('\uFFFD');
}

/** Length in code points, so 𠮷 counts as one character like a person would count it. */
export function codePointLength(s: string): number {
  // Counting units and subtracting surrogate pairs avoids allocating [...s] for every field.
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** "U+0007" style label for reasons shown to staff (the character itself is invisible). */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
