// The receipt check (受領確認) screen's state: which check is open, its live view, the last scan's result, the
// reasons typed for each difference, and the differences ticked for one reason at once (61 cards 未着 is one
// choice, not 61). While a check is open, every scan goes here, not to the counter.
import { create } from 'zustand';
import type { ChannelOutput } from '../../shared/ipc/contract';
import type { DifferenceReason } from '../../shared/glossary';
import { invoke } from './call';
import { useSessionStore } from './session-store';

type ReceiptView = ChannelOutput<'receipt:view'>;
export type ReceiptScan = ChannelOutput<'receipt:scan'>;
type DifferenceKind = 'missing' | 'unexpected';

interface ReceiptState {
  /**
   * The shipment whose check the lead chose: the screen is up and scans come here from that moment, before the
   * check is open (a box's first card scanned at once must not look a resident up at the counter).
   */
  opening: string | null;
  /** Scans that came while the check was being opened, in order: applied once it is. */
  early: string[];
  active: { checkId: string; shipmentId: string } | null;
  view: ReceiptView | null;
  last: ReceiptScan | null;
  reasons: Record<string, { reason: DifferenceReason | null; memo: string }>;
  /** Differences ticked for the reason picked below (bulkReason), by differenceKey. */
  selected: Record<string, true>;
  bulkReason: DifferenceReason;
  /** What the last bulk apply or removal did, said where the last scan is said (and replaced by the next scan). */
  applied: string | null;
  busy: boolean;
  /** A scan or a removal that failed: said at the top, beside the last scan. */
  error: string | null;
  /** Closing refused: said beside the close button, with the focus on the first difference still lacking a reason. */
  closeError: { message: string; focus: string | null; seq: number } | null;
  open(shipmentId: string): Promise<void>;
  scan(text: string): Promise<void>;
  setReason(key: string, patch: { reason?: DifferenceReason | null; memo?: string }): void;
  toggle(key: string): void;
  selectOnly(keys: readonly string[], on: boolean): void;
  setBulkReason(reason: DifferenceReason): void;
  applyBulk(): void;
  removeUnexpected(code: string): Promise<void>;
  close(): Promise<void>;
  exit(): void;
}

const differenceKey = (kind: DifferenceKind, code: string) => `${kind}:${code}`;

/** The open differences in the order the screen lists them: what does not belong first, then what is missing. */
export function differencesOf(view: ReceiptView): { kind: DifferenceKind; code: string; key: string; unexpectedKind: string | null }[] {
  return [
    ...view.unexpected.map((u) => ({
      kind: 'unexpected' as const,
      code: u.code,
      key: differenceKey('unexpected', u.code),
      unexpectedKind: u.kind,
    })),
    ...view.missing.map((code) => ({ kind: 'missing' as const, code, key: differenceKey('missing', code), unexpectedKind: null })),
  ];
}

const EMPTY = {
  opening: null,
  early: [] as string[],
  active: null,
  view: null,
  last: null,
  reasons: {},
  selected: {},
  bulkReason: '未着' as const,
  applied: null,
  busy: false,
  error: null,
  closeError: null,
};

export const useReceiptStore = create<ReceiptState>((set, get) => ({
  ...EMPTY,
  async open(shipmentId) {
    set({ ...EMPTY, busy: true, opening: shipmentId });
    const r = await invoke('receipt:open', { shipmentId });
    if (!r.ok) {
      // The screen stays up with the error and its way back; what was scanned meanwhile is said, not kept.
      const early = get().early.length;
      const dropped = early > 0 ? `（その間に読み取った${early}件は記録していません）` : '';
      return set({ busy: false, early: [], error: `受領確認を開けませんでした：${r.error.message}${dropped}` });
    }
    const active = { checkId: r.value.checkId, shipmentId };
    const v = await invoke('receipt:view', active);
    set({ active, busy: false, view: v.ok ? v.value : null, error: v.ok ? null : v.error.message });
    const early = get().early;
    set({ early: [] });
    for (const code of early) await get().scan(code);
  },
  async scan(text) {
    const active = get().active;
    if (!active) {
      if (get().opening !== null) set({ early: [...get().early, text] });
      return;
    }
    if (get().view?.closed) return;
    const r = await invoke('receipt:scan', { ...active, code: text });
    if (!r.ok) return set({ error: r.error.message });
    // A misread recorded nothing: the view is as it was.
    const v = r.value.kind === 'malformed' ? null : await invoke('receipt:view', active);
    set({ last: r.value, view: v?.ok ? v.value : get().view, error: null, applied: null });
  },
  setReason(key, patch) {
    const current = get().reasons[key] ?? { reason: null, memo: '' };
    set({ reasons: { ...get().reasons, [key]: { ...current, ...patch } }, closeError: null });
  },
  toggle(key) {
    const { [key]: was, ...rest } = get().selected;
    set({ selected: was ? rest : { ...rest, [key]: true }, applied: null });
  },
  selectOnly(keys, on) {
    const selected = { ...get().selected };
    for (const k of keys) {
      if (on) selected[k] = true;
      else delete selected[k];
    }
    set({ selected, applied: null });
  },
  setBulkReason: (bulkReason) => set({ bulkReason, applied: null }),
  applyBulk() {
    const { selected, bulkReason, reasons, view } = get();
    // Only what is still a difference: a ticked 余剰 removed since is not given a reason.
    const open = new Set(view ? differencesOf(view).map((d) => d.key) : []);
    const keys = Object.keys(selected).filter((k) => open.has(k));
    if (keys.length === 0) return set({ applied: '理由を設定する差異を選んでください（Space で選択）' });
    const next = { ...reasons };
    for (const k of keys) next[k] = { memo: '', ...next[k], reason: bulkReason };
    set({ reasons: next, selected: {}, applied: `${keys.length}件の理由を「${bulkReason}」にしました`, closeError: null });
  },
  async removeUnexpected(code) {
    const active = get().active;
    if (!active) return;
    set({ busy: true });
    const r = await invoke('receipt:remove-unexpected', { ...active, code });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    const { [differenceKey('unexpected', code)]: _dropped, ...selected } = get().selected;
    set({ busy: false, view: r.value, selected, error: null, last: null, applied: `${code} を余剰から取り消しました` });
  },
  async close() {
    const { active, view, reasons } = get();
    if (!active || !view) return;
    const all = differencesOf(view);
    const lacking = all.filter((d) => !reasons[d.key]?.reason);
    if (lacking.length > 0) {
      // Said before asking main (which checks the same): where the lead is, with the first one to fix.
      const message = `理由が未入力の差異が ${lacking.length} 件（${lacking[0]!.code} から）`;
      return set({ closeError: { message, focus: lacking[0]!.key, seq: (get().closeError?.seq ?? 0) + 1 }, error: null });
    }
    const differences = all.map((d) => {
      const r = reasons[d.key]!;
      return { code: d.code, kind: d.kind, reason: r.reason!, memo: r.memo.trim() };
    });
    set({ busy: true });
    const r = await invoke('receipt:close', { ...active, differences });
    if (!r.ok) return set({ busy: false, closeError: { message: r.error.message, focus: null, seq: (get().closeError?.seq ?? 0) + 1 } });
    set({ busy: false, view: r.value, error: null, closeError: null, selected: {} });
    await useSessionStore.getState().refreshStatus();
  },
  exit: () => set(EMPTY),
}));
