// 返戻 (returns to HQ): the outstanding cards past their collection deadline; the lead pulls each from the
// shelf and scans it into the batch (or ticks it), records the batch with a reason, and prints the list
// that travels with the cards. Scans go here while the returns page is open.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { UNCOLLECTED_LABEL } from '../../shared/glossary';
import { invoke } from './call';
import { useSessionStore } from './session-store';

type OverdueCard = ChannelOutput<'returns:overdue'>[number];
type ReturnBatch = ChannelOutput<'returns:batches'>[number];

const DEFAULT_RETURN_REASON = `受取期限切れ（${UNCOLLECTED_LABEL}）`;

interface ReturnsState {
  overdue: OverdueCard[] | null;
  batches: ReturnBatch[];
  /** Reservation numbers in the batch being made, in the order they were added. */
  selected: string[];
  reason: string;
  busy: boolean;
  error: string | null;
  /** The last scan's verdict, with a sequence number so the same verdict twice still sounds twice. */
  lastScan: { seq: number; tone: 'ok' | 'error'; text: string } | null;
  recorded: ChannelOutput<'returns:record'> | null;
  load(): Promise<void>;
  scan(text: string): void;
  toggle(reservationNo: string): void;
  selectAll(): void;
  setReason(text: string): void;
  record(): Promise<void>;
  reset(): void;
}

const EMPTY = {
  overdue: null,
  batches: [],
  selected: [],
  reason: DEFAULT_RETURN_REASON,
  busy: false,
  error: null,
  lastScan: null,
  recorded: null,
};

export const useReturnsStore = create<ReturnsState>((set, get) => ({
  ...EMPTY,
  async load() {
    set({ busy: true, error: null });
    const [o, b] = await Promise.all([invoke('returns:overdue', {}), invoke('returns:batches', {})]);
    set({
      busy: false,
      overdue: o.ok ? o.value : null,
      batches: b.ok ? b.value : [],
      error: !o.ok ? o.error.message : !b.ok ? b.error.message : null,
    });
  },
  scan(text) {
    const seq = (get().lastScan?.seq ?? 0) + 1;
    const parsed = normalizeReservationNumber(text);
    if (!parsed.ok) return set({ lastScan: { seq, tone: 'error', text: '予約管理番号として読み取れません' } });
    const no = parsed.value;
    if (get().selected.includes(no)) return set({ lastScan: { seq, tone: 'error', text: `${no}：この返戻に追加済みです` } });
    const card = get().overdue?.find((c) => c.reservationNo === no);
    if (!card)
      return set({ lastScan: { seq, tone: 'error', text: `${no}：返戻の対象ではありません（受取期限前、または交付待ちではないカード）` } });
    set({
      selected: [...get().selected, no],
      recorded: null,
      lastScan: { seq, tone: 'ok', text: `${no}：${card.name} を返戻に追加しました` },
    });
  },
  toggle(no) {
    const selected = get().selected;
    set({ selected: selected.includes(no) ? selected.filter((s) => s !== no) : [...selected, no], recorded: null });
  },
  selectAll: () => set({ selected: (get().overdue ?? []).map((c) => c.reservationNo), recorded: null }),
  setReason: (text) => set({ reason: text }),
  async record() {
    const { selected, reason } = get();
    if (selected.length === 0) return set({ error: '返戻するカードを読み取るか選んでください' });
    if (reason.trim() === '') return set({ error: '理由を入力してください' });
    set({ busy: true, error: null });
    const r = await invoke('returns:record', { reservationNos: selected, reason: reason.trim() });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    set({ ...EMPTY, recorded: r.value });
    await Promise.all([get().load(), useSessionStore.getState().refreshStatus()]);
  },
  reset: () => set(EMPTY),
}));
