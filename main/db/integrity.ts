// What opening a folder asks of the database itself: is every page readable and every b-tree whole, and how far
// its two append-only logs reach. Both are read before anything is written to it (migrations, meta).
import type { Db } from './connection';

/**
 * SQLite's quick_check, stopped at the first problem: null when the database is whole, else what SQLite found
 * (page numbers, no records). It reads every page of every table and index (≈0.1–0.2 s for a 40,000-card
 * folder), so a page the cipher cannot authenticate is found here and not by the counter in the middle of the
 * day. A page so damaged that SQLite stops outright throws SQLITE_CORRUPT instead, as any read would.
 */
export function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
  const said = rows.map((r) => r.quick_check).join('\n');
  return said === 'ok' ? null : said;
}

export interface LogHeads {
  /** The events' highest rowid: they are never deleted (a trigger forbids it), so it counts every event held. */
  readonly events: number;
  /** The access records' highest seq, likewise never deleted. */
  readonly accessRecords: number;
}

/** How far the event log and the access record reach; 0 for a table not made yet (a database just created). */
export function logHeads(db: Db): LogHeads {
  const tables = new Set(
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'access_records')`).pluck().all() as string[],
  );
  const max = (sql: string) => Number(db.prepare(sql).pluck().get() ?? 0);
  return {
    events: tables.has('events') ? max('SELECT max(rowid) FROM events') : 0,
    accessRecords: tables.has('access_records') ? max('SELECT max(seq) FROM access_records') : 0,
  };
}

/** logHeads for an open store whose tables exist, its statements prepared once: read after every reply. */
export function logHeadsReader(db: Db): () => LogHeads {
  const events = db.prepare('SELECT coalesce(max(rowid), 0) FROM events').pluck();
  const access = db.prepare('SELECT coalesce(max(seq), 0) FROM access_records').pluck();
  return () => ({ events: Number(events.get()), accessRecords: Number(access.get()) });
}
