// Reconciliation (別紙⑥ 2(1)②③: counts must match at every hand-off), computed from the event log, never
// from stored counters: per shipment and in total, shipped = received + not received and
// received = handed over + outstanding + returned, shown as holding or with exactly the cards that break it.
// Pure: the caller loads the ledger's cards and the events. The work is a fold over the log (fold.ts), which
// main keeps in memory per open store and feeds only the events appended since.
import { compareEvents, ReconciliationFold } from './fold';

export { compareEvents, ReconciliationFold };

export interface ReconCard {
  readonly reservationNo: string;
  readonly shipmentId: string;
}

/** The slice of an event reconciliation reads. */
export interface ReconEvent {
  readonly id: string;
  readonly kind: string;
  readonly stationId: string;
  /** The station's own sequence: within a station it, not the clock, orders events. */
  readonly seq: number;
  readonly clientTime: string;
  readonly subject: string | null;
  readonly payload: unknown;
}

export interface Counts {
  shipped: number;
  received: number;
  notReceived: number;
  handedOver: number;
  outstanding: number;
  returned: number;
  refusals: number;
  damaged: number;
}

export type BreakReason = 'handed-over-not-received' | 'returned-not-received' | 'handed-over-and-returned' | 'not-in-ledger';
export interface Breaker {
  readonly reservationNo: string;
  readonly reason: BreakReason;
}

/** A card handed over at two stations that could not see each other; both handovers stand until one is undone. */
export interface HandoverConflict {
  readonly reservationNo: string;
  /** The stations whose handovers of the card still stand. */
  readonly stations: readonly string[];
}

export interface Reconciliation {
  readonly total: Counts & { readonly holds: boolean };
  readonly shipments: readonly (Counts & { readonly shipmentId: string; readonly holds: boolean })[];
  /** Cards that break an invariant, each with why; empty when everything adds up. */
  readonly breakers: readonly Breaker[];
  /** Cards with standing handovers from more than one station: for the lead to settle, never merged away. */
  readonly conflicts: readonly HandoverConflict[];
  /** Net handovers per day and station (Tokyo days). */
  readonly byDayAndStation: readonly DayAndStation[];
}

export interface DayAndStation {
  readonly date: string;
  readonly stationId: string;
  readonly handedOver: number;
  readonly refusals: number;
  /**
   * Net handovers per half hour of the Tokyo day (48 slots, index = minutes since midnight / 30), for the
   * lead's chart of the day. An undo takes its handover off the original slot; the slots add up to handedOver.
   */
  readonly halfHours: readonly number[];
}

/** Events in the order that decides state: client time, then station and its sequence to break ties. */
export function orderEvents<E extends ReconEvent>(events: readonly E[]): readonly E[] {
  // The store's log is mostly in this order already; sort only what arrives unsorted (merged files, tests).
  for (let i = 1; i < events.length; i++) if (compareEvents(events[i - 1]!, events[i]!) > 0) return [...events].sort(compareEvents);
  return events;
}

export function reconcile(cards: readonly ReconCard[], events: readonly ReconEvent[]): Reconciliation {
  const fold = new ReconciliationFold(cards);
  fold.apply(orderEvents(events));
  return fold.result();
}
