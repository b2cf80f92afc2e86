// Queries over the event log (events) that read one kind's payload in SQL. Appending and reading whole events
// is ../event-log.ts; each payload field read here is named through payloadPath, typed against its schema.
import type { Db } from '../connection';
import { payloadPath } from '../../../shared/events/event';
import { PAYLOAD_FIELDS_READ } from '../../../shared/reconciliation/card-history';
import type { ReconEvent } from '../../../shared/reconciliation/types';

const CONFIRMED_SHIPMENT = payloadPath('receipt.confirmed', 'shipmentId');
const CHECKED_SHIPMENT = payloadPath('receipt.check-closed', 'shipmentId');
// Both kinds name their shipment at the same path, so one query reads both (receiptFacts).
if (CONFIRMED_SHIPMENT !== CHECKED_SHIPMENT) throw new Error('receipt events name their shipment at different paths');
const CLOSED_DATE = payloadPath('day.closed', 'date');

/** The close of a business day (日締め), at any station of the venue, or null while the day is open. */
export function dayClosing(db: Db, date: string): { at: string; actor: string } | null {
  return (
    (db
      .prepare(
        `SELECT client_time AS at, actor FROM events WHERE kind = 'day.closed' AND json_extract(payload, '${CLOSED_DATE}') = ? LIMIT 1`,
      )
      .get(date) as { at: string; actor: string } | undefined) ?? null
  );
}

/** Whether a lead confirmed this shipment's box as received whole. */
export function isShipmentReceived(db: Db, shipmentId: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM events WHERE kind = 'receipt.confirmed' AND json_extract(payload, '${CONFIRMED_SHIPMENT}') = ? LIMIT 1`)
      .get(shipmentId) !== undefined
  );
}

interface ReceiptFacts {
  /** The log's highest rowid when these were read: the log only grows, so the same rowid means the same facts. */
  readonly rowid: number;
  /** Shipments whose box was confirmed whole. */
  readonly received: ReadonlySet<string>;
  /** Shipments a receipt check of which has been closed. */
  readonly checked: ReadonlySet<string>;
}
const receiptFactsKept = new WeakMap<Db, ReceiptFacts>();

/**
 * Every shipment's receipt facts, read again only when the log has grown: the counter asks for each card it
 * shows, and two lookups per search were most of its time (the search bench went from ≈14× to ≈23× its
 * baseline when the second was added).
 */
export function receiptFacts(db: Db): ReceiptFacts {
  const rowid = (db.prepare('SELECT max(rowid) FROM events').pluck().get() as number | null) ?? 0;
  const kept = receiptFactsKept.get(db);
  if (kept?.rowid === rowid) return kept;
  const rows = db
    .prepare(
      `SELECT kind, json_extract(payload, '${CONFIRMED_SHIPMENT}') AS shipment FROM events WHERE kind IN ('receipt.confirmed', 'receipt.check-closed')`,
    )
    .all() as { kind: string; shipment: string }[];
  const facts = {
    rowid,
    received: new Set(rows.filter((r) => r.kind === 'receipt.confirmed').map((r) => r.shipment)),
    checked: new Set(rows.filter((r) => r.kind === 'receipt.check-closed').map((r) => r.shipment)),
  };
  receiptFactsKept.set(db, facts);
  return facts;
}

const CHECK_ID = {
  scanned: payloadPath('receipt.card-received', 'checkId'),
  unexpected: payloadPath('receipt.unexpected', 'checkId'),
  removed: payloadPath('receipt.unexpected-removed', 'checkId'),
  closed: payloadPath('receipt.check-closed', 'checkId'),
};

/** Whether this card was already scanned in this receipt check. */
export function isScannedInCheck(db: Db, checkId: string, reservationNo: string): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM events WHERE kind = 'receipt.card-received' AND subject = ? AND json_extract(payload, '${CHECK_ID.scanned}') = ? LIMIT 1`,
      )
      .get(reservationNo, checkId) !== undefined
  );
}

/** The cards scanned in this receipt check. */
export function scannedInCheck(db: Db, checkId: string): string[] {
  return db
    .prepare(`SELECT subject FROM events WHERE kind = 'receipt.card-received' AND json_extract(payload, '${CHECK_ID.scanned}') = ?`)
    .pluck()
    .all(checkId) as string[];
}

/**
 * The 余剰 of this receipt check as it stands: each code scanned that was not a card of its shipment, once, in
 * the order first scanned, unless the lead removed it since (scanned again after that, it is back).
 */
