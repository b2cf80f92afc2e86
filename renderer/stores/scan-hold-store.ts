// Scans that arrived while nobody could see them (the screen locked, or nobody signed in), and typed keys
// waiting on the scan surface. A scan is never typed into the PIN field nor dropped: it waits here, said on
// the lock and sign-in screens, and goes where scans go once someone is signed in (bootstrap.ts).
// Only the code is kept, never what it shows; the station locking (passphrase) forgets it.
import { create } from 'zustand';

export interface HeldScan {
  readonly text: string;
  readonly source: 'keyboard' | 'hid';
  readonly startedAt: number;
  readonly endedAt: number;
}

/** The counter keeps as many waiting (counter-store's MAX_QUEUE); more and the oldest go. */
const MAX_HELD = 10;

interface ScanHoldState {
  held: HeldScan[];
  /** Keys typed on the scan surface that are not (yet) a scan; '' when none. */
  stray: string;
  hold(scan: HeldScan): void;
  /** Hands the held scans over, oldest first, and forgets them. */
  take(): HeldScan[];
  setStray(text: string): void;
  clear(): void;
}

export const useScanHoldStore = create<ScanHoldState>()((set, get) => ({
  held: [],
  stray: '',
  hold: (scan) => set({ held: [...get().held, scan].slice(-MAX_HELD) }),
  take() {
    const held = get().held;
    set({ held: [] });
    return held;
  },
  setStray: (stray) => set({ stray }),
  clear: () => set({ held: [], stray: '' }),
}));
