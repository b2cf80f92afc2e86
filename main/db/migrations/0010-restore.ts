// v10 (issue 15): a station restored from a backup after its disk was lost takes back the sync files it had
// published since, and they exist only where they were taken in. So HQ and a venue's stations keep each file
// as received (sealed and signed as the station wrote it, nothing readable added), and HQ says when a station
// comes back from a backup (`station-restored`: what it lost is an incident to report, not tampering).
import type { Db } from '../connection';
import { widenAlertKinds } from './widen-alert-kinds';

export function up(db: Db): void {
  db.exec('ALTER TABLE sync_files ADD COLUMN bytes BLOB');
  widenAlertKinds(db, 'station-restored');
}
