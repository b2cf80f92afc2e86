// v9: HQ (or a venue lead's station) revokes a registered station whose keys are lost (issue 14): the files it
// took in before stay; any file signed by the station's key offered later is refused and kept as an alert
// (`revoked-station`), since only someone holding the lost key could have signed it. The station's row keeps
// when, why and by whom, and the last file number held then.
import type { Db } from '../connection';
import { widenAlertKinds } from './widen-alert-kinds';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE sync_stations ADD COLUMN revoked_at TEXT;
    ALTER TABLE sync_stations ADD COLUMN revoked_reason TEXT CHECK (revoked_reason IS NULL OR length(revoked_reason) BETWEEN 1 AND 200);
    ALTER TABLE sync_stations ADD COLUMN revoked_by TEXT;
    ALTER TABLE sync_stations ADD COLUMN revoked_after_seq INTEGER CHECK (revoked_after_seq IS NULL OR revoked_after_seq >= 0);
  `);
  widenAlertKinds(db, 'revoked-station');
}
