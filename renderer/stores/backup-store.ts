// バックアップ (venue lead; HQ staff of HQ's own folder): this station's backups from its access record, one made
// now to the set folder, one checked on its medium, and where they go (the folder, how many kept, the check
// interval). Main makes, checks, validates and records each; this holds the page and the settings being typed.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from './call';
import { useSessionStore } from './session-store';

type BackupList = ChannelOutput<'backup:list'>;

/** The settings as typed (text: a half-typed number is the lead's until saved; main says what is wrong with it). */
interface SettingsDraft {
  readonly folder: string;
  readonly keep: string;
  readonly checkDays: string;
}

interface BackupState {
  list: BackupList | null;
  draft: SettingsDraft;
  /** What is running: a backup being made, the settings saved, the folder dialog open, or the path being checked. */
  busy: 'create' | 'settings' | 'choose' | string | null;
  error: string | null;
  message: string | null;
  load(): Promise<void>;
  setDraft(change: Partial<SettingsDraft>): void;
  chooseFolder(): Promise<void>;
  saveSettings(): Promise<void>;
  create(): Promise<void>;
  verify(path: string): Promise<void>;
  scanIgnored(): void;
  reset(): void;
}

const EMPTY_DRAFT: SettingsDraft = { folder: '', keep: '', checkDays: '' };
const INITIAL = { list: null, draft: EMPTY_DRAFT, busy: null, error: null, message: null };

const draftOf = (l: BackupList): SettingsDraft => ({
  folder: l.folder ?? '',
  keep: String(l.keep),
  checkDays: String(l.reminder.checkDays),
});

/** A number as typed, full-width digits (an IME's １４) read as the lead meant them; anything else goes to main as not a number. */
function wholeNumber(text: string): number {
  const t = text.normalize('NFKC').trim();
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

/** Whether what is typed differs from what is saved (a backup made now would still go to the saved folder). */
export function unsavedBackupSettings(s: Pick<BackupState, 'list' | 'draft'>): { folder: boolean; any: boolean } {
  if (s.list === null) return { folder: false, any: false };
  const saved = draftOf(s.list);
  const folder = s.draft.folder.trim() !== saved.folder;
  return { folder, any: folder || s.draft.keep.trim() !== saved.keep || s.draft.checkDays.trim() !== saved.checkDays };
}

export const useBackupStore = create<BackupState>((set, get) => ({
  ...INITIAL,
  async load() {
    const r = await invoke('backup:list', {});
    if (!r.ok) return set({ error: r.error.message });
    // The form shows what is set until the lead starts changing it; a reload (after a backup) keeps their typing.
    const untouched = get().list === null || JSON.stringify(get().draft) === JSON.stringify(draftOf(get().list!));
    set({ list: r.value, ...(untouched ? { draft: draftOf(r.value) } : {}) });
    // The strip's reminder goes with what the page found (main asked the medium afresh for it).
    await useSessionStore.getState().refreshStatus();
  },
  setDraft: (change) => set({ draft: { ...get().draft, ...change } }),
  async chooseFolder() {
    set({ busy: 'choose', error: null, message: null });
    const r = await invoke('backup:choose-folder', {});
    if (!r.ok) set({ busy: null, error: r.error.message });
    else if (r.value.folder === null) set({ busy: null });
    else set({ busy: null, draft: { ...get().draft, folder: r.value.folder } });
  },
  async saveSettings() {
    const d = get().draft;
    set({ busy: 'settings', error: null, message: null });
    const r = await invoke('backup:set-folder', { folder: d.folder, keep: wholeNumber(d.keep), checkDays: wholeNumber(d.checkDays) });
    if (!r.ok) return set({ busy: null, error: r.error.message });
    set({
      busy: null,
      draft: { folder: r.value.folder, keep: String(r.value.keep), checkDays: String(r.value.checkDays) },
      message: `バックアップ先を保存しました（${r.value.folder}、新しい${r.value.keep}件を残す、${r.value.checkDays}日ごとに確認）`,
    });
    await get().load();
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
    await get().load();
  },
  async verify(path) {
    set({ busy: path, error: null, message: null });
    const r = await invoke('backup:verify', { path });
    if (!r.ok) set({ busy: null, error: r.error.message });
    else if (!r.value.ok) set({ busy: null, error: r.value.problem });
    else set({ busy: null, message: '確認しました: 正常です（復元に使えます）', error: r.value.recordsProblem });
    await get().load();
  },
  scanIgnored: () => set({ message: null, error: 'バックアップの画面ではスキャンは使いません。窓口に戻ってから読み取ってください' }),
  reset: () => set(INITIAL),
}));
