// A card's state, derived from its own events every time (never a stored flag): handed over unless undone;
// received, returned and damaged as shared/reconciliation/card-flags.ts says (the same rule reconciliation uses).
import type { Db } from '../db/connection';
import { readSubjectsEvents } from '../db/event-log';
import type { StoredEvent } from '../../shared/events/event';
import type { CardView } from '../../shared/counter/outcomes';
import type { VenueId } from '../../shared/venues/venues';
import { applyCardEvent, isCardReceived, DAMAGED, RETURNED } from '../../shared/reconciliation/card-flags';

export interface HandoverRef {
  readonly eventId: string;
  readonly at: string;
  readonly stationId: string;
  readonly actor: string;
}

export type CardState =
  | { readonly kind: 'unknown'; readonly elsewhere: VenueId | null }
  | { readonly kind: 'not-received'; readonly card: CardView }
  | { readonly kind: 'outstanding'; readonly card: CardView }
  | { readonly kind: 'handed-over'; readonly card: CardView; readonly handover: HandoverRef }
  | { readonly kind: 'returned'; readonly card: CardView; readonly at: string }
  /** Recorded as damaged by a lead: at the venue, never handed over (it goes back to HQ for a new card). */
  | { readonly kind: 'damaged'; readonly card: CardView; readonly at: string };

interface CardRow {
  reservation_no: string; name: string; kana: string; birth_date: string; address: string;
  notice_type: '通常' | '再発行'; shipment_id: string; shipped_on: string;
}

export function readCardState(db: Db, reservationNo: string): CardState {
  return readCardStates(db, [reservationNo])[0]!;
}

/** Several cards' states with one read of their events (search results), in the order asked. */
export function readCardStates(db: Db, reservationNos: readonly string[]): CardState[] {
  if (reservationNos.length === 0) return [];
  const marks = reservationNos.map(() => '?').join(',');
  const rows = new Map(
    (db.prepare(`SELECT * FROM ledger_cards WHERE reservation_no IN (${marks})`).all(...reservationNos) as CardRow[]).map((r) => [r.reservation_no, r]),
  );
  const histories = new Map<string, StoredEvent[]>();
  for (const e of readSubjectsEvents(db, reservationNos)) {
    const list = histories.get(e.subject!) ?? [];
    list.push(e);
    histories.set(e.subject!, list);
  }
  const received = new Map<string, boolean>();
  return reservationNos.map((no): CardState => {
    const row = rows.get(no);
    if (!row) {
      const dir = db.prepare('SELECT venue FROM routing_directory WHERE reservation_no = ?').get(no) as { venue: VenueId } | undefined;
      return { kind: 'unknown', elsewhere: dir?.venue ?? null };
    }
    // Every standing handover: two stations that could not see each other may both have handed the card over,
    // and an undo cancels only the one it names.
    const standing: HandoverRef[] = [];
    let refusals = 0;
    let flags = 0;
    // When it was returned or first recorded damaged, for the screen; whether it is, the flags say.
    let returnedAt = '';
    let damagedAt = '';
    for (const e of histories.get(no) ?? []) {
      flags = applyCardEvent(flags, e.kind, e.payload);
      if (e.kind === 'card.returned') returnedAt = e.clientTime;
      else if (e.kind === 'card.damaged') damagedAt ||= e.clientTime;
      else if (e.kind === 'handover.recorded') standing.push({ eventId: e.id, at: e.clientTime, stationId: e.stationId, actor: e.actor });
      else if (e.kind === 'handover.undone') {
        const k = standing.findIndex((h) => h.eventId === (e.payload as { handoverEventId: string }).handoverEventId);
        if (k >= 0) standing.splice(k, 1);
      }
      else if (e.kind === 'handover.refused') refusals++;
    }
    const card: CardView = {
      reservationNo: row.reservation_no,
      name: row.name,
      kana: row.kana,
      birthDate: row.birth_date,
      address: row.address,
      noticeType: row.notice_type,
      shipmentId: row.shipment_id,
      shippedOn: row.shipped_on,
      refusals,
    };
    // The latest standing handover is the one shown (and the one an undo from the counter names).
    const handover = standing.at(-1);
    if (handover) return { kind: 'handed-over', card, handover };
    if ((flags & RETURNED) !== 0) return { kind: 'returned', card, at: returnedAt };
    if (!received.has(row.shipment_id)) received.set(row.shipment_id, isShipmentReceived(db, row.shipment_id));
    if (!isCardReceived(flags, received.get(row.shipment_id)!)) return { kind: 'not-received', card };
    // On the shelf but not to be handed over (and, like any card on the shelf, it can go back to HQ).
    if ((flags & DAMAGED) !== 0) return { kind: 'damaged', card, at: damagedAt };
    return { kind: 'outstanding', card };
  });
}

export function isShipmentReceived(db: Db, shipmentId: string): boolean {
  return (
    db.prepare("SELECT 1 FROM events WHERE kind = 'receipt.confirmed' AND json_extract(payload, '$.shipmentId') = ? LIMIT 1").get(shipmentId) !== undefined
  );
}
