// The access record (別紙⑦ 第9条(7) 台帳): every look at a resident's data, by whom, when, where.
// What was searched for is never stored: the record names the records shown, not the query.
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { insertAccessRecord, readAccessRecordRows } from '../db/queries/access-records';

type AccessAction = 'scan-view' | 'search' | 'record-view' | 'handover' | 'refusal' | 'undo' | 'ledger-import' | 'print' | 'export';

export interface AccessEntry {
  readonly stationId: string;
  readonly actor: string;
  readonly action: AccessAction;
  readonly subject?: string | null;
  readonly detail?: Record<string, string | number | boolean | null>;
}

export function recordAccess(db: Db, clock: Clock, entry: AccessEntry, at: Date = clock.now()): void {
  insertAccessRecord(db, {
    at: at.toISOString(),
    station_id: entry.stationId,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  });
}

/** Where looks at a record (scan, view, search) are noted. Changes (handovers …) write theirs in their own transaction. */
export interface AccessLog {
  record(entry: AccessEntry): void;
  flush(): void;
}

export function immediateAccessLog(db: Db, clock: Clock): AccessLog {
  return { record: (e) => recordAccess(db, clock, e), flush: () => {} };
}

/**
 * Group commit for the counter: the clerk sees the outcome without waiting for the record's fsync; the
 * record is written (durably, synchronous=FULL) right after the reply, all pending entries in one commit.
 * Each entry keeps the time of the look itself.
 */
export function groupCommitAccessLog(db: Db, clock: Clock, schedule: (fn: () => void) => void = setImmediate): AccessLog {
  let pending: { entry: AccessEntry; at: Date }[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    db.transaction(() => {
      for (const p of batch) recordAccess(db, clock, p.entry, p.at);
    })();
  };
  return {
    record(entry) {
      if (pending.length === 0) schedule(flush);
      pending.push({ entry, at: clock.now() });
    },
    flush,
  };
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
