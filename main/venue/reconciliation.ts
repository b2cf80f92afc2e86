// The venue's reconciliation, loaded from its store: the ledger's cards and the event log, folded by the pure
// code in shared/. `asOf` (a Tokyo date) reconciles the log as it stood at that day's end.
//
// Computed from the log, never from stored counters, yet a screen refreshed after each handover must not
// replay 30,000 events: each open store keeps the fold of the log read so far (in memory, never written) and
// feeds it only the events appended since (rowids only grow: the log is append-only). It replays the whole
// log when that would give a different answer: the ledger changed, or a newly read event sorts before the
// last one applied (merged from another station with an older time).
import { compareEvents, orderEvents, ReconciliationFold, type ReconCard, type ReconEvent, type Reconciliation } from '../../shared/reconciliation/reconcile';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import type { Db } from '../db/connection';
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
const kept = new WeakMap<VenueStore, Kept>();

// The events reconciliation counts: those about a card, and a whole shipment's receipt (the rest change nothing).
// Of those, the three kinds whose payload counts are few, and read apart from the bulk.
const COUNTED = "(subject IS NOT NULL OR kind = 'receipt.confirmed')";
const WITH_PAYLOAD = "('receipt.confirmed', 'receipt.corrected', 'handover.undone')";

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

/** Drops the store's kept fold: the next reconciliation replays the whole log (the bench measures that). */
export function forgetReconciliation(store: VenueStore): void {
  kept.delete(store);
}

function ledgerOf(store: VenueStore): { ledger: string; cards: () => readonly ReconCard[] } {
  const ledger = JSON.stringify(store.db.prepare('SELECT (SELECT count(*) FROM ledger_cards), (SELECT count(*) FROM shipments)').raw().get());
  const k = kept.get(store);
  return { ledger, cards: () => (k?.ledger === ledger ? k.cards : readCards(store.db)) };
}

/** The store's fold, brought up to date with the log. */
function current(store: VenueStore): ReconciliationFold {
  const { ledger, cards } = ledgerOf(store);
  const k = kept.get(store);
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
  kept.set(store, { fold, ledger, cards: list, rowid: all.maxRowid });
  return fold;
}

function asOfDay(store: VenueStore, asOf: string): Reconciliation {
  const endMs = Date.parse(`${asOf}T00:00:00+09:00`) + 86_400_000;
  // Client times are UTC ISO strings (toISOString), so they compare as strings, in SQL as in the sort.
  const end = Number.isNaN(endMs) ? '' : new Date(endMs).toISOString();
  // Today (nothing recorded after the day's end) is the current fold; a past day is replayed up to its end.
  // A kept fold knows its latest event; without one, the log is asked before a whole fold is built for it.
  if (kept.has(store) || store.db.prepare(`SELECT EXISTS (SELECT 1 FROM events WHERE client_time >= ? AND ${COUNTED})`).pluck().get(end) === 0) {
    const fold = current(store);
    const last = fold.lastClientTime;
    if (last === null || last < end) return fold.result();
  }
  return replay(new ReconciliationFold(ledgerOf(store).cards()), readEvents(store.db, 0, end).events).result();
}

// better-sqlite3 builds a JS array per row, which for tens of thousands of rows costs more than everything
// else here (12–25 ms for 30,000 rows of two integers on this 2-core machine). So the bulk reads below bring each
// column back as one string, values joined by a separator no value uses, split in JS (a fraction of that).
// Should a value ever hold the separator, the count shows it and those rows are read one by one.
const SEP = '\x1f';

/** Columns of the rows `from` selects, each as an array of strings; in no particular order. */
function columns(db: Db, exprs: readonly string[], from: string, params: readonly unknown[]): { count: number; columns: string[][] } {
  const row = db
    .prepare(`SELECT count(*), ${exprs.map((x) => `group_concat(${x}, char(31))`).join(', ')} ${from}`)
    .raw()
    .get(...params) as [number, ...(string | null)[]];
  const count = row[0];
  const cols = count === 0 ? exprs.map(() => []) : row.slice(1).map((joined) => (joined as string).split(SEP));
  if (cols.every((c) => c.length === count)) return { count, columns: cols };
  const rows = db.prepare(`SELECT ${exprs.join(', ')} ${from}`).raw().all(...params) as unknown[][];
  return { count, columns: exprs.map((_, i) => rows.map((r) => String(r[i]))) };
}

/** The ledger's cards; consecutive cards of one shipment share one shipment id string (cheaper to key on). */
function readCards(db: Db): ReconCard[] {
  const { count, columns: [nos, shipments] } = columns(db, ['reservation_no', 'shipment_id'], 'FROM ledger_cards', []);
  const cards = new Array<ReconCard>(count);
  let shipmentId = '';
  for (let i = 0; i < count; i++) {
    if (shipments![i] !== shipmentId) shipmentId = shipments![i]!;
    cards[i] = { reservationNo: nos![i]!, shipmentId };
  }
  return cards;
}

