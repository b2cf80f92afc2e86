// バックアップ (venue lead; HQ staff of HQ's own folder): this station's backups from its access record, one made
// now to the set folder, one checked on its medium. Main makes, checks and records each; this holds the page.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from './call';
import { useSessionStore } from './session-store';

type BackupList = ChannelOutput<'backup:list'>;

interface BackupState {
  list: BackupList | null;
  /** What is running: a backup being made, or the path being checked (its row's button says so). */
  busy: 'create' | string | null;
  error: string | null;
  message: string | null;
  load(): Promise<void>;
  create(): Promise<void>;
  verify(path: string): Promise<void>;
  scanIgnored(): void;
  reset(): void;
}

const INITIAL = { list: null, busy: null, error: null, message: null };

export const useBackupStore = create<BackupState>((set, get) => ({
  ...INITIAL,
  async load() {
    const r = await invoke('backup:list', {});
    set(r.ok ? { list: r.value } : { error: r.error.message });
  },
  async create() {
    set({ busy: 'create', error: null, message: null });
    const r = await invoke('backup:create', {});
    if (!r.ok) set({ busy: null, error: r.error.message });
    else
      set({
        busy: null,
        message: `バックアップを作りました（${r.value.path}）${r.value.removed.length > 0 ? `。古いもの ${r.value.removed.length}件を消しました` : ''}`,
        error: r.value.recordsProblem,
      });
    // The strip's reminder goes with it.
    await Promise.all([get().load(), useSessionStore.getState().refreshStatus()]);
  },
  async verify(path) {
    set({ busy: path, error: null, message: null });
    const r = await invoke('backup:verify', { path });
    if (!r.ok) set({ busy: null, error: r.error.message });
    else if (!r.value.ok) set({ busy: null, error: r.value.problem });
    else set({ busy: null, message: '確認しました: 正常です（復元に使えます）', error: r.value.recordsProblem });
    await Promise.all([get().load(), useSessionStore.getState().refreshStatus()]);
  },
  scanIgnored: () => set({ message: null, error: 'バックアップの画面ではスキャンは使いません。窓口に戻ってから読み取ってください' }),
  reset: () => set(INITIAL),
}));
