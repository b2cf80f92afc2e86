// Time is injected so tests and simulations control it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const t = new Date(iso);
  return { now: () => new Date(t) };
}

// Tokyo dates live in shared/tokyo-date.ts; this re-export only serves main/counter/counter-service.ts until
// it imports from there too.
