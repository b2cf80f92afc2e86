// Headquarters' screens (事務センター, on HQ's own data folder): the ledgers HQ built. Lives while HQ staff are
// signed in; reset on sign-out.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from './call';

type HqLedger = ChannelOutput<'hq:ledgers'>[number];
type WardReport = ChannelOutput<'hq:report'>;
type PullSummary = ChannelOutput<'hq:pull'>;

export interface HqState {
  ledgers: HqLedger[] | null;
  report: WardReport | null;
  error: string | null;
  loadLedgers(): Promise<void>;
  /** The ward's consolidation as of a day, from the sync files HQ has taken in. */
  loadReport(date: string): Promise<void>;
  pulling: boolean;
  pulled: PullSummary | null;
  /** Fetches every station's new files now, then shows the report again. */
  pull(date: string): Promise<void>;
  reset(): void;
}

export const useHqStore = create<HqState>()((set) => ({
  ledgers: null,
  report: null,
  error: null,
  pulling: false,
  pulled: null,
  async loadLedgers() {
    const r = await invoke('hq:ledgers', {});
    if (!r.ok) return set({ error: r.error.message });
    set({ ledgers: r.value, error: null });
  },
  async loadReport(date) {
    const r = await invoke('hq:report', { date });
    if (!r.ok) return set({ error: r.error.message });
    set({ report: r.value, error: null });
  },
  async pull(date) {
    set({ pulling: true, error: null });
    const r = await invoke('hq:pull', {});
    if (!r.ok) return set({ pulling: false, error: r.error.message });
    set({ pulling: false, pulled: r.value });
    await useHqStore.getState().loadReport(date);
  },
  reset: () => set({ ledgers: null, report: null, error: null, pulling: false, pulled: null }),
}));
