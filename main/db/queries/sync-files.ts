// The sync files this folder took in from other stations (sync_files), by station and number.
import type { Db } from '../connection';

export interface StationFileCounts {
  files: number;
  lastSeq: number | null;
  lastBusinessDate: string | null;
}

/** For each of these stations, in order: how many of its files are held, and the latest number and business day. */
export function stationFileCounts(db: Db, stationIds: readonly string[]): StationFileCounts[] {
  const files = db.prepare(
    'SELECT count(*) AS files, max(seq) AS lastSeq, max(business_date) AS lastBusinessDate FROM sync_files WHERE station_id = ?',
  );
  return stationIds.map((id) => files.get(id) as StationFileCounts);
}

export interface SyncFileRow {
  station_id: string;
  seq: number;
  sha256: string;
  prev_sha256: string | null;
  business_date: string;
  created_at: string;
  /** The file's claimed counts and what it knew (knownThrough), as JSON. */
  claimed: string;
  /** The station's access record head, as JSON, or null. */
  access_head: string | null;
  event_count: number;
  received_at: string;
  /** The file as received (sealed and signed as the station wrote it), for handing back to it after a restore. */
  bytes: Uint8Array;
}

/** Whether a file with this hash is held: prepared once, asked for each of a pull's files. */
export function fileHeldCheck(db: Db): (sha256: string) => boolean {
  const held = db.prepare('SELECT 1 FROM sync_files WHERE sha256 = ?');
  return (sha256) => held.get(sha256) !== undefined;
}

/** What taking in a file asks of and adds to sync_files: prepared once for a pull's many files. */
export function syncFileIngestQueries(db: Db) {
  const bySha = db.prepare('SELECT station_id, seq FROM sync_files WHERE sha256 = ?');
  const bySeq = db.prepare('SELECT sha256, prev_sha256, access_head FROM sync_files WHERE station_id = ? AND seq = ?');
  const insertFile = db.prepare(
    `INSERT INTO sync_files (station_id, seq, sha256, prev_sha256, business_date, created_at, claimed, access_head, event_count, received_at, bytes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    /** The station and number of the held file with this hash, if one is held. */
    withSha256: (sha256: string) => bySha.get(sha256) as Pick<SyncFileRow, 'station_id' | 'seq'> | undefined,
    /** The file held under this station and number, if one is. */
    atSeq: (stationId: string, seq: number) =>
      bySeq.get(stationId, seq) as Pick<SyncFileRow, 'sha256' | 'prev_sha256' | 'access_head'> | undefined,
    /** Records a file as taken in. */
    insert: (r: SyncFileRow): void => {
      insertFile.run(
        r.station_id,
        r.seq,
        r.sha256,
        r.prev_sha256,
        r.business_date,
        r.created_at,
        r.claimed,
        r.access_head,
        r.event_count,
        r.received_at,
        r.bytes,
      );
    },
  };
}

/** A station's latest file held: its number, business day and claim (JSON). */
export function latestStationFile(db: Db, stationId: string): Pick<SyncFileRow, 'seq' | 'business_date' | 'claimed'> | undefined {
  return db.prepare('SELECT seq, business_date, claimed FROM sync_files WHERE station_id = ? ORDER BY seq DESC LIMIT 1').get(stationId) as
    Pick<SyncFileRow, 'seq' | 'business_date' | 'claimed'> | undefined;
}

/** Every file held from a station, by number: its business day and when it arrived. */
export function stationFiles(db: Db, stationId: string): Pick<SyncFileRow, 'seq' | 'business_date' | 'received_at'>[] {
  return db.prepare('SELECT seq, business_date, received_at FROM sync_files WHERE station_id = ? ORDER BY seq').all(stationId) as Pick<
    SyncFileRow,
    'seq' | 'business_date' | 'received_at'
  >[];
}

/** The files held from a station after a number, as received, oldest first (files taken in before v10 have none). */
export function stationFileBytes(db: Db, stationId: string, afterSeq: number): { seq: number; bytes: Uint8Array | null }[] {
  return db.prepare('SELECT seq, bytes FROM sync_files WHERE station_id = ? AND seq > ? ORDER BY seq').all(stationId, afterSeq) as {
    seq: number;
    bytes: Uint8Array | null;
  }[];
}

/** The access record's last number a station's latest file stated, or null when none is held. */
export function lastAccessHeadOf(db: Db, stationId: string): number | null {
  const row = db.prepare('SELECT access_head FROM sync_files WHERE station_id = ? ORDER BY seq DESC LIMIT 1').get(stationId) as
    { access_head: string | null } | undefined;
  if (!row?.access_head) return null;
  return (JSON.parse(row.access_head) as { seq: number }).seq;
}
