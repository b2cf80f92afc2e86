// The venue's reconciliation, loaded from its store: the ledger's cards and the event log, folded by the pure
// code in shared/. `asOf` (a Tokyo date) reconciles the log as it stood at that day's end.
//
// Computed from the log, never from stored counters, yet a screen refreshed after each handover must not
// replay 30,000 events: each open store keeps the fold of the log read so far (in memory, never written) and
// feeds it only the events appended since (rowids only grow: the log is append-only). It replays the whole
// log when that would give a different answer: the ledger changed, or a newly read event sorts before the
// last one applied (merged from another station with an older time).
import { orderEvents, ReconciliationFold, type ReconCard, type ReconEvent, type Reconciliation } from '../../shared/reconciliation/reconcile';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
import { PAYLOAD_FIELDS_READ, type CardKind } from '../../shared/reconciliation/card-history';
import type { VenueStore } from './data-folder';

export interface VenueReport extends Reconciliation {
  readonly venue: { readonly id: VenueId; readonly name: string };
  readonly asOf: string | null;
}

interface Kept {
  readonly fold: ReconciliationFold;
  /** The ledger it was built from; cards and shipments are only ever added (by an import). */
  readonly ledger: string;
  readonly cards: readonly ReconCard[];
  /** The highest event rowid read into it. */
  rowid: number;
}
// Keyed by the open database, not the store object: callers may hand over a copy of the store (another station
// id on the same folder, as the simulation does), and it is still the same log.
const kept = new WeakMap<Db, Kept>();

// The events reconciliation counts: those about a card, and a whole shipment's receipt (the rest change nothing).
const COUNTED = "(subject IS NOT NULL OR kind = 'receipt.confirmed')";

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

function ledgerOf(store: VenueStore): { ledger: string; cards: () => readonly ReconCard[] } {
  const ledger = JSON.stringify(store.db.prepare('SELECT (SELECT count(*) FROM ledger_cards), (SELECT count(*) FROM shipments)').raw().get());
  const k = kept.get(store.db);
  return { ledger, cards: () => (k?.ledger === ledger ? k.cards : readCards(store.db)) };
}

/** The store's fold, brought up to date with the log. */
function current(store: VenueStore): ReconciliationFold {
  const { ledger, cards } = ledgerOf(store);
  const k = kept.get(store.db);
  if (k?.ledger === ledger) {
    const batch = readEvents(store.db, k.rowid, null);
    if (k.fold.apply(orderEvents(batch.events))) {
      k.rowid = batch.maxRowid;
      return k.fold;
    }
  }
  // First time, a new ledger, or an event older than those applied: replay the whole log.
  const list = cards();
  const all = readEvents(store.db, 0, null);
  const fold = replay(new ReconciliationFold(list), all.events);
  kept.set(store.db, { fold, ledger, cards: list, rowid: all.maxRowid });
  return fold;
}

function asOfDay(store: VenueStore, asOf: string): Reconciliation {
  const endMs = Date.parse(`${asOf}T00:00:00+09:00`) + 86_400_000;
  // Client times are UTC ISO strings (toISOString), so they compare as strings, in SQL as in the sort.
  const end = Number.isNaN(endMs) ? '' : new Date(endMs).toISOString();
  // Today (nothing recorded after the day's end) is the current fold; a past day is replayed up to its end.
  // A kept fold knows its latest event; without one, the log is asked before a whole fold is built for it.
  if (kept.has(store.db) || store.db.prepare(`SELECT EXISTS (SELECT 1 FROM events WHERE client_time >= ? AND ${COUNTED})`).pluck().get(end) === 0) {
    const fold = current(store);
    const last = fold.lastClientTime;
    if (last === null || last < end) return fold.result();
  }
  return replay(new ReconciliationFold(ledgerOf(store).cards()), readEvents(store.db, 0, end).events).result();
}

/** The ledger's cards. */
function readCards(db: Db): ReconCard[] {
  return (db.prepare('SELECT reservation_no, shipment_id FROM ledger_cards').raw().all() as [string, string][]).map(([reservationNo, shipmentId]) => ({ reservationNo, shipmentId }));
}

// The one payload field each kind the card fold reads needs, as JSON text (JSON.parse'd only for those few kinds).
const FIELD_READ = `CASE kind ${Object.entries(PAYLOAD_FIELDS_READ)
  .map(([kind, name]) => `WHEN '${kind}' THEN payload -> '$.${name}'`)
  .join(' ')} END`;

/**
 * The events reconciliation counts, appended after `rowid` and (if given) timed before `end`, in storage
 * order: who, when and which card, and the payload fields the card fold reads (extracted in SQL rather than
 * the whole payload JSON.parse'd). `maxRowid` counts the events skipped too.
 */
function readEvents(db: Db, rowid: number, end: string | null): { events: ReconEvent[]; maxRowid: number } {
  const bound = end === null ? '' : 'AND client_time < ?';
  const params = end === null ? [rowid] : [rowid, end];
  const rows = db
    .prepare(`SELECT id, kind, station_id, seq, client_time, subject, ${FIELD_READ} FROM events WHERE rowid > ? ${bound} AND ${COUNTED}`)
    .raw()
    .all(...params) as [string, string, string, number, string, string | null, string | null][];
  const events = rows.map(([id, kind, stationId, seq, clientTime, subject, value]): ReconEvent => ({
    id, kind, stationId, seq, clientTime, subject,
    payload: value === null ? null : { [PAYLOAD_FIELDS_READ[kind as keyof typeof PAYLOAD_FIELDS_READ]]: JSON.parse(value) },
  }));
  const maxRowid = (db.prepare('SELECT max(rowid) FROM events').pluck().get() as number | null) ?? 0;
  return { events, maxRowid: Math.max(rowid, maxRowid) };
}

/** Applies events read in storage order to a new fold: as they are if in order (the usual case), else sorted. */
function replay(fold: ReconciliationFold, events: readonly ReconEvent[]): ReconciliationFold {
  if (!fold.apply(events)) fold.apply(orderEvents(events));
  return fold;
}
