// The event log (events) as sync reads and fills it: a station's own events to publish, what each station's
// log reaches, and other stations' events taken in from their files.
import type { Db } from '../connection';
import type { StoredEvent } from '../../../shared/events/event';

/** This station's events after the given number, in order, payloads as stored (not re-validated). */
export function ownEventsAfter(db: Db, stationId: string, afterSeq: number): StoredEvent[] {
  const rows = db
    .prepare(
      'SELECT id, station_id, seq, client_time, actor, kind, payload, subject FROM events WHERE station_id = ? AND seq > ? ORDER BY seq',
    )
    .all(stationId, afterSeq) as {
    id: string;
    station_id: string;
    seq: number;
    client_time: string;
    actor: string;
    kind: StoredEvent['kind'];
    payload: string;
    subject: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    stationId: r.station_id,
    seq: r.seq,
    clientTime: r.client_time,
    actor: r.actor,
    kind: r.kind,
    payload: JSON.parse(r.payload),
    subject: r.subject,
  }));
}

/** The highest event number held from each station. */
export function lastSeqByStation(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT station_id, max(seq) AS seq FROM events GROUP BY station_id').all() as {
    station_id: string;
    seq: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.station_id, r.seq]));
}

/** Keeping other stations' events taken in from their files: prepared once for a pull's many files. */
export function foreignEventWriter(db: Db) {
  const insertEvent = db.prepare(
    'INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const eventById = db.prepare('SELECT 1 FROM events WHERE id = ?');
  return {
    /** Keeps the event unless its id, or its station and number, is already held; whether it was kept. */
    insertIfNew: (e: StoredEvent): boolean =>
      insertEvent.run(e.id, e.stationId, e.seq, e.clientTime, e.actor, e.kind, JSON.stringify(e.payload), e.subject).changes === 1,
    /** Whether an event with this id is held. */
    has: (id: string): boolean => eventById.get(id) !== undefined,
  };
}

/** The id of a station's event at a number, if one is held. */
export function eventIdAt(db: Db, stationId: string, seq: number): string | undefined {
  return db.prepare('SELECT id FROM events WHERE station_id = ? AND seq = ?').pluck().get(stationId, seq) as string | undefined;
}
