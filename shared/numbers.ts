// Numbers as every screen and print shows them: with thousands separators (1,234), and a count of things with its
// counter word (1,234件). One helper, so HQ's table, the lead's pages and the status strip agree.

/** 1234 → 1,234. */
export function num(n: number): string {
  return n.toLocaleString('ja-JP');
}

/** 1234 → 1,234件 (or 1,234枚 etc. with another counter word). */
export function count(n: number, unit = '件'): string {
  return `${num(n)}${unit}`;
}