// Kinds and stations are few: sent as one-character codes, which the split does not allocate (V8 shares
// one-character strings), and every event of a kind or station then holds the same string.
const KINDS = ['handover.recorded', 'handover.refused', 'receipt.card-received', 'card.damaged', 'card.returned'];
const CODES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The stations with events after `rowid`, and the highest rowid (skipped events count for the rowid reached). */
function stationsAfter(db: Db, rowid: number): { stations: string[]; maxRowid: number } {
  if (rowid > 0) {
    // A few new events: read them by rowid, not by walking the whole station index.
    const per = db.prepare('SELECT station_id, max(rowid) FROM events NOT INDEXED WHERE rowid > ? GROUP BY station_id').raw().all(rowid) as [string, number][];
    return { stations: per.map(([st]) => st), maxRowid: Math.max(rowid, ...per.map(([, n]) => n)) };
  }
  // The whole log: hop from station to station along the (station_id, seq) index rather than scan it.
  const stations = db
    .prepare(
      `WITH RECURSIVE s(station) AS (SELECT min(station_id) FROM events
                                     UNION ALL SELECT (SELECT min(station_id) FROM events WHERE station_id > station) FROM s WHERE station IS NOT NULL)
       SELECT station FROM s WHERE station IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  return { stations, maxRowid: (db.prepare('SELECT max(rowid) FROM events').pluck().get() as number | null) ?? 0 };
}

/**
 * The events reconciliation counts, appended after `rowid` and (if given) timed before `end`, in storage
 * order: who, when and which card; an event's id only where an undo can refer to it.
 */
function readEvents(db: Db, rowid: number, end: string | null): { events: ReconEvent[]; maxRowid: number } {
  const bound = end === null ? '' : 'AND client_time < ?';
  const params = end === null ? [rowid] : [rowid, end];
  const { stations, maxRowid } = stationsAfter(db, rowid);
  if (stations.length === 0) return { events: [], maxRowid: rowid };
  const coded = stations.length <= CODES.length;
  const stationExpr = coded ? `CASE station_id ${stations.map((st, i) => `WHEN '${st.replaceAll("'", "''")}' THEN '${CODES[i]}'`).join(' ')} END` : 'station_id';
  const kindExpr = `CASE kind ${KINDS.map((k, i) => `WHEN '${k}' THEN '${CODES[i]}'`).join(' ')} ELSE kind END`;
  const bulk = columns(
    db,
    [kindExpr, stationExpr, 'seq', 'client_time', 'subject', "CASE kind WHEN 'handover.recorded' THEN id ELSE '' END"],
    `FROM events WHERE rowid > ? ${bound} AND subject IS NOT NULL AND kind NOT IN ${WITH_PAYLOAD}`,
    params,
  );
  const [kindCol, stationCol, seqs, times, subjects, ids] = bulk.columns as [string[], string[], string[], string[], string[], string[]];
  const byCode = new Map<string, string>([...KINDS.map((k, i): [string, string] => [CODES[i]!, k])]);
  const stationOf = new Map<string, string>(coded ? stations.map((st, i): [string, string] => [CODES[i]!, st]) : []);
  const events = new Array<ReconEvent>(bulk.count);
  for (let i = 0; i < bulk.count; i++) {
    const kind = kindCol[i]!;
    const station = stationCol[i]!;
    events[i] = { id: ids[i]!, kind: byCode.get(kind) ?? kind, stationId: coded ? stationOf.get(station)! : station, seq: Number(seqs[i]), clientTime: times[i]!, subject: subjects[i]!, payload: null };
  }
  // The one payload field each of these reads, extracted in SQL rather than JSON.parse'd.
  const rows = db
    .prepare(
      `SELECT id, kind, station_id, seq, client_time, subject,
              CASE kind WHEN 'receipt.confirmed' THEN json_extract(payload, '$.shipmentId')
                        WHEN 'receipt.corrected' THEN json_type(payload, '$.received')
                        ELSE json_extract(payload, '$.handoverEventId') END
         FROM events WHERE rowid > ? ${bound} AND kind IN ${WITH_PAYLOAD}`,
    )
    .raw()
    .all(...params) as [string, string, string, number, string, string | null, unknown][];
  for (const [id, kind, stationId, seq, clientTime, subject, arg] of rows) {
    const payload = kind === 'receipt.confirmed' ? { shipmentId: arg } : kind === 'receipt.corrected' ? { received: arg === 'true' } : { handoverEventId: arg };
    const e: ReconEvent = { id, kind, stationId, seq, clientTime, subject, payload };
    // Into its place in time among the rest, which are in storage order: time order unless merged late.
    let lo = 0;
    for (let hi = events.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (compareEvents(events[mid]!, e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    events.splice(lo, 0, e);
  }
  return { events, maxRowid };
}

/** Applies events read in storage order to a new fold: as they are if in order (the usual case), else sorted. */
function replay(fold: ReconciliationFold, events: readonly ReconEvent[]): ReconciliationFold {
  if (!fold.apply(events)) fold.apply(orderEvents(events));
  return fold;
}
