// 個人情報の保管と報告 (the venue lead's page): the retention plan main reads, and the periods the lead prints the
// 定期報告 (第13条, by default last month) and the incident draft (第15条, by default today so far) for. Printing
// goes through the print store like every other document.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { addDays } from '../../shared/tokyo-date';
import { invoke } from './call';
import { tokyoClockTime, tokyoToday } from '../format/dates';

type Plan = ChannelOutput<'data-life:plan'>;

interface DataLifeState {
  plan: Plan | null;
  error: string | null;
  /** 定期報告: first and last day (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The incident's hours: days (YYYY-MM-DD) and times (HH:MM), Tokyo time; the end excluded. */
  incidentFromDay: string;
  incidentFromTime: string;
  incidentToDay: string;
  incidentToTime: string;
  set(
    patch: Partial<Pick<DataLifeState, 'from' | 'to' | 'incidentFromDay' | 'incidentFromTime' | 'incidentToDay' | 'incidentToTime'>>,
  ): void;
  load(): Promise<void>;
  scanIgnored(): void;
  reset(): void;
}

/** Last month, first day to last: what a monthly 定期報告 covers. */
function lastMonth(today: string): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 8)}01`, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

const initial = () => {
  const today = tokyoToday();
  return {
    plan: null,
    error: null,
    ...lastMonth(today),
    incidentFromDay: today,
    incidentFromTime: '00:00',
    incidentToDay: today,
    incidentToTime: tokyoClockTime(new Date().toISOString()),
  };
};

export const useDataLifeStore = create<DataLifeState>((set) => ({
  ...initial(),
  set: (patch) => set({ ...patch, error: null }),
  async load() {
    const r = await invoke('data-life:plan', {});
    set(r.ok ? { plan: r.value, error: null } : { error: r.error.message });
  },
  scanIgnored: () => set({ error: '保管・報告の画面ではスキャンは使いません。窓口に戻ってから読み取ってください' }),
  reset: () => set(initial()),
}));
