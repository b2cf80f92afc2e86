// The sync files this folder took in from other stations (sync_files), by station and number.
import type { Db } from '../connection';

export interface StationFileCounts {
  files: number;
  lastSeq: number | null;
  lastBusinessDate: string | null;
}

/** For each of these stations, in order: how many of its files are held, and the latest number and business day. */
export function stationFileCounts(db: Db, stationIds: readonly string[]): StationFileCounts[] {
  const files = db.prepare('SELECT count(*) AS files, max(seq) AS lastSeq, max(business_date) AS lastBusinessDate FROM sync_files WHERE station_id = ?');
  return stationIds.map((id) => files.get(id) as StationFileCounts);
}
