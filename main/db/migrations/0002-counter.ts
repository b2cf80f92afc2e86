// v2: the counter. Events name the card they are about (subject) so a card's state is one indexed read of
// its own history; staff accounts sign in with a PIN; the access record (別紙⑦ 台帳) notes who looked at whom.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE events ADD COLUMN subject TEXT;
    CREATE INDEX events_by_subject ON events (subject) WHERE subject IS NOT NULL;
    CREATE INDEX events_by_kind ON events (kind, client_time);
    -- Search without a barcode filters on birth date first (exact), then on the kana/name prefix.
    CREATE INDEX ledger_cards_by_birth_date ON ledger_cards (birth_date, kana);

    CREATE TABLE staff (
      staff_id        TEXT PRIMARY KEY,
      display_name    TEXT NOT NULL,
      role            TEXT NOT NULL CHECK (role IN ('clerk', 'lead', 'hq')),
      pin_hash        TEXT NOT NULL,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until    TEXT,
      active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    ) STRICT;

    -- Who looked at which resident's record, when, from which station. Never the search terms themselves.
    CREATE TABLE access_records (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      at         TEXT NOT NULL,
      station_id TEXT NOT NULL,
      actor      TEXT NOT NULL,
      action     TEXT NOT NULL,
      subject    TEXT,
      detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
    ) STRICT;
    CREATE TRIGGER access_records_are_append_only_update BEFORE UPDATE ON access_records
      BEGIN SELECT RAISE(ABORT, 'access records are append-only'); END;
    CREATE TRIGGER access_records_are_append_only_delete BEFORE DELETE ON access_records
      BEGIN SELECT RAISE(ABORT, 'access records are append-only'); END;

    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
