// The venue lead's workspace (会場責任者の業務画面): which page is open, and the 照合・日報 page's state — the
// reconciliation of a chosen business day and closing it. Corrections and returns keep their own stores.
import { create } from 'zustand';
import type { ChannelOutput, FreeSpaceWarning } from '../../shared/ipc/contract';
import { invoke } from './call';
import { useSessionStore } from './session-store';
import { tokyoToday, westernDate } from '../format/dates';

export type LeadPage = 'reconciliation' | 'corrections' | 'returns' | 'staff' | 'access' | 'backup' | 'data-life';
export type ReconciliationView = ChannelOutput<'reconciliation:day'>;

interface LeadWorkspaceState {
  page: LeadPage | null;
  date: string;
  view: ReconciliationView | null;
  busy: boolean;
  error: string | null;
  message: string | null;
  /** The disk running low, as the last 日締め found it: said beside its message. */
  freeSpace: FreeSpaceWarning;
  /** 日締め's backup that failed (or found the records changed): the close itself is done. */
  backupProblem: string | null;
  /** The day awaiting the second, confirming press of 日締め. */
  confirmingClose: boolean;
  open(page: LeadPage): void;
  exit(): void;
  setDate(date: string): Promise<void>;
  load(): Promise<void>;
  askClose(value: boolean): void;
  closeDay(): Promise<void>;
  /** A scan while the reconciliation page is open: nothing to look up here. */
  scanIgnored(): void;
}

export const useLeadStore = create<LeadWorkspaceState>((set, get) => ({
  page: null,
  date: tokyoToday(),
  view: null,
  busy: false,
  error: null,
  message: null,
  freeSpace: null,
  backupProblem: null,
  confirmingClose: false,
  open(page) {
    set({ page, error: null, message: null, freeSpace: null, backupProblem: null, confirmingClose: false });
    if (page === 'reconciliation') void get().setDate(tokyoToday());
  },
  exit: () => set({ page: null, view: null, error: null, message: null, freeSpace: null, backupProblem: null, confirmingClose: false }),
  async setDate(date) {
    set({ date, confirmingClose: false, message: null, freeSpace: null, backupProblem: null });
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) await get().load();
  },
  async load() {
    const date = get().date;
    set({ busy: true, error: null });
    const v = await invoke('reconciliation:day', { date });
    if (get().date !== date) return; // a newer date was chosen meanwhile
    set({ busy: false, view: v.ok ? v.value : null, error: v.ok ? null : v.error.message });
  },
  askClose: (value) => set({ confirmingClose: value, message: null }),
  async closeDay() {
    const date = get().date;
    set({ busy: true, error: null, confirmingClose: false, backupProblem: null });
    const r = await invoke('day:close', { date });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    const sync = r.value.syncFile
      ? `事務センターへの同期ファイル ${r.value.syncFile} を書き出しました。`
      : `同期ファイルは書き出していません：${r.value.syncProblem ?? '同期が未設定です'}`;
    // Made or not set is part of the day's news; a backup that failed is a problem of its own, said in red beside it.
    const { backup: made, backupProblem } = r.value;
    const backup = made !== null ? `バックアップを作りました（${made}）。` : backupProblem === null ? 'バックアップ先は未設定です。' : '';
    set({
      busy: false,
      message: `${westernDate(date)}を締めました。数字は固定され、以後の訂正は「締め後の訂正」として表示されます。${sync}${backup}`,
      freeSpace: r.value.freeSpace,
      backupProblem,
    });
    // The strip says the disk's state too: brought up to date with what the close just found.
    await Promise.all([get().load(), useSessionStore.getState().refreshStatus()]);
  },
  scanIgnored: () => set({ message: null, error: '照合・日報の画面ではスキャンは使いません。窓口に戻ってから読み取ってください' }),
}));
