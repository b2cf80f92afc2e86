// The receipt check (受領確認) screen's state: which check is open, its live view, the last scan's result and
// the reasons typed for each difference. While a check is open, every scan goes here, not to the counter.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from './call';
import { useSessionStore } from './session-store';

type ReceiptView = ChannelOutput<'receipt:view'>;
export type ReceiptScan = ChannelOutput<'receipt:scan'>;
import type { DifferenceReason } from '../../shared/glossary';

interface ReceiptState {
  active: { checkId: string; shipmentId: string } | null;
  view: ReceiptView | null;
  last: ReceiptScan | null;
  reasons: Record<string, { reason: DifferenceReason | null; memo: string }>;
  busy: boolean;
  error: string | null;
  open(shipmentId: string): Promise<void>;
  scan(text: string): Promise<void>;
  setReason(key: string, patch: { reason?: DifferenceReason | null; memo?: string }): void;
  close(): Promise<void>;
  exit(): void;
}

export const differenceKey = (kind: 'missing' | 'unexpected', code: string) => `${kind}:${code}`;

const EMPTY = { active: null, view: null, last: null, reasons: {}, busy: false, error: null };

export const useReceiptStore = create<ReceiptState>((set, get) => ({
  ...EMPTY,
  async open(shipmentId) {
    set({ ...EMPTY, busy: true });
    const r = await invoke('receipt:open', { shipmentId });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    const active = { checkId: r.value.checkId, shipmentId };
    const v = await invoke('receipt:view', active);
    set({ active, busy: false, view: v.ok ? v.value : null, error: v.ok ? null : v.error.message });
  },
  async scan(text) {
    const active = get().active;
    if (!active || get().view?.closed) return;
    const r = await invoke('receipt:scan', { ...active, code: text });
    if (!r.ok) return set({ error: r.error.message });
    const v = await invoke('receipt:view', active);
    set({ last: r.value, view: v.ok ? v.value : get().view, error: null });
  },
  setReason(key, patch) {
    const current = get().reasons[key] ?? { reason: null, memo: '' };
    set({ reasons: { ...get().reasons, [key]: { ...current, ...patch } } });
  },
  async close() {
    const { active, view, reasons } = get();
    if (!active || !view) return;
    const differences = [
      ...view.missing.map((code) => ({ code, kind: 'missing' as const })),
      ...view.unexpected.map((u) => ({ code: u.code, kind: 'unexpected' as const })),
    ].flatMap((d) => {
      const r = reasons[differenceKey(d.kind, d.code)];
      return r?.reason ? [{ ...d, reason: r.reason, memo: r.memo.trim() }] : [];
    });
    set({ busy: true });
    const r = await invoke('receipt:close', { ...active, differences });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    set({ busy: false, view: r.value, error: null });
    await useSessionStore.getState().refreshStatus();
  },
  exit: () => set(EMPTY),
}));
