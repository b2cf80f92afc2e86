// What an event does to one card's receipt, damage and return: the only code that says so. The counter's card
// state (main/counter/card-state.ts) and the reconciliation fold (fold.ts: the venue's screens, day close, the
// sync claim and HQ's consolidation) both read a card through it, so they cannot disagree.
// A card's flags are one small number, so the fold can keep 40,000 of them in a Uint8Array.
// (Handovers and their undos are still kept by each reader; they move here in the next step of the same work.)

/** The card has a receipt word of its own: scanned at a receipt check, or corrected by a lead. */
export const OWN_RECEIPT = 1;
/** …and that word is "received". */
export const OWN_RECEIPT_YES = 2;
export const DAMAGED = 4;
export const RETURNED = 8;

function receivedField(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && (payload as { received?: unknown }).received === true;
}

/** The card's flags after one of its own events (events of other kinds leave them as they are). */
export function applyCardEvent(flags: number, kind: string, payload: unknown): number {
  switch (kind) {
    case 'receipt.card-received':
      return flags | OWN_RECEIPT | OWN_RECEIPT_YES;
    case 'receipt.corrected':
      return receivedField(payload) ? flags | OWN_RECEIPT | OWN_RECEIPT_YES : (flags | OWN_RECEIPT) & ~OWN_RECEIPT_YES;
    case 'card.damaged':
      return flags | DAMAGED;
    case 'card.returned':
      return flags | RETURNED;
    default:
      return flags;
  }
}

/**
 * Whether the card is at the venue. Its own latest receipt word wins, before or after its box was confirmed:
 * a lead who recorded that this card did not arrive means this card, whatever the box count said.
 * Without one, the card was received when its shipment's box was confirmed whole.
 */
export function isCardReceived(flags: number, shipmentConfirmed: boolean): boolean {
  return (flags & OWN_RECEIPT) !== 0 ? (flags & OWN_RECEIPT_YES) !== 0 : shipmentConfirmed;
}
