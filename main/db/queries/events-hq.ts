// The event log (events) as headquarters reads it: the merged logs of a venue's stations, for reconciliation.
import type { Db } from '../connection';
import type { EventKind } from '../../../shared/events/event';
import type { ReconEvent } from '../../../shared/reconciliation/reconcile';

interface EventRow {
  id: string;
  station_id: string;
  seq: number;
  client_time: string;
  kind: string;
  subject: string | null;
  payload: string | null;
}

/**
 * These stations' events, merged in time order (station and number breaking ties), with the payload of only
 * the given kinds (null for the rest).
 */
export function stationsEvents(db: Db, stationIds: readonly string[], payloadKinds: ReadonlySet<EventKind>): ReconEvent[] {
  if (stationIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT id, station_id, seq, client_time, kind, subject, CASE WHEN kind IN (${[...payloadKinds].map((k) => `'${k}'`).join(',')}) THEN payload END AS payload FROM events WHERE station_id IN (${stationIds.map(() => '?').join(',')}) ORDER BY client_time, station_id, seq`,
    )
    .all(...stationIds) as EventRow[];
  // Most events are handovers whose payload nothing reads: parse only the kinds whose payload counts.
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    stationId: e.station_id,
    seq: e.seq,
    clientTime: e.client_time,
    subject: e.subject,
    payload: e.payload === null ? null : JSON.parse(e.payload),
  }));
}

/** Every ledger import the stations sent (their 預り証): who, where, when, and which file, oldest first. */
export function ledgerImportEvents(db: Db): { stationId: string; actor: string; at: string; payload: string }[] {
  return db
    .prepare(
      "SELECT station_id AS stationId, actor, client_time AS at, payload FROM events WHERE kind = 'ledger.imported' ORDER BY client_time",
    )
    .all() as { stationId: string; actor: string; at: string; payload: string }[];
}
