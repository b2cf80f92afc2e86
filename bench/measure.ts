// The measuring tools every bench section uses, and the shape of a target.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time of fn, in milliseconds (a latency: the collections it triggers are part of it). */
export function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Wall time of fn after collecting the heap (npm run bench runs node with --expose-gc): for a ratio of two
 * whole computations, so the garbage one leaves is not charged to the other (a baseline timed after a fold that
 * allocated 100,000 objects would otherwise pay for the fold's collection).
 */
export function timeFromCleanHeap(fn: () => void): number {
  (globalThis as { gc?: () => void }).gc?.();
  return time(fn);
}

/** A performance target: a ratio to a baseline measured in the same run, an absolute budget, or both. */
export interface BenchTarget {
  name: string;
  measured: number;
  baseline?: { name: string; ms: number; maxRatio: number };
  maxMs?: number;
}
