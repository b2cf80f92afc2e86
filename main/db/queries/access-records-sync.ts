// The access record (access_records) as sync reads it, to chain its head into each sync file.
import type { Db } from '../connection';

/**
 * The entries after this one, oldest first, each as its column values in order (seq, at, station_id, actor,
 * action, subject, detail): the form their hash is chained over, so it must not change.
 */
export function accessEntriesAfter(db: Db, afterSeq: number): unknown[][] {
  return db
    .prepare('SELECT seq, at, station_id, actor, action, subject, detail FROM access_records WHERE seq > ? ORDER BY seq')
    .raw()
    .all(afterSeq) as unknown[][];
}
