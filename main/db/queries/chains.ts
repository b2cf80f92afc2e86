// The chained records (access_records, a station's own events) as the check reads them: every row with its
// stored link, and what else in the folder witnesses how far each record reached.
import type { Db } from '../connection';
import type { AccessColumns, EventColumns } from '../../access/chain';

export interface ChainedAccessRow extends AccessColumns {
  chain: string | null;
}

export interface ChainedEventRow extends EventColumns {
  chain: string | null;
}

/** The access record, oldest first, one row at a time (a year's record need not sit in memory). */
export function iterateAccessChain(db: Db): IterableIterator<ChainedAccessRow> {
  return db
    .prepare('SELECT seq, at, station_id, actor, action, subject, detail, chain FROM access_records ORDER BY seq')
    .iterate() as IterableIterator<ChainedAccessRow>;
}

/** One station's events, oldest first. */
export function iterateEventChain(db: Db, stationId: string): IterableIterator<ChainedEventRow> {
  return db
    .prepare('SELECT id, station_id, seq, client_time, actor, kind, payload, subject, chain FROM events WHERE station_id = ? ORDER BY seq')
    .iterate(stationId) as IterableIterator<ChainedEventRow>;
}

/** The access row at this number: its link, or undefined when there is none. */
export function accessChainAt(db: Db, seq: number): string | null | undefined {
  const row = db.prepare('SELECT chain FROM access_records WHERE seq = ?').get(seq) as { chain: string | null } | undefined;
  return row?.chain;
}

/** The access record's last row: its number and link. */
export function accessChainHead(db: Db): { seq: number; chain: string | null } | undefined {
  return db.prepare('SELECT seq, chain FROM access_records ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; chain: string | null } | undefined;
}

/** The digests' rows after a number, oldest first (what a sync file's checkpoint is laid over). */
export function accessRowsAfter(db: Db, afterSeq: number): ChainedAccessRow[] {
  return db
    .prepare('SELECT seq, at, station_id, actor, action, subject, detail, chain FROM access_records WHERE seq > ? ORDER BY seq')
    .all(afterSeq) as ChainedAccessRow[];
}

/**
 * The highest access number SQLite ever handed out (sqlite_sequence, kept by AUTOINCREMENT even when rows are
 * deleted): a record ending below it lost its last rows.
 */
export function accessHighWater(db: Db): number {
  const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'access_records'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** What each sync file this station published said of its records: the number reached, the access link then. */
export function publishedHeads(db: Db): { seq: number; through_event_seq: number; access_seq: number; access_sha256: string }[] {
  return db.prepare('SELECT seq, through_event_seq, access_seq, access_sha256 FROM sync_exports ORDER BY seq').all() as {
    seq: number;
    through_event_seq: number;
    access_seq: number;
    access_sha256: string;
  }[];
}
