// The access record (access_records): one row per look at or use of a resident's data.
import type { Db } from '../connection';
import { GENESIS, accessDigest, link, type AccessColumns } from '../../access/chain';

/** A row as stored (detail as JSON text). */
export type AccessRecordRow = AccessColumns;

/**
 * Appends a row chained to the one before it. The caller holds a write transaction, so the last row read here is
 * still the last when this one is written (two processes appending at once would otherwise share a link).
 */
export function insertAccessRecord(db: Db, row: Omit<AccessRecordRow, 'seq'>): void {
  if (!db.inTransaction) throw new Error('insertAccessRecord must run inside a write transaction');
  const last = db.prepare('SELECT seq, chain FROM access_records ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; chain: string | null } | undefined;
  // Numbered here, not by AUTOINCREMENT, because the number is part of what is chained.
  const full = { ...row, seq: (last?.seq ?? 0) + 1 };
  db.prepare('INSERT INTO access_records (seq, at, station_id, actor, action, subject, detail, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    full.seq,
    full.at,
    full.station_id,
    full.actor,
    full.action,
    full.subject,
    full.detail,
    link(last?.chain ?? GENESIS, accessDigest(full)),
  );
}

/** Every row, oldest first. */
export function readAccessRecordRows(db: Db): AccessRecordRow[] {
  return db
    .prepare('SELECT seq, at, station_id, actor, action, subject, detail FROM access_records ORDER BY seq')
    .all() as AccessRecordRow[];
}

/** How many rows of this action one person wrote since a time (an indexed range: the search limits ask per search). */
export function countActionsSince(db: Db, action: string, actor: string, sinceIso: string): number {
  return (
    db.prepare('SELECT count(*) AS n FROM access_records WHERE action = ? AND actor = ? AND at >= ?').get(action, actor, sinceIso) as {
      n: number;
    }
  ).n;
}

/** Per person, the last row of this action since a time and how many there were. */
export function lastActionsSince(db: Db, action: string, sinceIso: string): { actor: string; at: string; times: number }[] {
  return db
    .prepare('SELECT actor, max(at) AS at, count(*) AS times FROM access_records WHERE action = ? AND at >= ? GROUP BY actor ORDER BY at')
    .all(action, sinceIso) as { actor: string; at: string; times: number }[];
}

/** The rows of these actions, oldest first (a station's backups and their checks: a few a day). */
export function accessRowsOfActions(db: Db, actions: readonly string[]): AccessRecordRow[] {
  return db
    .prepare(
      `SELECT seq, at, station_id, actor, action, subject, detail FROM access_records WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY seq`,
    )
    .all(...actions) as AccessRecordRow[];
}

export interface RecordUseFilter {
  /** Tokyo-day bounds (ISO), or null for every day (only with a resident). */
  readonly from: string | null;
  readonly to: string | null;
  readonly staffId: string | null;
  readonly reservationNo: string | null;
  readonly limit: number;
}

/**
 * The access record's rows that match, newest first: by the staff id in its actor (`clerk:c01`), by a resident
 * named as its subject or among the reservation numbers a list showed (detail.subjects), within a day. The lead's
 * own views of this record match a resident only when they asked for that resident: a day's view lists everyone
 * on it, and a resident's history was mostly the lead's browsing.
 */
export function accessRowsMatching(db: Db, f: RecordUseFilter): AccessRecordRow[] {
  return db
    .prepare(
      `SELECT seq, at, station_id, actor, action, subject, detail FROM access_records
        WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
          AND (@staffId IS NULL OR substr(actor, instr(actor, ':') + 1) = @staffId)
          AND (@reservationNo IS NULL OR subject = @reservationNo
               OR (action <> 'access-view' AND EXISTS (SELECT 1 FROM json_each(detail, '$.subjects') WHERE value = @reservationNo)))
        ORDER BY seq DESC LIMIT @limit`,
    )
    .all({ from: f.from, to: f.to, staffId: f.staffId, reservationNo: f.reservationNo, limit: f.limit }) as AccessRecordRow[];
}
