// Asks main every few seconds whether it is there, so a stopped or hung service shows on the counter even while
// nobody scans (the connection store hears every call's answer; this makes sure there is one to hear).
// It asks a public channel (station:status): a staff call would count as activity and keep the idle lock away.

export interface HeartbeatOptions {
  /** The question; its answer (or failure) reaches the connection store through invoke. */
  readonly ask: () => Promise<unknown>;
  readonly everyMs: number;
  /**
   * No answer within this long counts as lost (a hung main). Long enough for the longest thing main does in one
   * go (a 40,000-card ledger import's write blocks it for seconds), so that is not taken for a fault.
   */
  readonly timeoutMs: number;
  readonly onNoAnswer: (at: Date) => void;
}

export const HEARTBEAT: Pick<HeartbeatOptions, 'everyMs' | 'timeoutMs'> = { everyMs: 3_000, timeoutMs: 12_000 };

export function installHeartbeat(
  win: Pick<Window, 'setInterval' | 'clearInterval' | 'setTimeout' | 'clearTimeout'>,
  o: HeartbeatOptions,
): () => void {
  let asking = false;
  const beat = () => {
    // One question at a time: a hung main is asked once, and answers it when it comes back.
    if (asking) return;
    asking = true;
    const timer = win.setTimeout(() => o.onNoAnswer(new Date()), o.timeoutMs);
    void o.ask().finally(() => {
      win.clearTimeout(timer);
      asking = false;
    });
  };
  const interval = win.setInterval(beat, o.everyMs);
  return () => win.clearInterval(interval);
}
