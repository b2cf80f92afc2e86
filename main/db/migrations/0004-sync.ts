// v4: daily sync. A station keeps its sync keys and every file it published (the exact bytes, so a file lost
// before it reached the outbox is written again identically, never re-made under the same number). HQ — and a
// venue lead's station for its siblings — keeps the stations it trusts and every file it took in. The events
// themselves go into `events`, whose (id) and (station_id, seq) keys make a second copy a no-op.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    -- Keys made at provisioning (signing key, HQ's inbox key, TLS identity). The database is encrypted at rest.
    CREATE TABLE sync_keys (
      name  TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Whom a station seals its files to: HQ's inbox key and the venue's own key (for the lead's station).
    CREATE TABLE sync_recipients (
      key_id      TEXT PRIMARY KEY,
      role        TEXT NOT NULL CHECK (role IN ('hq', 'venue')),
      public_key  TEXT NOT NULL,
      tls_fingerprint TEXT
    ) STRICT;

    -- What this station published: one row per file, numbered without gaps from 1.
    CREATE TABLE sync_exports (
      seq               INTEGER PRIMARY KEY CHECK (seq >= 1),
      business_date     TEXT NOT NULL,
      sha256            TEXT NOT NULL UNIQUE,
      through_event_seq INTEGER NOT NULL,
      -- The access record's head at the file: its last seq and a hash chained over every entry since file 1.
      access_seq        INTEGER NOT NULL,
      access_sha256     TEXT NOT NULL,
      created_at        TEXT NOT NULL,
      bytes             BLOB NOT NULL
    ) STRICT;

    -- Stations whose files this folder accepts (HQ: every station; a lead's station: its venue's others).
    CREATE TABLE sync_stations (
      station_id         TEXT PRIMARY KEY,
      venue              TEXT NOT NULL CHECK (venue IN ('honchosha', 'sogo', 'toyosu')),
      signing_key_id     TEXT NOT NULL UNIQUE,
      signing_public_key TEXT NOT NULL,
      tls_fingerprint    TEXT,
      source             TEXT,
      registered_at      TEXT NOT NULL
    ) STRICT;

    -- Every file taken in, by station and number; its claimed counts and what it knew, for consolidation.
    CREATE TABLE sync_files (
      station_id    TEXT NOT NULL REFERENCES sync_stations(station_id),
      seq           INTEGER NOT NULL CHECK (seq >= 1),
      sha256        TEXT NOT NULL UNIQUE,
      prev_sha256   TEXT,
      business_date TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      claimed       TEXT NOT NULL CHECK (json_valid(claimed)),
      access_head   TEXT CHECK (access_head IS NULL OR json_valid(access_head)),
      event_count   INTEGER NOT NULL,
      received_at   TEXT NOT NULL,
      PRIMARY KEY (station_id, seq)
    ) STRICT;

    -- HQ's own count of the cards J-LIS delivered for a shipment (受領数), to hold against what it shipped.
    CREATE TABLE hq_jlis_counts (
      shipment_id TEXT PRIMARY KEY,
      cards       INTEGER NOT NULL CHECK (cards >= 0),
      recorded_at TEXT NOT NULL,
      actor       TEXT NOT NULL
    ) STRICT;

    -- What a person must look at: two different files under one number (equivocation), a broken chain.
    CREATE TABLE sync_alerts (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      at         TEXT NOT NULL,
      station_id TEXT NOT NULL,
      seq        INTEGER,
      kind       TEXT NOT NULL CHECK (kind IN ('equivocation', 'chain-broken', 'event-conflict')),
      sha256     TEXT,
      detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
      UNIQUE (station_id, seq, kind, sha256)
    ) STRICT;
  `);
}
