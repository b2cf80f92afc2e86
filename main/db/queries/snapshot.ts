// A whole database at one moment, and the check of every page: what a backup is made and checked with.
import type { Db } from '../connection';

/**
 * VACUUM INTO: a consistent snapshot taken in one read transaction while other connections go on writing, written
 * through the same cipher and key as the database (SQLite3 Multiple Ciphers), so the copy is as encrypted as the
 * original. The file must not exist yet.
 */
export function snapshotInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** SQLite's integrity check: 'ok', or the first problems found (each page read, so each page's tag checked). */
export function integrityCheck(db: Db): string {
  return String(db.pragma('integrity_check', { simple: true }));
}
