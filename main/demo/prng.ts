// Seeded randomness for synthetic data and simulations: reproducible for a seed, never Math.random.
export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for demo data; the state is a single uint32. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds a safe integer seed into 32 bits without letting seeds that differ only above bit 32 collide trivially. */
export function seedState(seed: number, salt: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return (lo ^ Math.imul(hi, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
}

export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[int(rng, items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Weighted choice by binary search over cumulative weights (158 町丁目 and ~170 surnames: no alias table needed). */
export function weightedPicker<T>(items: readonly T[], weight: (item: T, index: number) => number): (rng: Rng) => T {
  let total = 0;
  const cumulative = items.map((item, i) => (total += weight(item, i)));
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    for (let hi = items.length - 1; lo < hi;) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}
