// v6: HQ (and a sibling station) flags a sync file holding times in its own future, `future-dated`: a station
// whose clock ran ahead (issue 13), whose events would otherwise count toward days that have not come. The
// file is still taken in (nothing it recorded is lost); a person is told. SQLite cannot widen a CHECK in place,
// so the table is made again with the same rows.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE sync_alerts_v6 (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      at         TEXT NOT NULL,
      station_id TEXT NOT NULL,
      seq        INTEGER,
      kind       TEXT NOT NULL CHECK (kind IN ('equivocation', 'chain-broken', 'event-conflict', 'future-dated')),
      sha256     TEXT,
      detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
      UNIQUE (station_id, seq, kind, sha256)
    ) STRICT;
    INSERT INTO sync_alerts_v6 (id, at, station_id, seq, kind, sha256, detail)
      SELECT id, at, station_id, seq, kind, sha256, detail FROM sync_alerts;
    DROP TABLE sync_alerts;
    ALTER TABLE sync_alerts_v6 RENAME TO sync_alerts;
  `);
}
