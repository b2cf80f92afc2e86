// A card's state, derived from its own events every time (never a stored flag), by the one card fold in
// shared/reconciliation/card-history.ts: the same rule every reconciliation uses.
import type { Db } from '../db/connection';
import { readSubjectsEvents } from '../db/event-log';
import type { StoredEvent } from '../../shared/events/event';
import type { CardView } from '../../shared/counter/outcomes';
import type { VenueId } from '../../shared/venues/venues';
import {
  applyCardEvent,
  cardKind,
  notReceivedBecause,
  standingHandovers,
  CardTable,
  type HandoverKeeper,
} from '../../shared/reconciliation/card-history';
import { readLedgerCards } from '../db/queries/ledger-cards';
import { routedVenue } from '../db/queries/routing-directory';
import { receiptFacts } from '../db/queries/events';

interface HandoverRef {
  readonly eventId: string;
  readonly at: string;
  readonly stationId: string;
  readonly actor: string;
}

export type CardState =
  | { readonly kind: 'unknown'; readonly elsewhere: VenueId | null }
  | { readonly kind: 'not-received'; readonly card: CardView; readonly because: 'card-missing' | 'shipment-unconfirmed' }
  | { readonly kind: 'outstanding'; readonly card: CardView }
  | { readonly kind: 'handed-over'; readonly card: CardView; readonly handover: HandoverRef }
  | { readonly kind: 'returned'; readonly card: CardView; readonly at: string }
  /** Recorded as damaged by a lead: at the venue, never handed over (it goes back to HQ for a new card). */
  | { readonly kind: 'damaged'; readonly card: CardView; readonly at: string };

export function readCardState(db: Db, reservationNo: string): CardState {
  return readCardStates(db, [reservationNo])[0]!;
}

/** Several cards' states with one read of their events (search results), in the order asked. */
export function readCardStates(db: Db, reservationNos: readonly string[]): CardState[] {
  if (reservationNos.length === 0) return [];
  const rows = readLedgerCards(db, reservationNos);
  // Card k of the table is the k-th asked (a number asked twice uses its first place).
  const place = new Map<string, number>();
  reservationNos.forEach((no, k) => {
    if (!place.has(no)) place.set(no, k);
  });
  const table = new CardTable(reservationNos.length);
  // The counter keeps who handed each card over and when (its note is the place in this list); it counts nothing per day.
  const handovers: HandoverRef[] = [];
  const keeper: HandoverKeeper<StoredEvent> = {
    recorded: (e) => handovers.push({ eventId: e.id, at: e.clientTime, stationId: e.stationId, actor: e.actor }) - 1,
    undone: () => {},
    refused: () => {},
  };
  for (const e of readSubjectsEvents(db, reservationNos)) applyCardEvent(table, place.get(e.subject!)!, e, keeper);
  // A card left 不足 when its shipment's receipt check closed has no receipt word of its own, and its box was not
  // confirmed whole: it is not received as any unchecked box's card is, but it did not arrive (未着), and the
  // counter must say that (the trial found it described as a box still waiting for its check).
  const receipts = receiptFacts(db);
  return reservationNos.map((no): CardState => {
    const row = rows.get(no);
    if (!row) return { kind: 'unknown', elsewhere: routedVenue(db, no) };
    const i = place.get(no)!;
    const card: CardView = {
      reservationNo: row.reservation_no,
      name: row.name,
      kana: row.kana,
      birthDate: row.birth_date,
      address: row.address,
      noticeType: row.notice_type,
      shipmentId: row.shipment_id,
      shippedOn: row.shipped_on,
      refusals: table.refusals[i]!,
    };
    const kind = cardKind(table, i, receipts.received.has(row.shipment_id));
    switch (kind) {
      // The latest standing handover is the one shown (and the one an undo from the counter names).
      case 'handed-over': {
        return { kind, card, handover: handovers[standingHandovers(table, i).at(-1)!.note]! };
      }
      case 'returned':
        return { kind, card, at: table.returnedAt.get(i)! };
      case 'damaged':
        return { kind, card, at: table.damagedAt.get(i)! };
      case 'not-received':
        return {
          kind,
          card,
          because:
            notReceivedBecause(table, i) === 'card-missing' || receipts.checked.has(row.shipment_id)
              ? 'card-missing'
              : 'shipment-unconfirmed',
        };
      default:
        return { kind, card };
    }
  });
}
