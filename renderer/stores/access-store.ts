// The 個人情報取扱台帳 page (the venue lead's, or HQ's of its own record): the filter (day, staff, resident) and
// what it found. At a venue a scan fills the resident and shows their record of use at once ("who looked at
// this card?").
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { invoke } from './call';
import { parseJapaneseDate } from '../../shared/roster/japanese-date';
import { tokyoToday } from '../format/dates';

type Uses = ChannelOutput<'access:uses'>;

interface AccessState {
  date: string;
  staffId: string;
  reservationNo: string;
  result: Uses | null;
  /** The filter the result is for (printing prints exactly that). */
  shown: ChannelInput<'access:uses'> | null;
  busy: boolean;
  error: string | null;
  set(patch: Partial<Pick<AccessState, 'date' | 'staffId' | 'reservationNo'>>): void;
  load(): Promise<void>;
  scan(text: string): void;
  reset(): void;
}

const empty = () => ({ date: tokyoToday(), staffId: '', reservationNo: '', result: null, shown: null, busy: false, error: null });

export const useAccessStore = create<AccessState>((set, get) => ({
  ...empty(),
  set: (patch) => set({ ...patch, error: null }),
  async load() {
    const { date, staffId, reservationNo } = get();
    let number: string | null = null;
    if (reservationNo.trim() !== '') {
      const parsed = normalizeReservationNumber(reservationNo);
      if (!parsed.ok) return set({ error: '予約管理番号として読み取れません', result: null });
      number = parsed.value;
    }
    // 西暦 or 和暦, as every date field takes it (令和8年12月3日, 2026/12/3), sent as YYYY-MM-DD.
    let day: string | null = null;
    if (date.trim() !== '') {
      const parsed = parseJapaneseDate(date.trim());
      if (!parsed.ok) return set({ error: `日付: ${parsed.reason}`, result: null });
      day = parsed.value;
    }
    const query = {
      date: day,
      staffId: staffId.trim() === '' ? null : staffId.trim(),
      reservationNo: number,
    };
    set({ busy: true, error: null });
    const r = await invoke('access:uses', query);
    set({ busy: false, result: r.ok ? r.value : null, shown: r.ok ? query : null, error: r.ok ? null : r.error.message });
  },
  scan(text) {
    const parsed = normalizeReservationNumber(text);
    if (!parsed.ok) return set({ error: '予約管理番号として読み取れません' });
    // A card's record of use on every day: the day is cleared, the staff kept.
    set({ reservationNo: parsed.value, date: '' });
    void get().load();
  },
  reset: () => set(empty()),
}));
