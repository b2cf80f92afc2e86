// 訂正 (corrections): the lead finds a card by scanning or typing its number, sees its state, and records a
// correction with a mandatory reason — damaged (or withdrawn), receipt mistaken either way, or a handover undone. Each is
// a new event; the original stays. Scans go here while the corrections page is open.
import { create } from 'zustand';
import type { ScanOutcome } from '../../shared/counter/outcomes';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { invoke } from './call';
import { useSessionStore } from './session-store';

export type CorrectionKind = 'damaged' | 'not-damaged' | 'not-received' | 'received' | 'undo';

export const CORRECTION_LABELS: Record<CorrectionKind, string> = {
  damaged: '破損として記録する',
  'not-damaged': '破損の記録を取り消す（破損ではなかった）',
  'not-received': '受領の取消（届いていなかった）',
  received: '受領の記録（届いていた）',
  undo: '交付の取消',
};

/** What the page says once a correction is recorded (the option's label is an instruction, not a result). */
const CORRECTION_DONE: Record<CorrectionKind, string> = {
  damaged: '破損として記録しました',
  'not-damaged': '破損の記録を取り消しました（交付できます）',
  'not-received': '受領を取り消しました（届いていなかった）',
  received: '受領を記録しました（届いていた）',
  undo: '交付の取消を記録しました',
};

interface CorrectionsState {
  number: string;
  card: ScanOutcome | null;
  kind: CorrectionKind | null;
  reason: string;
  busy: boolean;
  error: string | null;
  message: string | null;
  setNumber(text: string): void;
  lookUp(text?: string): Promise<void>;
  setKind(kind: CorrectionKind | null): void;
  setReason(text: string): void;
  submit(): Promise<void>;
  reset(): void;
}

const EMPTY = { number: '', card: null, kind: null, reason: '', busy: false, error: null, message: null };

export const useCorrectionsStore = create<CorrectionsState>((set, get) => ({
  ...EMPTY,
  setNumber: (text) => set({ number: text, error: null }),
  async lookUp(text) {
    const parsed = normalizeReservationNumber(text ?? get().number);
    if (!parsed.ok) return set({ error: parsed.reason, card: null });
    set({ number: parsed.value, busy: true, error: null, message: null, kind: null, reason: '' });
    const r = await invoke('counter:view', { reservationNo: parsed.value });
    set({ busy: false, card: r.ok ? r.value : null, error: r.ok ? null : r.error.message });
  },
  setKind: (kind) => set({ kind, error: null }),
  setReason: (text) => set({ reason: text }),
  async submit() {
    const { number, kind, reason } = get();
    if (!kind) return set({ error: '訂正の種類を選んでください' });
    if (reason.trim() === '') return set({ error: '理由を入力してください' });
    const input = { reservationNo: number, reason: reason.trim() };
    set({ busy: true, error: null });
    const r =
      kind === 'damaged'
        ? await invoke('corrections:markDamaged', input)
        : kind === 'not-damaged'
          ? await invoke('corrections:withdrawDamage', input)
          : kind === 'undo'
            ? await invoke('counter:undo', input)
            : await invoke('corrections:correctReceipt', { ...input, received: kind === 'received' });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    // The card again, as it is now (the look-up clears the form), then what was recorded.
    await Promise.all([get().lookUp(number), useSessionStore.getState().refreshStatus()]);
    set({ message: `${number}：${CORRECTION_DONE[kind]}` });
  },
  reset: () => set(EMPTY),
}));
