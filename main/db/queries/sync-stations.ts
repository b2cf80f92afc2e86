// The stations whose sync files this folder accepts (sync_stations), with their signing keys and sources.
import type { Db } from '../connection';
import type { VenueId } from '../../../shared/venues/venues';

export interface StationRow {
  station_id: string;
  venue: VenueId;
  signing_key_id: string;
  /** Raw Ed25519 public key, base64. */
  signing_public_key: string;
  tls_fingerprint: string | null;
  source: string | null;
  registered_at: string;
  /** Set when the station's keys were revoked (lost or stolen): its files offered since are refused. */
  revoked_at: string | null;
  revoked_reason: string | null;
  revoked_by: string | null;
  /** The highest file number held when it was revoked (0: none): those files stay. */
  revoked_after_seq: number | null;
}

/** The key id and certificate a station was registered with, if it was. */
export function stationRegistrationKeys(db: Db, stationId: string): Pick<StationRow, 'signing_key_id' | 'tls_fingerprint'> | undefined {
  return db.prepare('SELECT signing_key_id, tls_fingerprint FROM sync_stations WHERE station_id = ?').get(stationId) as
    Pick<StationRow, 'signing_key_id' | 'tls_fingerprint'> | undefined;
}

/** Records a registered station's new certificate, and its new source when one is given (null keeps the old). */
export function updateStationTls(db: Db, stationId: string, tlsFingerprint: string, source: string | null): void {
  db.prepare('UPDATE sync_stations SET tls_fingerprint = ?, source = coalesce(?, source) WHERE station_id = ?').run(
    tlsFingerprint,
    source,
    stationId,
  );
}

/** Registers a station not registered before. */
export function insertStation(db: Db, row: Omit<StationRow, 'revoked_at' | 'revoked_reason' | 'revoked_by' | 'revoked_after_seq'>): void {
  db.prepare(
    'INSERT INTO sync_stations (station_id, venue, signing_key_id, signing_public_key, tls_fingerprint, source, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(row.station_id, row.venue, row.signing_key_id, row.signing_public_key, row.tls_fingerprint, row.source, row.registered_at);
}

/** Every registered station, by venue then station id. */
export function stationRows(db: Db): StationRow[] {
  return db.prepare('SELECT * FROM sync_stations ORDER BY venue, station_id').all() as StationRow[];
}

/** Every registered station's venue, by station id. */
export function stationVenues(db: Db): Pick<StationRow, 'station_id' | 'venue'>[] {
  return db.prepare('SELECT station_id, venue FROM sync_stations ORDER BY station_id').all() as Pick<StationRow, 'station_id' | 'venue'>[];
}

/** Every registered station's venue, in no particular order. */
export function stationVenuesUnordered(db: Db): Pick<StationRow, 'station_id' | 'venue'>[] {
  return db.prepare('SELECT station_id, venue FROM sync_stations').all() as Pick<StationRow, 'station_id' | 'venue'>[];
}

/**
 * What a registered station is called at its venue, as its file `seq` says: kept unless a later file already
 * named it (files are taken in any order).
 */
export function recordStationLabel(db: Db, stationId: string, label: string, seq: number): void {
  db.prepare('UPDATE sync_stations SET label = ?, label_seq = ? WHERE station_id = ? AND (label_seq IS NULL OR label_seq <= ?)').run(
    label,
    seq,
    stationId,
    seq,
  );
}

/** What a registered station is called at its venue, or '' when no file of its has said. */
export function stationLabel(db: Db, stationId: string): string {
  return (db.prepare('SELECT label FROM sync_stations WHERE station_id = ?').pluck().get(stationId) as string | null | undefined) ?? '';
}

/** Revokes a registered station, keeping the files held so far; false if it was revoked already (or unknown). */
export function revokeStationRow(db: Db, stationId: string, at: string, reason: string, by: string): boolean {
  return (
    db
      .prepare(
        `UPDATE sync_stations SET revoked_at = ?, revoked_reason = ?, revoked_by = ?,
           revoked_after_seq = (SELECT coalesce(max(seq), 0) FROM sync_files WHERE station_id = ?)
         WHERE station_id = ? AND revoked_at IS NULL`,
      )
      .run(at, reason, by, stationId, stationId).changes === 1
  );
}

/** A station's revocation, if it was revoked. */
export function stationRevocation(
  db: Db,
  stationId: string,
): Pick<StationRow, 'revoked_at' | 'revoked_reason' | 'revoked_by' | 'revoked_after_seq'> | undefined {
  return db
    .prepare(
      'SELECT revoked_at, revoked_reason, revoked_by, revoked_after_seq FROM sync_stations WHERE station_id = ? AND revoked_at IS NOT NULL',
    )
    .get(stationId) as Pick<StationRow, 'revoked_at' | 'revoked_reason' | 'revoked_by' | 'revoked_after_seq'> | undefined;
}
