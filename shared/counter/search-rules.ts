// What a search at the counter must be given, and how often a person may search (issue 14). A search finds a
// resident who came without the notice; it must not list residents. An audit listed all 40 residents born in two
// years with 52,632 searches (every birth date × 76 one-kana prefixes) at 374 a second: a query now needs a name or
// kana of at least two characters with the full birth date, and each person's searches are limited.

/** Characters of name or kana a search needs, spaces not counted: one kana matched a fifth of a day's births. */
export const SEARCH_MIN_PREFIX = 2;

/**
 * Searches one person may make: a counter busy all day searches for a few residents an hour (most bring the
 * notice); the limits leave room for retyping and stop a list being made, 100 a day being 0.2 % of the audit's.
 */
export const SEARCH_LIMITS = [
  { id: 'ten-minutes', windowMinutes: 10, max: 20, words: '10分間に20回' },
  { id: 'day', windowMinutes: null, max: 100, words: '1日に100回' },
] as const;

/** The prefix as searched: NFKC, spaces removed (山田　太 → 山田太). */
export function searchPrefix(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function searchPrefixProblem(text: string): string | null {
  return [...searchPrefix(text)].length >= SEARCH_MIN_PREFIX ? null : `氏名またはカナを${SEARCH_MIN_PREFIX}文字以上入力してください`;
}
