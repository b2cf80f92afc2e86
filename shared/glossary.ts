// The glossary: the one word for each figure, card state and receipt-check term, used by the screens, the
// printouts, the CLI and HQ alike, so a word means the same thing on screen, on paper and in a terminal.
// Start here to learn the words. Two pairs are easy to mix up:
//   未着   a CARD that the venue has not recorded as received (it did not arrive, or was not unpacked yet);
//   未受領 a RESIDENT who has not come to collect their card by the deadline (HQ's 未受領者一覧).
//   不足   a card on the ledger that a receipt check did not scan;
//   余剰   a card a receipt check scanned that this shipment did not send (another shipment or venue, unknown).
import type { BreakReason, Counts } from './reconciliation/types';
import { num } from './numbers';

export type FigureKey = keyof Counts | 'holds';

/** The reconciliation's figures, per shipment, per venue, per ward; each counts cards unless it says otherwise. */
export const FIGURE_LABELS: Readonly<Record<FigureKey, string>> = {
  /** Sent to the venue: the rows of HQ's shipment ledgers (各会場送付台帳). */
  shipped: '送付',
  /** Recorded as in the venue's hands: scanned at a receipt check, in a box confirmed whole, or a lead's correction. */
  received: '受領',
  /** Sent but not recorded as received. A card's word; never 未受領. */
  notReceived: '未着',
  /** Handed over to its resident (a handover undone by a lead is not counted). */
  handedOver: '交付',
  /**
   * Received, neither handed over nor returned: on the venue's shelf. Includes cards recorded as 破損 that have
   * not gone back to HQ yet (the counter refuses those), so that 受領 = 交付 + 交付待ち + 返戻.
   */
  outstanding: '交付待ち',
  /** Sent back to HQ in a return batch (past the collection deadline, or damaged). */
  returned: '返戻',
  /** Counter visits that ended without a handover (e.g. ID not sufficient): attempts, not cards. */
  refusals: '交付不可（試行）',
  /** Recorded as damaged, whatever became of the card since. */
  damaged: '破損',
  /** Whether both invariants hold (成立) or not (不成立). */
  holds: '整合',
};

/** The order figures are listed in: the flow of a card (sent, received, handed over or not), then the rest. */
export const FIGURE_ORDER: readonly FigureKey[] = [
  'shipped',
  'received',
  'notReceived',
  'handedOver',
  'outstanding',
  'returned',
  'refusals',
  'damaged',
  'holds',
];

type CountKey = keyof Counts;

/** The two invariants every shipment keeps: 送付 = 受領 + 未着 and 受領 = 交付 + 交付待ち + 返戻. */
export const INVARIANTS: readonly { readonly left: CountKey; readonly right: readonly CountKey[] }[] = [
  { left: 'shipped', right: ['received', 'notReceived'] },
  { left: 'received', right: ['handedOver', 'outstanding', 'returned'] },
];

/** An invariant in words ('送付 = 受領 + 未着'), or with the numbers beside each word when counts are given. */
export function invariantText(
  invariant: (typeof INVARIANTS)[number],
  counts?: Readonly<Record<CountKey, number>>,
  signs = { eq: '=', plus: '+' },
): string {
  const term = (k: CountKey) => (counts === undefined ? FIGURE_LABELS[k] : `${FIGURE_LABELS[k]} ${num(counts[k])}`);
  return `${term(invariant.left)} ${signs.eq} ${invariant.right.map(term).join(` ${signs.plus} `)}`;
}

/** Why a card breaks an invariant, as the reports list it. */
export const BREAK_REASON_LABELS: Readonly<Record<BreakReason, string>> = {
  'handed-over-not-received': '未着のまま交付',
  'returned-not-received': '未着のまま返戻',
  'handed-over-and-returned': '交付と返戻の両方',
  'not-in-ledger': '台帳にない番号',
};

/** A card's state, as the counter's search, the corrections page and the status lines name it. */
export const CARD_STATE_LABELS = {
  outstanding: '交付待ち',
  'handed-over': '交付済み',
  'not-received': '未着',
  returned: '返戻済み',
  damaged: '破損',
} as const;

/** A resident who has not collected their card by the deadline: HQ's list for the re-issue notices. */
export const UNCOLLECTED_LABEL = '未受領';

/** A receipt check's counts (受領確認): the ledger against what was scanned out of the box. */
export const RECEIPT_CHECK_LABELS = {
  shipped: '送付',
  scanned: '読取',
  missing: '不足',
  unexpected: '余剰',
} as const;

/** A shipment's state at the venue: its box has been through a receipt check (or confirmed whole), or not yet. */
export const SHIPMENT_RECEIPT_LABELS = {
  checked: '受領確認済み',
  unchecked: '受領確認前',
} as const;

/** Why a scanned card is 余剰. */
export const UNEXPECTED_KIND_LABELS: Readonly<Record<'other-shipment' | 'other-venue' | 'not-in-ledger' | 'malformed', string>> = {
  'other-shipment': '別の出荷のカード',
  'other-venue': '別の会場のカード',
  'not-in-ledger': '台帳にない番号',
  malformed: '読み取れない番号',
};

/** The reason a lead gives for each 不足 or 余剰 when closing a receipt check (kept in the event log as is). */
export const DIFFERENCE_REASONS = ['未着', '破損', '誤配送', 'その他'] as const;
export type DifferenceReason = (typeof DIFFERENCE_REASONS)[number];

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

export function unexpectedKindLabel(kind: string): string {
  return known(UNEXPECTED_KIND_LABELS, kind) ? UNEXPECTED_KIND_LABELS[kind] : kind;
}

/** A figure's value as people read it: counts as numbers, the 整合 flag as 成立/不成立. */
export function figureValueText(value: number | boolean | undefined): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '成立' : '不成立';
  return num(value);
}
