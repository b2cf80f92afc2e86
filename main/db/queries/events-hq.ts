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
