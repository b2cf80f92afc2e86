// v3: headquarters' record of every ledger it built (各会場送付台帳), rows included, so HQ can print a
// venue's ledger with its 控え (別紙③ 2④) and account for every card it shipped. HQ's data folder fills
// these; a venue's folder leaves them empty (its own cards are in ledger_cards).
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE hq_ledgers (
      shipment_id    TEXT NOT NULL,
      venue          TEXT NOT NULL CHECK (venue IN ('honchosha', 'sogo', 'toyosu')),
      file_sha256    TEXT NOT NULL UNIQUE,
      created_at     TEXT NOT NULL,
      row_count      INTEGER NOT NULL CHECK (row_count >= 0),
      built_event_id TEXT NOT NULL REFERENCES events(id),
      PRIMARY KEY (shipment_id, venue)
    ) STRICT;

    -- A reservation number is shipped once, ward-wide: a second shipment of the same card is refused at HQ,
    -- before any venue has to refuse its ledger.
    CREATE TABLE hq_cards (
      reservation_no TEXT PRIMARY KEY,
      shipment_id    TEXT NOT NULL,
      venue          TEXT NOT NULL,
      name           TEXT NOT NULL,
      kana           TEXT NOT NULL,
      birth_date     TEXT NOT NULL,
      address        TEXT NOT NULL,
      town           TEXT NOT NULL,
      chome          INTEGER,
      notice_type    TEXT NOT NULL CHECK (notice_type IN ('通常', '再発行')),
      shipped_on     TEXT NOT NULL,
      FOREIGN KEY (shipment_id, venue) REFERENCES hq_ledgers (shipment_id, venue)
    ) STRICT;
    CREATE INDEX hq_cards_by_ledger ON hq_cards (shipment_id, venue);
  `);
}
