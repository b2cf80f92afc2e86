// Reconciliation (別紙⑥ 2(1)②③: counts must match at every hand-off), computed from the event log, never
// from stored counters: per shipment and in total, shipped = received + not received and
// received = handed over + outstanding + returned, shown as holding or with exactly the cards that break it.
// Pure: the caller loads the ledger's cards and the events. The work is a fold over the log (fold.ts), which
// main keeps in memory per open store and feeds only the events appended since.
import { compareEvents, ReconciliationFold } from './fold';
import type { ReconCard, ReconEvent, Reconciliation } from './types';

export { ReconciliationFold };

export type { Breaker, Counts, HandoverConflict, LedgerColumns, ReconCard, ReconEvent, Reconciliation } from './types';

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
