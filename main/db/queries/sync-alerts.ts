// What a person must look at about the stations' files (sync_alerts): a station contradicting itself, one
// whose clock ran ahead of the receiver's, or a file signed by a station's key after the station was revoked.
import type { Db } from '../connection';

export type SyncAlertKind =
  | 'equivocation'
  | 'chain-broken'
  | 'event-conflict'
  | 'future-dated'
  | 'access-rewound'
  | 'access-rewritten'
  | 'records-tampered'
  | 'revoked-station'
  | 'station-restored';

export interface SyncAlertRow {
  at: string;
  station_id: string;
  seq: number | null;
  kind: SyncAlertKind;
  sha256: string | null;
  /** JSON. */
  detail: string;
}

/** Records an alert (the same one twice is kept once): prepared once for a pull's many files. */
export function alertRecorder(db: Db): (alert: SyncAlertRow) => void {
  const insertAlert = db.prepare(
    'INSERT INTO sync_alerts (at, station_id, seq, kind, sha256, detail) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (a) => {
    insertAlert.run(a.at, a.station_id, a.seq, a.kind, a.sha256, a.detail);
  };
}

/** Every alert, oldest first. */
export function syncAlerts(db: Db): Pick<SyncAlertRow, 'at' | 'station_id' | 'seq' | 'kind'>[] {
  return db.prepare('SELECT at, station_id, seq, kind FROM sync_alerts ORDER BY id').all() as Pick<
    SyncAlertRow,
    'at' | 'station_id' | 'seq' | 'kind'
  >[];
}
