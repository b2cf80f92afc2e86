// The folder's identity (meta): which site and station the database belongs to, written once when created.
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
