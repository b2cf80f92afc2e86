// v7: the access record (個人情報取扱台帳) and each station's events are chained by hash as they are written
// (issue 14): an audit with the passphrase dropped the append-only trigger, deleted 52,632 of 52,634 access rows
// and recreated it, and nothing noticed. Rows already held are chained here, in order, so a folder from before
// is checked from its first row on. HQ (and a sibling station) may now flag a file whose access record went back
// or was rewritten; SQLite cannot widen a CHECK in place, so the alerts table is made again with the same rows.
import type { Db } from '../connection';
import { GENESIS, accessDigest, eventDigest, link } from '../../access/chain';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE access_records ADD COLUMN chain TEXT CHECK (chain IS NULL OR length(chain) = 64);
    ALTER TABLE events ADD COLUMN chain TEXT CHECK (chain IS NULL OR length(chain) = 64);
  `);
  // Read whole before writing (a connection cannot write while it steps through a query): once, at the upgrade.
  // The append-only triggers forbid UPDATE, and rightly: they are stepped around for this one backfill.
  db.exec(`
    DROP TRIGGER access_records_are_append_only_update;
    DROP TRIGGER events_are_append_only_update;
  `);
  const setAccess = db.prepare('UPDATE access_records SET chain = ? WHERE seq = ?');
  let at = GENESIS;
  for (const r of db.prepare('SELECT seq, at, station_id, actor, action, subject, detail FROM access_records ORDER BY seq').all()) {
    const row = r as Parameters<typeof accessDigest>[0];
    at = link(at, accessDigest(row));
    setAccess.run(at, row.seq);
  }
  // Every station's events held here are chained per station; from now on only the events this folder writes
  // itself are (others' arrive signed in their files, and the station chains its own).
  const setEvent = db.prepare('UPDATE events SET chain = ? WHERE id = ?');
  let station: string | null = null;
  for (const r of db
    .prepare('SELECT id, station_id, seq, client_time, actor, kind, payload, subject FROM events ORDER BY station_id, seq')
    .all()) {
    const row = r as Parameters<typeof eventDigest>[0];
    if (row.station_id !== station) [station, at] = [row.station_id, GENESIS];
    at = link(at, eventDigest(row));
    setEvent.run(at, row.id);
  }
  db.exec(`
    CREATE TRIGGER access_records_are_append_only_update BEFORE UPDATE ON access_records
      BEGIN SELECT RAISE(ABORT, 'access records are append-only'); END;
    CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

    -- How many searches a person made since a time (the search limits), and who crossed one today.
    CREATE INDEX access_records_by_action ON access_records (action, actor, at);
    -- The lead's page of the record, a day at a time.
    CREATE INDEX access_records_by_time ON access_records (at);

    -- Files published before this step carry the access head of the old, export-time hash: from here on, the head
    -- each file states is the chained row's own, and only those are compared with the record.
    INSERT INTO meta (key, value) SELECT 'access-chain-from-export', coalesce(max(seq), 0) FROM sync_exports;

    CREATE TABLE sync_alerts_v7 (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      at         TEXT NOT NULL,
      station_id TEXT NOT NULL,
      seq        INTEGER,
      kind       TEXT NOT NULL CHECK (kind IN ('equivocation', 'chain-broken', 'event-conflict', 'future-dated',
                                               'access-rewound', 'access-rewritten', 'records-tampered')),
      sha256     TEXT,
      detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
      UNIQUE (station_id, seq, kind, sha256)
    ) STRICT;
    INSERT INTO sync_alerts_v7 (id, at, station_id, seq, kind, sha256, detail)
      SELECT id, at, station_id, seq, kind, sha256, detail FROM sync_alerts;
    DROP TABLE sync_alerts;
    ALTER TABLE sync_alerts_v7 RENAME TO sync_alerts;
  `);
}
