// Adds a kind to sync_alerts' CHECK by remaking the table from its own current definition (SQLite cannot widen a
// CHECK in place): other migrations of the same release may widen it too, and a fixed list would drop theirs.
// Rows keep their ids; the table's indexes are made again.
import type { Db } from '../connection';

export function widenAlertKinds(db: Db, kind: string): void {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sync_alerts'").pluck().get() as string;
  const widened = sql
    .replace(/^CREATE TABLE "?sync_alerts"?/, 'CREATE TABLE sync_alerts_widened')
    .replace(/kind IN \(([^)]*)\)/, (_all, kinds: string) => `kind IN (${kinds}, '${kind}')`);
  if (widened === sql || !widened.includes(`'${kind}'`)) throw new Error('sync_alerts: unexpected definition');
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sync_alerts' AND sql IS NOT NULL")
    .pluck()
    .all() as string[];
  db.exec(`
    ${widened};
    INSERT INTO sync_alerts_widened SELECT * FROM sync_alerts;
    DROP TABLE sync_alerts;
    ALTER TABLE sync_alerts_widened RENAME TO sync_alerts;
  `);
  for (const index of indexes) db.exec(index);
}
