// What an event does to one card: the only code that says so. A card's history is folded from its own events
// (and its box's confirmation) into its row of a CardTable; the counter's card state (main/counter/card-state.ts) and
// the reconciliation fold (fold.ts: the venue's screens, day close, the sync claim and HQ's consolidation)
// both build theirs with applyCardEvent and read them with the predicates below, so they cannot disagree.
// A new event kind about a card is added here, once, and every reader sees it.
import type { EventKind, EventPayload } from '../events/event';

/** The card has a receipt word of its own: scanned at a receipt check, or corrected by a lead. */
const OWN_RECEIPT = 1;
/** …and that word is "received". */
const OWN_RECEIPT_YES = 2;
const DAMAGED = 4;
const RETURNED = 8;

/** The slice of an event the card fold reads. */
export interface CardEvent {
  readonly id: string;
  readonly kind: string;
  readonly clientTime: string;
  readonly payload: unknown;
}

/**
 * What a reader does beside the cards' own histories: note a handover (its answer, a number, is what the table
 * keeps for the handover: the counter's index into the handovers it read, reconciliation's day and half hour),
 * take an undone one back off, and count a refusal.
 */
export interface HandoverKeeper<E extends CardEvent = CardEvent> {
  recorded(e: E): number;
  undone(note: number): void;
  refused(e: E): void;
}

/** A standing handover: the event that recorded it and the keeper's note of it. */
export interface StandingHandover {
  readonly id: string;
  readonly note: number;
}

/**
 * The histories of a set of cards, card i at index i, folded from their own events (and their boxes'
 * confirmation). Kept as columns, not an object per card: reconciliation keeps tens of thousands, and a
 * column of small numbers costs one allocation for all of them (the cold reconciliation's bench).
 */
export class CardTable {
  /** Receipt, damage and return, as bits. */
  readonly flags: Uint8Array;
  readonly refusals: Uint32Array;
  /**
   * The first standing handover's event id and note ('' when none); any more (two stations that could not see
   * each other both handed the card over: rare) in `more`, oldest first. The card is handed over while any stands.
   */
  readonly handoverId: string[];
  readonly handoverNote: Float64Array;
  readonly more = new Map<number, StandingHandover[]>();
  /** When a card was returned, and first recorded damaged: for the screen only; whether it is, the flags say. */
  readonly returnedAt = new Map<number, string>();
  readonly damagedAt = new Map<number, string>();

  constructor(readonly size: number) {
    this.flags = new Uint8Array(size);
    this.refusals = new Uint32Array(size);
    this.handoverId = new Array<string>(size).fill('');
    this.handoverNote = new Float64Array(size);
  }
}

/**
 * The payload fields the fold reads, per kind (the rest it reads from who, when and which card). Readers that
 * load events for it (the venue's log in SQL, HQ's merged log) load these and no more; typed against the
 * payload schemas, so renaming a field there breaks the type check here.
 */
export const PAYLOAD_FIELDS_READ = {
  'receipt.confirmed': 'shipmentId',
  'receipt.corrected': 'received',
  'handover.undone': 'handoverEventId',
} as const satisfies { readonly [K in EventKind]?: keyof EventPayload<K> };

type FieldRead = keyof typeof PAYLOAD_FIELDS_READ;

function field<K extends FieldRead>(e: { readonly payload: unknown }, _kind: K): unknown {
  const payload = e.payload;
  return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)[PAYLOAD_FIELDS_READ[_kind]] : undefined;
}

/** Whether an event of this kind is about one card (so one naming a card the ledger lacks breaks reconciliation). */
export function isCardEventKind(kind: string): boolean {
  return kind.startsWith('handover.') || kind.startsWith('card.') || kind.startsWith('receipt.');
}

/** The shipment whose box this event confirms as received whole, or null: the one event about many cards. */
export function confirmedShipment(e: { readonly kind: string; readonly payload: unknown }): string | null {
  return e.kind === 'receipt.confirmed' ? String(field(e, 'receipt.confirmed')) : null;
}

