// Appending to and reading the event log. Callers wrap appends in their own transaction so the event
// and the state it explains commit together.
import { randomBytes } from 'node:crypto';
import type { Db } from './connection';
import { EventPayloads, isEventKind, type EventKind, type EventPayload, type StoredEvent } from '../../shared/events/event';
import type { Clock } from '../clock';
import { GENESIS, eventDigest, link, type EventColumns } from '../access/chain';

export interface AppendEvent<K extends EventKind> {
  readonly stationId: string;
  readonly actor: string;
  readonly kind: K;
  readonly payload: EventPayload<K>;
  readonly subject?: string | null;
}

export function appendEvent<K extends EventKind>(db: Db, clock: Clock, event: AppendEvent<K>): StoredEvent<K> {
  if (!db.inTransaction) throw new Error('appendEvent must run inside a transaction');
  const payload = EventPayloads[event.kind].parse(event.payload) as EventPayload<K>;
  const last = db
    .prepare('SELECT seq, client_time, chain FROM events WHERE station_id = ? ORDER BY seq DESC LIMIT 1')
    .get(event.stationId) as { seq: number; client_time: string; chain: string | null } | undefined;
  // A station's clock may be set back (a PC resynchronised with the ward's time server): its events must still
  // read in the order they happened, so their time never goes backwards within the station.
  const now = clock.now().toISOString();
  const stored: StoredEvent<K> = {
    id: randomBytes(16).toString('hex'),
    stationId: event.stationId,
    seq: (last?.seq ?? 0) + 1,
    clientTime: last && last.client_time > now ? last.client_time : now,
    actor: event.actor,
    kind: event.kind,
    payload,
    subject: event.subject ?? null,
  };
  insertChained(db, stored, JSON.stringify(payload), last?.chain ?? null);
  return stored;
}

/**
 * Takes back one of the station's own events as a sync file it published carries it (a restore after the disk was
 * lost): the same id, number and time, next after the last held, chained on from there.
 */
export function reclaimOwnEvent(db: Db, event: StoredEvent): void {
  if (!db.inTransaction) throw new Error('reclaimOwnEvent must run inside a transaction');
  const last = db.prepare('SELECT seq, chain FROM events WHERE station_id = ? ORDER BY seq DESC LIMIT 1').get(event.stationId) as
    { seq: number; chain: string | null } | undefined;
  if (event.seq !== (last?.seq ?? 0) + 1) throw new Error(`event ${event.seq} does not follow ${last?.seq ?? 0}`);
  insertChained(db, event, JSON.stringify(event.payload), last?.chain ?? null);
}

function insertChained(db: Db, e: StoredEvent, payload: string, previous: string | null): void {
  const row: EventColumns = {
    id: e.id,
    station_id: e.stationId,
    seq: e.seq,
    client_time: e.clientTime,
    actor: e.actor,
    kind: e.kind,
    payload,
    subject: e.subject,
  };
  // Chained to the station's previous event in this same transaction (main/access/chain.ts).
  db.prepare(
    'INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload, subject, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    row.id,
    row.station_id,
    row.seq,
    row.client_time,
    row.actor,
    row.kind,
    row.payload,
    row.subject,
    link(previous ?? GENESIS, eventDigest(row)),
  );
}

type EventRow = EventColumns;

/** Every event in (station, seq) order, each payload re-validated: the log is the source of truth. */
export function readEvents(db: Db, kind?: EventKind): StoredEvent[] {
  const rows = (
    kind
      ? db.prepare('SELECT * FROM events WHERE kind = ? ORDER BY station_id, seq').all(kind)
      : db.prepare('SELECT * FROM events ORDER BY station_id, seq').all()
  ) as EventRow[];
  return rows.map(toEvent);
}

/** The histories of several cards at once, each oldest first. */
export function readSubjectsEvents(db: Db, subjects: readonly string[]): StoredEvent[] {
  if (subjects.length === 0) return [];
  const marks = subjects.map(() => '?').join(',');
  const rows = db
    .prepare(`SELECT * FROM events WHERE subject IN (${marks}) ORDER BY client_time, station_id, seq`)
    .all(...subjects) as EventRow[];
  return rows.map(toEvent);
}

function toEvent(r: EventRow): StoredEvent {
  {
    if (!isEventKind(r.kind)) throw new Error(`event ${r.id} has a kind this version does not know: ${r.kind}`);
    return {
      id: r.id,
      stationId: r.station_id,
      seq: r.seq,
      clientTime: r.client_time,
      actor: r.actor,
      kind: r.kind,
      payload: EventPayloads[r.kind].parse(JSON.parse(r.payload)),
      subject: r.subject,
    } as StoredEvent;
  }
}
