// The idle lock, renderer side: after `idleLockMinutes` without a key, click or scan, lock the screen
// (session:lock). Main keeps its own clock from the last call and refuses calls once it has run out, so a
// renderer that failed to lock still cannot show anything.
export interface IdleLockOptions {
  readonly minutes: () => number | null;
  readonly onIdle: () => void;
  /** Tells main the clerk is active, at most once per `reportEveryMs`, so main's idle clock agrees. */
  readonly onActivity?: () => void;
  readonly reportEveryMs?: number;
  /** How often to look; the lock may come up to this late. */
  readonly checkEveryMs?: number;
}

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export interface IdleLock {
  /** Counts as activity (a scan from the HID scanner, a successful sign-in or unlock). */
  touch(): void;
  dispose(): void;
}

export function installIdleLock(win: Window, options: IdleLockOptions): IdleLock {
  let last = Date.now();
  let reported = 0;
  const touch = () => {
    last = Date.now();
    if (options.onActivity && last - reported >= (options.reportEveryMs ?? 30_000)) {
      reported = last;
      options.onActivity();
    }
  };
  for (const e of ACTIVITY_EVENTS) win.addEventListener(e, touch, { capture: true, passive: true });
  const timer = win.setInterval(() => {
    const minutes = options.minutes();
    if (minutes === null) return;
    if (Date.now() - last >= minutes * 60_000) {
      touch();
      options.onIdle();
    }
  }, options.checkEveryMs ?? 5_000);
  return {
    touch,
    dispose() {
      win.clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) win.removeEventListener(e, touch, { capture: true });
    },
  };
}