export function unexpectedInCheck(db: Db, checkId: string): { code: string; kind: string }[] {
  const code = payloadPath('receipt.unexpected', 'code');
  const kind = payloadPath('receipt.unexpected', 'kind');
  const rows = db
    .prepare(
      `SELECT kind AS event, json_extract(payload, '${code}') AS code, json_extract(payload, '${kind}') AS kind FROM events
        WHERE (kind = 'receipt.unexpected' AND json_extract(payload, '${CHECK_ID.unexpected}') = ?)
           OR (kind = 'receipt.unexpected-removed' AND json_extract(payload, '${CHECK_ID.removed}') = ?)
        ORDER BY client_time, seq`,
    )
    .all(checkId, checkId) as { event: string; code: string; kind: string | null }[];
  const standing = new Map<string, string>();
  for (const r of rows) {
    if (r.event === 'receipt.unexpected-removed') standing.delete(r.code);
    else if (!standing.has(r.code)) standing.set(r.code, r.kind ?? '');
  }
  return [...standing].map(([c, k]) => ({ code: c, kind: k }));
}

/**
 * The receipt check of this shipment that this station began and has not closed (the lead stopped it, or the
 * app stopped), its latest if several: where the next scans of the box belong. Null when there is none.
 */
export function openCheckOf(db: Db, stationId: string, shipmentId: string): string | null {
  const unexpectedShipment = payloadPath('receipt.unexpected', 'shipmentId');
  const removedShipment = payloadPath('receipt.unexpected-removed', 'shipmentId');
  const row = db
    .prepare(
      `SELECT coalesce(json_extract(e.payload, '${CHECK_ID.scanned}'), json_extract(e.payload, '${CHECK_ID.unexpected}')) AS check_id
         FROM events e
        WHERE e.station_id = ?
          AND ((e.kind = 'receipt.card-received' AND e.subject IN (SELECT reservation_no FROM ledger_cards WHERE shipment_id = ?))
            OR (e.kind = 'receipt.unexpected' AND json_extract(e.payload, '${unexpectedShipment}') = ?)
            OR (e.kind = 'receipt.unexpected-removed' AND json_extract(e.payload, '${removedShipment}') = ?))
        ORDER BY e.seq DESC`,
    )
    .all(stationId, shipmentId, shipmentId, shipmentId) as { check_id: string }[];
  const seen = new Set<string>();
  for (const { check_id } of row) {
    if (seen.has(check_id)) continue;
    seen.add(check_id);
    if (!isCheckClosed(db, check_id)) return check_id;
  }
  return null;
}

