// The reconciliation fold's loops over every card and every event, and the order of events. Kept apart from
// the fold's bookkeeping (fold.ts) and each a function of its own: run cold (a station just started, the bench),
// V8 compiles a loop mid-run, and as the body of a longer method it threw that code away again on every screen.
import type { Breaker, Counts, ReconEvent } from './types';
import { isDamaged, isHandedOver, isReceived, isReturned, type CardTable } from './card-history';

/** Client time, then station and its sequence to break ties: the order that decides state. */
export function compareEvents(a: ReconEvent, b: ReconEvent): number {
  // Equality first: most neighbours share a time reading and a station, and === is the cheaper comparison.
  if (a.clientTime !== b.clientTime) return a.clientTime < b.clientTime ? -1 : 1;
  if (a.stationId !== b.stationId) return a.stationId < b.stationId ? -1 : 1;
  return a.seq - b.seq;
}

/** Each card counted into its shipment's figures, and what breaks reconciliation noted (the fold's result()). */
export function countCards(
  cards: CardTable,
  shipmentOf: Uint32Array,
  confirmed: Uint8Array,
  cardNos: readonly string[],
  per: Counts[],
  breakers: Breaker[],
): void {
  for (let i = 0; i < cardNos.length; i++) {
    const s = shipmentOf[i]!;
    const c = per[s]!;
    const received = isReceived(cards, i, confirmed[s] === 1);
    c.shipped++;
    if (received) c.received++;
    else c.notReceived++;
    const returned = isReturned(cards, i);
    const handed = isHandedOver(cards, i);
    if (handed) c.handedOver++;
    if (returned) c.returned++;
    if (received && !handed && !returned) c.outstanding++;
    if (isDamaged(cards, i)) c.damaged++;
    c.refusals += cards.refusals[i]!;
    if (handed && !received) breakers.push({ reservationNo: cardNos[i]!, reason: 'handed-over-not-received' });
    if (returned && !received) breakers.push({ reservationNo: cardNos[i]!, reason: 'returned-not-received' });
    if (handed && returned) breakers.push({ reservationNo: cardNos[i]!, reason: 'handed-over-and-returned' });
  }
}

/** Whether events, in the order given, all sort after `last` (and after each other). */
export function sortsAfter(last: ReconEvent | null, events: readonly ReconEvent[]): boolean {
  let prev = last;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (prev !== null && compareEvents(prev, e) > 0) return false;
    prev = e;
  }
  return true;
}

/**
 * Indexes the ledger's cards by number, and numbers their shipments in order of first appearance (card i's in
 * shipmentOf[i]); returns those numbers by shipment id. Its own function for the reason above.
 */
export function indexCards(
  reservationNos: readonly string[],
  shipmentIds: readonly string[],
  indexOf: Map<string, number>,
  shipmentOf: Uint32Array,
): Map<string, number> {
  const firstSeen = new Map<string, number>();
  let lastShipment = '';
  let s = 0;
  for (let i = 0; i < reservationNos.length; i++) {
    const shipmentId = shipmentIds[i]!;
    indexOf.set(reservationNos[i]!, i);
    // A ledger lists a shipment's cards together: look the shipment up only when it changes.
    if (i === 0 || shipmentId !== lastShipment) {
      lastShipment = shipmentId;
      let k = firstSeen.get(lastShipment);
      if (k === undefined) firstSeen.set(lastShipment, (k = firstSeen.size));
      s = k;
    }
    shipmentOf[i] = s;
  }
  return firstSeen;
}

/** Replaces each number in `of` with `to[number]`, unless `to` keeps every number as it is (one shipment, say). */
export function renumber(of: Uint32Array, to: Uint32Array): void {
  if (to.every((k, j) => k === j)) return;
  for (let i = 0; i < of.length; i++) of[i] = to[of[i]!]!;
}
