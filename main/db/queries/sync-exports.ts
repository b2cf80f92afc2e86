// The sync files this station published (sync_exports): one row per file, numbered without gaps, its exact bytes.
import type { Db } from '../connection';

export interface ExportHead {
  seq: number;
  sha256: string;
  /** The station's last event the file carried. */
  through_event_seq: number;
  access_seq: number;
  access_sha256: string;
}

export interface ExportRow extends ExportHead {
  business_date: string;
  created_at: string;
  bytes: Uint8Array;
}

/** The last file published: where the next one continues from (its number, hash, events and access head). */
export function lastExportHead(db: Db): ExportHead | undefined {
  return db
    .prepare('SELECT seq, sha256, through_event_seq, access_seq, access_sha256 FROM sync_exports ORDER BY seq DESC LIMIT 1')
    .get() as ExportHead | undefined;
}

/** The last file published, as support reads it: its number, business day and when it was made. */
export function lastExportSummary(db: Db): { seq: number; businessDate: string; createdAt: string } | undefined {
  return db
    .prepare('SELECT seq, business_date AS businessDate, created_at AS createdAt FROM sync_exports ORDER BY seq DESC LIMIT 1')
    .get() as { seq: number; businessDate: string; createdAt: string } | undefined;
}

/** Records a file as published, with its exact bytes. */
export function insertExport(db: Db, row: ExportRow): void {
  db.prepare(
    'INSERT INTO sync_exports (seq, business_date, sha256, through_event_seq, access_seq, access_sha256, created_at, bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.seq, row.business_date, row.sha256, row.through_event_seq, row.access_seq, row.access_sha256, row.created_at, row.bytes);
}

/** Every published file's number and size in bytes, in order. */
export function exportSizes(db: Db): { seq: number; size: number }[] {
  return db.prepare('SELECT seq, length(bytes) AS size FROM sync_exports ORDER BY seq').all() as { seq: number; size: number }[];
}

/** Each file this station published, when (the retention plan lists each until it is gone). */
export function exportedFiles(db: Db): { seq: number; createdAt: string }[] {
  return db.prepare('SELECT seq, created_at AS createdAt FROM sync_exports ORDER BY seq').all() as { seq: number; createdAt: string }[];
}

/** The exact bytes of a published file (the number must be one published). */
export function exportBytes(db: Db, seq: number): Buffer {
  return (db.prepare('SELECT bytes FROM sync_exports WHERE seq = ?').get(seq) as { bytes: Buffer }).bytes;
}
