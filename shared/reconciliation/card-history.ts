// What an event does to one card: the only code that says so. A card's history is folded from its own events
// (and its box's confirmation) into a CardHistory; the counter's card state (main/counter/card-state.ts) and
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

/** A standing handover, as the reader keeps it (the counter: who and when; reconciliation: which day and slot). */
export interface Handover {
  readonly id: string;
}

export interface CardHistory<H extends Handover = Handover> {
  /** Receipt, damage and return, as bits: the fold keeps tens of thousands of these. */
  flags: number;
  refusals: number;
  /**
   * The standing handovers, oldest first (read them with standingHandovers): two stations that could not see
   * each other may both have handed the card over, and an undo cancels only the one it names. The card is
   * handed over while any stands. One in `handover`, any more in `more` (rare): the fold keeps tens of
   * thousands of these, and an array per card would cost an allocation each.
   */
  handover: H | null;
  more: H[] | null;
  /** When it was returned, and first recorded damaged: for the screen only; whether it is, the flags say. */
  returnedAt: string;
  damagedAt: string;
}

/** What a reader does beside the card's own history: make its record of a handover, and count what happened. */
export interface HandoverKeeper<H extends Handover, E extends CardEvent = CardEvent> {
  recorded(e: E): H;
  undone(h: H): void;
  refused(e: E): void;
}

export function newCardHistory<H extends Handover>(): CardHistory<H> {
  return { flags: 0, refusals: 0, handover: null, more: null, returnedAt: '', damagedAt: '' };
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

/** Applies one of the card's own events (given in log order); events of other kinds leave it as it was. */
export function applyCardEvent<H extends Handover, E extends CardEvent>(card: CardHistory<H>, e: E, keeper: HandoverKeeper<H, E>): void {
  switch (e.kind) {
    case 'handover.recorded': {
      const h = keeper.recorded(e);
      if (card.handover === null) card.handover = h;
      else (card.more ??= []).push(h);
      return;
    }
    case 'handover.undone': {
      const cancels = field(e, 'handover.undone');
      if (card.handover !== null && card.handover.id === cancels) {
        keeper.undone(card.handover);
        card.handover = card.more?.shift() ?? null;
        if (card.more?.length === 0) card.more = null;
      } else if (card.more) {
        const k = card.more.findIndex((h) => h.id === cancels);
        if (k >= 0) keeper.undone(card.more.splice(k, 1)[0]!);
        if (card.more.length === 0) card.more = null;
      }
      return;
    }
    case 'handover.refused':
      card.refusals++;
      keeper.refused(e);
      return;
    case 'receipt.card-received':
      card.flags |= OWN_RECEIPT | OWN_RECEIPT_YES;
      return;
    case 'receipt.corrected':
      card.flags =
        field(e, 'receipt.corrected') === true ? card.flags | OWN_RECEIPT | OWN_RECEIPT_YES : (card.flags | OWN_RECEIPT) & ~OWN_RECEIPT_YES;
      return;
    // About a receipt check, not a card: a card scanned as 余剰 in another shipment's check (and taken back out
    // of it) is received or not by its own shipment's check or box alone. These carry no subject, so no reader
    // brings them here; said anyway, so that no one gives them one thinking the card changed.
    case 'receipt.unexpected':
    case 'receipt.unexpected-removed':
      return;
    case 'card.damaged':
      card.flags |= DAMAGED;
      card.damagedAt ||= e.clientTime;
      return;
    case 'card.damage-withdrawn':
      card.flags &= ~DAMAGED;
      card.damagedAt = '';
      return;
    case 'card.returned':
      card.flags |= RETURNED;
      card.returnedAt = e.clientTime;
      return;
  }
}

export const isHandedOver = (card: CardHistory | undefined): boolean => card !== undefined && card.handover !== null;

/** Every standing handover of the card, oldest first; the last is the one the counter shows (and an undo names). */
export function standingHandovers<H extends Handover>(card: CardHistory<H> | undefined): H[] {
  if (card === undefined || card.handover === null) return [];
  return card.more === null ? [card.handover] : [card.handover, ...card.more];
}
export const isReturned = (card: CardHistory | undefined): boolean => card !== undefined && (card.flags & RETURNED) !== 0;
export const isDamaged = (card: CardHistory | undefined): boolean => card !== undefined && (card.flags & DAMAGED) !== 0;

/**
 * Whether the card is at the venue. Its own latest receipt word wins, before or after its box was confirmed:
 * a lead who recorded that this card did not arrive means this card, whatever the box count said.
 * Without one, the card was received when its shipment's box was confirmed whole.
 */
export function isReceived(card: CardHistory | undefined, shipmentConfirmed: boolean): boolean {
  const flags = card?.flags ?? 0;
  return (flags & OWN_RECEIPT) !== 0 ? (flags & OWN_RECEIPT_YES) !== 0 : shipmentConfirmed;
}

/**
 * Why a card that is not received is not: a lead recorded that this card did not arrive (its own word, at a
 * receipt check or a correction), or its shipment's box has not been confirmed yet. The counter says which.
 */
export function notReceivedBecause(card: CardHistory | undefined): 'card-missing' | 'shipment-unconfirmed' {
  return ((card?.flags ?? 0) & OWN_RECEIPT) !== 0 ? 'card-missing' : 'shipment-unconfirmed';
}

/** The one word for where a card stands, in the order the counter tells it (the first that applies). */
export type CardKind = 'handed-over' | 'returned' | 'not-received' | 'damaged' | 'outstanding';

export function cardKind(card: CardHistory | undefined, shipmentConfirmed: boolean): CardKind {
  if (isHandedOver(card)) return 'handed-over';
  if (isReturned(card)) return 'returned';
  if (!isReceived(card, shipmentConfirmed)) return 'not-received';
  // On the shelf but not to be handed over (and, like any card on the shelf, it can go back to HQ).
  if (isDamaged(card)) return 'damaged';
  return 'outstanding';
}

/** Whether the card counts as outstanding (交付待ち) in reconciliation: received, not handed over, not returned. */
export function isOutstanding(card: CardHistory | undefined, shipmentConfirmed: boolean): boolean {
  return isReceived(card, shipmentConfirmed) && !isHandedOver(card) && !isReturned(card);
}
