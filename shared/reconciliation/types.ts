// The reconciliation's types. A leaf module (it imports nothing) because both the fold (fold.ts) and reconcile()
// (reconcile.ts, which runs the fold) use them: kept in reconcile.ts, the two modules would import each other.
/**
 * A ledger as columns: card i's reservation number and shipment at index i. Read so from SQLite (a column is one
 * array of strings; a row per card would be 40,000 small arrays, a third of the cold reconciliation's read).
 */
export interface LedgerColumns {
  readonly reservationNos: readonly string[];
  readonly shipmentIds: readonly string[];
}

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

interface DayAndStation {
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
