// The access record (access_records): one row per look at or use of a resident's data.
import type { Db } from '../connection';

export interface AccessRecordRow {
  seq: number;
  at: string;
  station_id: string;
  actor: string;
  action: string;
  subject: string | null;
  /** JSON text. */
  detail: string;
}

export function insertAccessRecord(db: Db, row: Omit<AccessRecordRow, 'seq'>): void {
  db.prepare('INSERT INTO access_records (at, station_id, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.at,
    row.station_id,
    row.actor,
    row.action,
    row.subject,
    row.detail,
  );
}

/** Every row, oldest first. */
export function readAccessRecordRows(db: Db): AccessRecordRow[] {
  return db.prepare('SELECT * FROM access_records ORDER BY seq').all() as AccessRecordRow[];
}
