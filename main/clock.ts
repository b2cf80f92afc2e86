// Time is injected so tests and simulations control it.
import { tokyoDateOf } from '../shared/tokyo-date';
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const t = new Date(iso);
  return { now: () => new Date(t) };
}

/** Local calendar date (YYYY-MM-DD) in Japan, where every venue is. */
export function tokyoDate(d: Date): string {
  return tokyoDateOf(d.toISOString());
}