export function isCheckClosed(db: Db, checkId: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM events WHERE kind = 'receipt.check-closed' AND json_extract(payload, '${CHECK_ID.closed}') = ? LIMIT 1`)
      .get(checkId) !== undefined
  );
}

/** Shipments with neither a box confirmation nor a closed receipt check. */
export function shipmentsNotYetReceived(db: Db): string[] {
  const confirmed = payloadPath('receipt.confirmed', 'shipmentId');
  const closed = payloadPath('receipt.check-closed', 'shipmentId');
  return db
    .prepare(
      `SELECT s.shipment_id FROM shipments s WHERE NOT EXISTS (
         SELECT 1 FROM events e WHERE (e.kind = 'receipt.confirmed' AND json_extract(e.payload, '${confirmed}') = s.shipment_id)
                                   OR (e.kind = 'receipt.check-closed' AND json_extract(e.payload, '${closed}') = s.shipment_id))
        ORDER BY s.shipment_id`,
    )
    .pluck()
    .all() as string[];
}

const BATCH_ID = payloadPath('card.returned', 'batchId');

export interface ReturnBatchRow {
  readonly batchId: string;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  readonly cards: number;
  /** The station that recorded it (a batch is recorded in one transaction, at one station) and its first event's place there. */
  readonly stationId: string;
  readonly seq: number;
}

/** Every return batch (返戻) this station knows of, its own and its siblings', newest first. */
export function returnBatchRows(db: Db): ReturnBatchRow[] {
  const reason = payloadPath('card.returned', 'reason');
  return db
    .prepare(
      `SELECT json_extract(payload, '${BATCH_ID}') AS batchId, MIN(client_time) AS at, MIN(actor) AS "by",
              MIN(json_extract(payload, '${reason}')) AS reason, COUNT(*) AS cards, MIN(station_id) AS stationId, MIN(seq) AS seq
         FROM events WHERE kind = 'card.returned'
        GROUP BY batchId ORDER BY at DESC, batchId`,
    )
    .all() as ReturnBatchRow[];
}

/** One return batch's cards with their ledger rows, by reservation number. */
export function returnBatchCardRows(
  db: Db,
  batchId: string,
): { reservationNo: string; name: string; address: string; shippedOn: string }[] {
  return db
    .prepare(
      `SELECT c.reservation_no AS reservationNo, c.name, c.address, c.shipped_on AS shippedOn
         FROM events e JOIN ledger_cards c ON c.reservation_no = e.subject
        WHERE e.kind = 'card.returned' AND json_extract(e.payload, '${BATCH_ID}') = ? ORDER BY c.reservation_no`,
    )
    .all(batchId) as { reservationNo: string; name: string; address: string; shippedOn: string }[];
}

/** The latest client time in the log, or null if it is empty. */
export function latestEventTime(db: Db): string | null {
  return db.prepare('SELECT max(client_time) FROM events').pluck().get() as string | null;
}

/** The client time of this station's own last record (by its sequence, so one index step), or null. */
export function lastOwnEventTime(db: Db, stationId: string): string | null {
  return (db.prepare('SELECT client_time FROM events WHERE station_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(stationId) ?? null) as
    string | null;
}

export function eventCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
}

// The events the card fold counts: those about a card, and a whole shipment's receipt (the rest change nothing).
const FOLD_COUNTS = "(subject IS NOT NULL OR kind = 'receipt.confirmed')";
// The few kinds whose payload the card fold reads, and those fields, as a JSON object's text (JSON.parse'd).
const KINDS_READ = Object.keys(PAYLOAD_FIELDS_READ)
  .map((kind) => `'${kind}'`)
  .join(', ');
const FIELDS_READ = `CASE kind ${Object.entries(PAYLOAD_FIELDS_READ)
  .map(
    ([kind, name]) =>
      `WHEN '${kind}' THEN json_object('${name}', payload -> '${payloadPath(kind as keyof typeof PAYLOAD_FIELDS_READ, name as never)}')`,
  )
  .join(' ')} END`;
const KIND_IS_READ = new Set(Object.keys(PAYLOAD_FIELDS_READ));

/**
 * The events the card fold counts, stored after `rowid` and (if given) timed before `end`, in storage order:
 * who, when and which card, and the payload fields the fold reads. Those few kinds' fields are read apart,
 * through the kind index: a CASE on every row's kind cost the cold reconciliation a quarter of its read.
 * `maxRowid` counts the events skipped too.
 */
export function readFoldEvents(db: Db, rowid: number, end: string | null): { events: ReconEvent[]; maxRowid: number } {
  const bound = end === null ? '' : 'AND client_time < ?';
  const params = end === null ? [rowid] : [rowid, end];
  return db.transaction(() => {
    const events = db
      .prepare(
        `SELECT id, kind, station_id AS stationId, seq, client_time AS clientTime, subject, NULL AS payload FROM events WHERE rowid > ? ${bound} AND ${FOLD_COUNTS}`,
      )
      .all(...params) as { id: string; kind: string; payload: unknown }[];
    const fields = new Map(
      (
        db
          .prepare(`SELECT id, ${FIELDS_READ} FROM events WHERE kind IN (${KINDS_READ}) AND rowid > ? ${bound}`)
          .raw()
          .all(...params) as [string, string][]
      ).map(([id, json]) => [id, JSON.parse(json) as unknown]),
    );
    if (fields.size > 0) for (const e of events) if (KIND_IS_READ.has(e.kind)) e.payload = fields.get(e.id);
    const maxRowid = (db.prepare('SELECT max(rowid) FROM events').pluck().get() as number | null) ?? 0;
    return { events: events as unknown as ReconEvent[], maxRowid: Math.max(rowid, maxRowid) };
  })();
}

/** Events about one card (their subject) that match, newest first: the changes to residents' records. */
export function cardEventsMatching(
  db: Db,
  f: {
    from: string | null;
    to: string | null;
    staffId: string | null;
    reservationNo: string | null;
    /** One station's events only, or null for every station's held here. */
    stationId?: string | null;
    limit: number;
  },
): { station_id: string; seq: number; client_time: string; actor: string; kind: string; subject: string }[] {
  return db
    .prepare(
      `SELECT station_id, seq, client_time, actor, kind, subject FROM events
        WHERE subject IS NOT NULL AND (@from IS NULL OR client_time >= @from) AND (@to IS NULL OR client_time < @to)
          AND (@stationId IS NULL OR station_id = @stationId)
          AND (@staffId IS NULL OR substr(actor, instr(actor, ':') + 1) = @staffId) AND (@reservationNo IS NULL OR subject = @reservationNo)
        ORDER BY client_time DESC, station_id, seq DESC LIMIT @limit`,
    )
    .all({
      from: f.from,
      to: f.to,
      staffId: f.staffId,
      reservationNo: f.reservationNo,
      stationId: f.stationId ?? null,
      limit: f.limit,
    }) as {
    station_id: string;
    seq: number;
    client_time: string;
    actor: string;
    kind: string;
    subject: string;
  }[];
}
