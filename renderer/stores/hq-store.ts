// Headquarters' screens (事務センター, on HQ's own data folder): the ledgers HQ built. Lives while HQ staff are
// signed in; reset on sign-out.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from './call';

export type HqLedger = ChannelOutput<'hq:ledgers'>[number];

export interface HqState {
  ledgers: HqLedger[] | null;
  error: string | null;
  loadLedgers(): Promise<void>;
  reset(): void;
}

export const useHqStore = create<HqState>()((set) => ({
  ledgers: null,
  error: null,
  async loadLedgers() {
    const r = await invoke('hq:ledgers', {});
    if (!r.ok) return set({ error: r.error.message });
    set({ ledgers: r.value, error: null });
  },
  reset: () => set({ ledgers: null, error: null }),
}));
