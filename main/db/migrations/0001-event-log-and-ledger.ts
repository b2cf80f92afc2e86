// v1: the append-only event log every later record rides on, and the shipment ledger a venue imports.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    -- Facts about this data folder: which venue it serves, which station it is.
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Append-only: state (handed over, received, corrected …) is derived from here, never stored as counters.
    -- (station_id, seq) orders one station's history; id is a random 128-bit nonce that makes merges idempotent.
    CREATE TABLE events (
      id          TEXT PRIMARY KEY CHECK (length(id) = 32),
      station_id  TEXT NOT NULL,
      seq         INTEGER NOT NULL CHECK (seq >= 1),
      client_time TEXT NOT NULL,
      actor       TEXT NOT NULL,
      kind        TEXT NOT NULL,
      payload     TEXT NOT NULL CHECK (json_valid(payload)),
      UNIQUE (station_id, seq)
    ) STRICT;
    CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

    -- One row per imported shipment ledger (各会場送付台帳), from its signed header.
    CREATE TABLE shipments (
      shipment_id       TEXT PRIMARY KEY,
      venue             TEXT NOT NULL,
      file_sha256       TEXT NOT NULL UNIQUE,
      created_at        TEXT NOT NULL,
      row_count         INTEGER NOT NULL,
      imported_event_id TEXT NOT NULL REFERENCES events(id)
    ) STRICT;

    -- The cards shipped to this venue: the ledger rows, reference data for the counter.
    CREATE TABLE ledger_cards (
      reservation_no TEXT PRIMARY KEY,
      shipment_id    TEXT NOT NULL REFERENCES shipments(shipment_id),
      name           TEXT NOT NULL,
      kana           TEXT NOT NULL,
      birth_date     TEXT NOT NULL,
      address        TEXT NOT NULL,
      town           TEXT NOT NULL,
      chome          INTEGER,
      notice_type    TEXT NOT NULL CHECK (notice_type IN ('通常', '再発行')),
      shipped_on     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ledger_cards_by_shipment ON ledger_cards (shipment_id);
    CREATE INDEX ledger_cards_by_kana ON ledger_cards (kana, birth_date);

    -- Cards the same shipments sent to other venues: number and venue only, to send a resident on.
    CREATE TABLE routing_directory (
      reservation_no TEXT PRIMARY KEY,
      venue          TEXT NOT NULL,
      shipment_id    TEXT NOT NULL REFERENCES shipments(shipment_id)
    ) STRICT;
  `);
}
