// v5: what each registered station is called at its venue (its `station-label`, 窓口1), as its latest sync file
// says, so HQ and sibling stations name it 本庁舎 窓口1 rather than by its id. label_seq is the file that said
// it: files arrive in any order, and an older file must not undo a newer name.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE sync_stations ADD COLUMN label TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 40);
    ALTER TABLE sync_stations ADD COLUMN label_seq INTEGER CHECK (label_seq IS NULL OR label_seq >= 1);
  `);
}
