// v9: HQ (or a venue lead's station) revokes a registered station whose keys are lost (issue 14): the files it
// took in before stay; any file signed by the station's key offered later is refused and kept as an alert
// (`revoked-station`), since only someone holding the lost key could have signed it. The station's row keeps
// when, why and by whom, and the last file number held then.
//
// The alert kinds are widened by remaking sync_alerts from its own current definition (SQLite cannot widen a
// CHECK in place): other migrations of the same release may widen it too, and a fixed list here would drop
// their kinds.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE sync_stations ADD COLUMN revoked_at TEXT;
    ALTER TABLE sync_stations ADD COLUMN revoked_reason TEXT CHECK (revoked_reason IS NULL OR length(revoked_reason) BETWEEN 1 AND 200);
    ALTER TABLE sync_stations ADD COLUMN revoked_by TEXT;
    ALTER TABLE sync_stations ADD COLUMN revoked_after_seq INTEGER CHECK (revoked_after_seq IS NULL OR revoked_after_seq >= 0);
  `);
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sync_alerts'").pluck().get() as string;
  const widened = sql
    .replace(/^CREATE TABLE "?sync_alerts"?/, 'CREATE TABLE sync_alerts_v9')
    .replace(/kind IN \(([^)]*)\)/, (_all, kinds: string) => `kind IN (${kinds}, 'revoked-station')`);
  if (widened === sql || !widened.includes("'revoked-station'")) throw new Error('sync_alerts: unexpected definition');
  const indexes = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sync_alerts' AND sql IS NOT NULL")
    .pluck()
    .all() as string[];
  db.exec(`
    ${widened};
    INSERT INTO sync_alerts_v9 SELECT * FROM sync_alerts;
    DROP TABLE sync_alerts;
    ALTER TABLE sync_alerts_v9 RENAME TO sync_alerts;
  `);
  for (const index of indexes) db.exec(index);
}
