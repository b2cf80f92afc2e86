// v8: an account locked until someone unlocks it (issue 14). After 15 wrong PINs in a row an account no longer
// unlocks by itself; `failed_attempts` now runs on through timed locks (it used to restart at 0 after each,
// which allowed ≈1,440 guesses a day), so only this flag is new.
import type { Db } from '../connection';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE staff ADD COLUMN unlock_required INTEGER NOT NULL DEFAULT 0 CHECK (unlock_required IN (0, 1));
  `);
}
