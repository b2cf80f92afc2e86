// The venue's reconciliation, loaded from its store: the ledger's cards and the event log, folded by the pure
// code in shared/. `asOf` (a Tokyo date) reconciles the log as it stood at that day's end.
//
// Computed from the log, never from stored counters, yet a screen refreshed after each handover must not
// replay 30,000 events: each open store keeps the fold of the log read so far (in memory, never written) and
// feeds it only the events appended since (rowids only grow: the log is append-only). It replays the whole
// log when that would give a different answer: the ledger changed, or a newly read event sorts before the
// last one applied (merged from another station with an older time).
import {
  orderEvents,
  ReconciliationFold,
  type LedgerColumns,
  type ReconEvent,
  type Reconciliation,
} from '../../shared/reconciliation/reconcile';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
import { tokyoDayEnd } from '../../shared/tokyo-date';
import { isIsoDate } from '../../shared/roster/japanese-date';
import type { CardKind } from '../../shared/reconciliation/card-history';
import { readFoldEvents } from '../db/queries/events';
import { ledgerSignature, readLedgerColumns } from '../db/queries/ledger-cards';
import { shipmentsImportedBefore } from '../db/queries/shipments';
import type { VenueStore } from '../store/data-folder';

export interface VenueReport extends Reconciliation {
  readonly venue: { readonly id: VenueId; readonly name: string };
  readonly asOf: string | null;
}

interface Kept {
  readonly fold: ReconciliationFold;
  /** The ledger it was built from; cards and shipments are only ever added (by an import). */
  readonly ledger: string;
  readonly cards: LedgerColumns;
  /** The highest event rowid read into it. */
  rowid: number;
}
// Keyed by the open database, not the store object: callers may hand over a copy of the store (another station
// id on the same folder, as the simulation does), and it is still the same log.
const kept = new WeakMap<Db, Kept>();

export function venueReconciliation(store: VenueStore, options: { asOf?: string } = {}): VenueReport {
  const { asOf } = options;
  // One read transaction: the ledger and the events as of one moment (a savepoint inside a caller's transaction).
  const r = store.db.transaction(() => (asOf ? asOfDay(store, asOf) : current(store).result()))();
  return {
    venue: { id: store.venue, name: VENUES[store.venue].name },
    asOf: asOf ?? null,
    ...r,
    byDayAndStation: asOf ? r.byDayAndStation.filter((d) => d.date === asOf) : r.byDayAndStation,
  };
}

/** Every card's kind (handed over, returned, not received, damaged, outstanding) as reconciliation counts it. */
export function venueCardKinds(store: VenueStore): { reservationNo: string; kind: CardKind }[] {
  return store.db.transaction(() => current(store).cardKinds())();
}

/** Drops the store's kept fold: the next reconciliation replays the whole log (the bench measures that). */
export function forgetReconciliation(store: VenueStore): void {
  kept.delete(store.db);
}

function ledgerOf(store: VenueStore): { ledger: string; cards: () => LedgerColumns } {
  const ledger = ledgerSignature(store.db);
  const k = kept.get(store.db);
  return { ledger, cards: () => (k?.ledger === ledger ? k.cards : readLedgerColumns(store.db)) };
}

/** The store's fold, brought up to date with the log. */
function current(store: VenueStore): ReconciliationFold {
  const { ledger, cards } = ledgerOf(store);
  const k = kept.get(store.db);
  if (k?.ledger === ledger) {
    const batch = readFoldEvents(store.db, k.rowid, null);
    if (k.fold.apply(orderEvents(batch.events))) {
      k.rowid = batch.maxRowid;
      return k.fold;
    }
  }
  // First time, a new ledger, or an event older than those applied: replay the whole log.
  const list = cards();
  const all = readFoldEvents(store.db, 0, null);
  const fold = replay(new ReconciliationFold(list), all.events);
  kept.set(store.db, { fold, ledger, cards: list, rowid: all.maxRowid });
  return fold;
}

function asOfDay(store: VenueStore, asOf: string): Reconciliation {
  // Client times are UTC ISO strings (toISOString), so they compare as strings, in SQL as in the sort.
  const end = isIsoDate(asOf) ? tokyoDayEnd(asOf) : '';
  // Today (nothing recorded after the day's end) is the current fold, kept for the next screen; a past day is
  // replayed up to its end.
  const fold = current(store);
  const last = fold.lastClientTime;
  if (last === null || last < end) return fold.result();
  // A ledger imported after the day's end was not at the venue that day: its cards are not that day's shipped.
  const imported = shipmentsImportedBefore(store.db, end);
  const all = ledgerOf(store).cards();
  const keep = all.shipmentIds.map((s) => imported.has(s));
  const cards: LedgerColumns = keep.every(Boolean)
    ? all
    : { reservationNos: all.reservationNos.filter((_, i) => keep[i]), shipmentIds: all.shipmentIds.filter((_, i) => keep[i]) };
  return replay(new ReconciliationFold(cards), readFoldEvents(store.db, 0, end).events).result();
}

/** Applies events read in storage order to a new fold: as they are if in order (the usual case), else sorted. */
function replay(fold: ReconciliationFold, events: readonly ReconEvent[]): ReconciliationFold {
  if (!fold.apply(events)) fold.apply(orderEvents(events));
  return fold;
}
