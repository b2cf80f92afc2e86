// Time for the scanner source, injected: retry backoff is tested by advancing a manual clock, never
// by waiting.

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending reconnect attempt must not keep a CLI process (or a test run) alive.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A clock that moves only when told to; due timers run in time order inside advance(). */
export class ManualTimers implements Timers {
  private current = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  constructor(startMs = 0) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** How many timers are waiting. */
  get size(): number {
    return this.pending.size;
  }

  /** Delay until the earliest pending timer, or null. */
  nextDelay(): number | null {
    let at: number | null = null;
    for (const t of this.pending.values()) if (at === null || t.at < at) at = t.at;
    return at === null ? null : at - this.current;
  }

  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.pending) if (entry[1].at <= until && (due === null || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.pending.delete(due[0]);
      this.current = due[1].at;
      due[1].fn();
    }
    this.current = until;
  }
}
