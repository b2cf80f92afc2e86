// The Japanese names of the reconciliation figures and of the reasons a card breaks them, shared by the
// printouts and the app's screens so a figure is called the same thing on paper and on screen.
import type { BreakReason, Counts } from '../reconciliation/reconcile';

export type FigureKey = keyof Counts | 'holds';

export const FIGURE_LABELS: Readonly<Record<FigureKey, string>> = {
  shipped: '送付',
  received: '受領',
  notReceived: '未着',
  handedOver: '交付',
  outstanding: '交付待ち',
  returned: '返戻',
  refusals: '交付不可（試行）',
  damaged: '破損',
  holds: '整合',
};

/** The order figures are listed in: the flow of a card (sent, received, handed over or not), then the rest. */
export const FIGURE_ORDER: readonly FigureKey[] = ['shipped', 'received', 'notReceived', 'handedOver', 'outstanding', 'returned', 'refusals', 'damaged', 'holds'];

export const BREAK_REASON_LABELS: Readonly<Record<BreakReason, string>> = {
  'handed-over-not-received': '未受領のまま交付',
  'returned-not-received': '未受領のまま返戻',
  'handed-over-and-returned': '交付と返戻の両方',
  'not-in-ledger': '台帳にない番号',
};

function known<K extends string>(table: Readonly<Record<K, string>>, key: string): key is K {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The label of a figure; a key this version does not know (from a newer station's event) is shown as is. */
export function figureLabel(key: string): string {
  return known(FIGURE_LABELS, key) ? FIGURE_LABELS[key] : key;
}

export function breakReasonLabel(reason: string): string {
  return known(BREAK_REASON_LABELS, reason) ? BREAK_REASON_LABELS[reason] : reason;
}

/** A figure's value as people read it: counts as numbers, the 整合 flag as 成立/不成立. */
export function figureValueText(value: number | boolean | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '成立' : '不成立';
  return value.toLocaleString('ja-JP');
}
