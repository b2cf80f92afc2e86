// 職員の管理 (venue lead): the venue's accounts, enrolling one, stopping one, setting a new PIN. Main checks the
// role and records each as an event naming the lead; this holds the page's state.
import { create } from 'zustand';
import type { StaffView } from '../../shared/ipc/contract/staff';
import { invoke } from './call';

type StaffRole = 'clerk' | 'lead';

interface Draft {
  staffId: string;
  displayName: string;
  role: StaffRole;
  pin: string;
}

const EMPTY_DRAFT: Draft = { staffId: '', displayName: '', role: 'clerk', pin: '' };

interface StaffState {
  staff: StaffView[] | null;
  draft: Draft;
  /** The row asking for a new PIN, or the stop to confirm. */
  editing: { staffId: string; action: 'pin' | 'disable' } | null;
  newPin: string;
  busy: boolean;
  error: string | null;
  message: string | null;
  load(): Promise<void>;
  setDraft(patch: Partial<Draft>): void;
  add(): Promise<void>;
  edit(staffId: string | null, action?: 'pin' | 'disable'): void;
  setNewPin(pin: string): void;
  resetPin(): Promise<void>;
  disable(): Promise<void>;
  scanIgnored(): void;
  reset(): void;
}

const INITIAL = { staff: null, draft: EMPTY_DRAFT, editing: null, newPin: '', busy: false, error: null, message: null };

export const useStaffStore = create<StaffState>((set, get) => ({
  ...INITIAL,
  async load() {
    const r = await invoke('staff:list', {});
    set(r.ok ? { staff: r.value } : { error: r.error.message });
  },
  setDraft: (patch) => set({ draft: { ...get().draft, ...patch } }),
  async add() {
    set({ busy: true, error: null, message: null });
    const r = await invoke('staff:add', get().draft);
    if (!r.ok) return set({ busy: false, error: r.error.message, draft: { ...get().draft, pin: '' } });
    set({ busy: false, draft: EMPTY_DRAFT, message: `${r.value.displayName}（${r.value.staffId}）を登録しました` });
    await get().load();
  },
  edit: (staffId, action = 'pin') => set({ editing: staffId ? { staffId, action } : null, newPin: '', error: null, message: null }),
  setNewPin: (newPin) => set({ newPin }),
  async resetPin() {
    const editing = get().editing;
    if (!editing) return;
    set({ busy: true, error: null, message: null });
    const r = await invoke('staff:resetPin', { staffId: editing.staffId, pin: get().newPin });
    if (!r.ok) return set({ busy: false, error: r.error.message, newPin: '' });
    set({ busy: false, editing: null, newPin: '', message: `${editing.staffId} のPINを再設定しました（ロックも解除されます）` });
  },
  async disable() {
    const editing = get().editing;
    if (!editing) return;
    set({ busy: true, error: null, message: null });
    const r = await invoke('staff:disable', { staffId: editing.staffId });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    set({ busy: false, editing: null, message: `${editing.staffId} を停止しました（この職員IDではサインインできません）` });
    await get().load();
  },
  scanIgnored: () => set({ message: null, error: '職員の管理の画面ではスキャンは使いません。窓口に戻ってから読み取ってください' }),
  reset: () => set(INITIAL),
}));
