// Connection store: whether main answers. Lives as long as the window. Every call reports here (call.ts), and
// a heartbeat asks while nothing else does (app/heartbeat.ts): the counter must never look ready (a green
// scanner, 受信できます) while a scan could not be looked up or a handover recorded.
import { create } from 'zustand';

interface ConnectionState {
  /** When main stopped answering (the window's clock, ISO), or null while it answers. */
  lostAt: string | null;
  answered(): void;
  lost(at: Date): void;
}

export const useConnectionStore = create<ConnectionState>()((set, get) => ({
  lostAt: null,
  answered: () => {
    if (get().lostAt !== null) set({ lostAt: null });
  },
  lost: (at) => {
    if (get().lostAt === null) set({ lostAt: at.toISOString() });
  },
}));