/** Applies one of card i's own events (given in log order); events of other kinds leave it as it was. */
export function applyCardEvent<E extends CardEvent>(t: CardTable, i: number, e: E, keeper: HandoverKeeper<E>): void {
  switch (e.kind) {
    case 'handover.recorded': {
      const note = keeper.recorded(e);
      if (t.handoverId[i] === '') {
        t.handoverId[i] = e.id;
        t.handoverNote[i] = note;
      } else {
        const more = t.more.get(i);
        if (more) more.push({ id: e.id, note });
        else t.more.set(i, [{ id: e.id, note }]);
      }
      return;
    }
    case 'handover.undone': {
      const cancels = field(e, 'handover.undone');
      const more = t.more.get(i);
      if (t.handoverId[i] !== '' && t.handoverId[i] === cancels) {
        keeper.undone(t.handoverNote[i]!);
        const next = more?.shift();
        t.handoverId[i] = next?.id ?? '';
        t.handoverNote[i] = next?.note ?? 0;
      } else if (more) {
        const k = more.findIndex((h) => h.id === cancels);
        if (k >= 0) keeper.undone(more.splice(k, 1)[0]!.note);
      }
      if (more?.length === 0) t.more.delete(i);
      return;
    }
    case 'handover.refused':
      t.refusals[i]!++;
      keeper.refused(e);
      return;
    case 'receipt.card-received':
      t.flags[i]! |= OWN_RECEIPT | OWN_RECEIPT_YES;
      return;
    case 'receipt.corrected':
      t.flags[i] =
        field(e, 'receipt.corrected') === true
          ? t.flags[i]! | OWN_RECEIPT | OWN_RECEIPT_YES
          : (t.flags[i]! | OWN_RECEIPT) & ~OWN_RECEIPT_YES;
      return;
    // About a receipt check, not a card: a card scanned as 余剰 in another shipment's check (and taken back out
    // of it) is received or not by its own shipment's check or box alone. These carry no subject, so no reader
    // brings them here; said anyway, so that no one gives them one thinking the card changed.
    case 'receipt.unexpected':
    case 'receipt.unexpected-removed':
      return;
    case 'card.damaged':
      t.flags[i]! |= DAMAGED;
      if (!t.damagedAt.has(i)) t.damagedAt.set(i, e.clientTime);
      return;
    case 'card.damage-withdrawn':
      t.flags[i]! &= ~DAMAGED;
      t.damagedAt.delete(i);
      return;
    case 'card.returned':
      t.flags[i]! |= RETURNED;
      t.returnedAt.set(i, e.clientTime);
      return;
  }
}

export const isHandedOver = (t: CardTable, i: number): boolean => t.handoverId[i] !== '';

/** Card i's standing handovers, oldest first; the last is the one the counter shows (and an undo names). */
export function standingHandovers(t: CardTable, i: number): StandingHandover[] {
  if (t.handoverId[i] === '') return [];
  const first = { id: t.handoverId[i]!, note: t.handoverNote[i]! };
  const more = t.more.get(i);
  return more === undefined ? [first] : [first, ...more];
}
export const isReturned = (t: CardTable, i: number): boolean => (t.flags[i]! & RETURNED) !== 0;
export const isDamaged = (t: CardTable, i: number): boolean => (t.flags[i]! & DAMAGED) !== 0;

/**
 * Whether card i is at the venue. Its own latest receipt word wins, before or after its box was confirmed:
 * a lead who recorded that this card did not arrive means this card, whatever the box count said.
 * Without one, the card was received when its shipment's box was confirmed whole.
 */
export function isReceived(t: CardTable, i: number, shipmentConfirmed: boolean): boolean {
  const flags = t.flags[i]!;
  return (flags & OWN_RECEIPT) !== 0 ? (flags & OWN_RECEIPT_YES) !== 0 : shipmentConfirmed;
}

/**
 * Why a card that is not received is not: a lead recorded that this card did not arrive (its own word, at a
 * receipt check or a correction), or its shipment's box has not been confirmed yet. The counter says which
 * (and, knowing the checks, also calls a card left 不足 by a closed receipt check missing: card-state.ts).
 */
export function notReceivedBecause(t: CardTable, i: number): 'card-missing' | 'shipment-unconfirmed' {
  return (t.flags[i]! & OWN_RECEIPT) !== 0 ? 'card-missing' : 'shipment-unconfirmed';
}

/** The one word for where a card stands, in the order the counter tells it (the first that applies). */
export type CardKind = 'handed-over' | 'returned' | 'not-received' | 'damaged' | 'outstanding';

export function cardKind(t: CardTable, i: number, shipmentConfirmed: boolean): CardKind {
  if (isHandedOver(t, i)) return 'handed-over';
  if (isReturned(t, i)) return 'returned';
  if (!isReceived(t, i, shipmentConfirmed)) return 'not-received';
  // On the shelf but not to be handed over (and, like any card on the shelf, it can go back to HQ).
  if (isDamaged(t, i)) return 'damaged';
  return 'outstanding';
}

/** Whether card i counts as outstanding (交付待ち) in reconciliation: received, not handed over, not returned. */
export function isOutstanding(t: CardTable, i: number, shipmentConfirmed: boolean): boolean {
  return isReceived(t, i, shipmentConfirmed) && !isHandedOver(t, i) && !isReturned(t, i);
}
