// The access record (別紙⑦ 第9条(7) 台帳): every look at a resident's data, by whom, when, where.
// What was searched for is never stored: the record names the records shown, not the query.
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import type { AccessAction, ACCOUNT_ACTIONS } from '../../shared/access/access-actions';
import { insertAccessRecord, readAccessRecordRows } from '../db/queries/access-records';
import { writeTransaction } from '../db/transaction';

// Who held the station, and who tried to (issue 14): sessions, wrong PINs, lockouts and their lifting.
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export interface AccessEntry {
  readonly stationId: string;
  readonly actor: string;
  readonly action: AccessAction;
  readonly subject?: string | null;
  /** Counts and ids; `subjects`: the reservation numbers a list showed. */
  readonly detail?: Record<string, string | number | boolean | null | readonly string[]>;
}

export function recordAccess(db: Db, clock: Clock, entry: AccessEntry, at: Date = clock.now()): void {
  // Inside a change's own transaction the row commits with it; a look alone is its own short write.
  if (!db.inTransaction) return writeTransaction(db, () => recordAccess(db, clock, entry, at));
  insertAccessRecord(db, {
    at: at.toISOString(),
    station_id: entry.stationId,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  });
}

/**
 * Where looks at a record (scan, view, search) are noted; changes (handovers …) write theirs in their own
 * transaction. Written before the look's reply, each its own commit: group-committing them after the reply
 * (as an earlier version did, for the reply's speed) lost the looks of the last moments before a crash (38 of
 * 3,567 after kill -9), and a full disk there threw where nobody caught it and stopped the server.
 */
export interface AccessLog {
  record(entry: AccessEntry): void;
}

export function immediateAccessLog(db: Db, clock: Clock): AccessLog {
  return { record: (e) => recordAccess(db, clock, e) };
}

export interface AccessRow {
  readonly seq: number;
  readonly at: string;
  readonly stationId: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string | null;
  readonly detail: Record<string, unknown>;
}

export function readAccessRecords(db: Db): AccessRow[] {
  return readAccessRecordRows(db).map((r) => ({
    seq: r.seq,
    at: r.at,
    stationId: r.station_id,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    detail: JSON.parse(r.detail),
  }));
}
