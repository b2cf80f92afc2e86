// The folder's facts (meta): which site and station the database belongs to (written once when created), and
// HQ's signing key as the folder pinned it.
import type { Db } from '../connection';
import { writeTransaction } from '../transaction';

export function readMeta(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function writeMeta(db: Db, entries: Record<string, string>): void {
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  writeTransaction(db, () => {
    for (const [key, value] of Object.entries(entries)) put.run(key, value);
  });
}

/** One fact about the folder, if set. */
export function metaValue(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? undefined;
}

/** Sets one fact that may change over the folder's life (HQ's pinned key moves when HQ rotates it). */
export function putMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Every fact whose key starts with `prefix`, by key. */
export function metaWithPrefix(db: Db, prefix: string): { key: string; value: string }[] {
  return db.prepare('SELECT key, value FROM meta WHERE substr(key, 1, length(?)) = ? ORDER BY key').all(prefix, prefix) as {
    key: string;
    value: string;
  }[];
}

/** Sets meta entries, replacing what was there (the caller holds the write transaction). */
export function replaceMeta(db: Db, entries: Record<string, string>): void {
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(entries)) put.run(key, value);
}
