// The access record (別紙⑦ 第9条(7) 台帳): every look at a resident's data, by whom, when, where.
// What was searched for is never stored: the record names the records shown, not the query.
import type { Db } from '../db/connection';
import type { Clock } from '../clock';

export type AccessAction = 'scan-view' | 'search' | 'record-view' | 'handover' | 'refusal' | 'undo' | 'ledger-import';

export interface AccessEntry {
  readonly stationId: string;
  readonly actor: string;
  readonly action: AccessAction;
  readonly subject?: string | null;
  readonly detail?: Record<string, string | number | boolean | null>;
}

export function recordAccess(db: Db, clock: Clock, entry: AccessEntry): void {
  db.prepare('INSERT INTO access_records (at, station_id, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    clock.now().toISOString(),
    entry.stationId,
    entry.actor,
    entry.action,
    entry.subject ?? null,
    JSON.stringify(entry.detail ?? {}),
  );
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
  const rows = db.prepare('SELECT * FROM access_records ORDER BY seq').all() as {
    seq: number; at: string; station_id: string; actor: string; action: string; subject: string | null; detail: string;
  }[];
  return rows.map((r) => ({ seq: r.seq, at: r.at, stationId: r.station_id, actor: r.actor, action: r.action, subject: r.subject, detail: JSON.parse(r.detail) }));
}
