// Child process for the busy-database test: opens a folder beside its owner (as a command that reads does) and,
// until killed, writes access rows in transactions that read first, as fast as it can. Says "writing" once started.
import { openVenueDataFolder } from '../store/data-folder';
import { recordAccess } from '../access/access-record';
import { writeTransaction } from '../db/transaction';
import { systemClock } from '../clock';

const [dir, passphrase] = process.argv.slice(2) as [string, string];
const r = openVenueDataFolder(dir, passphrase, { share: true });
if (!r.ok) throw new Error(r.error.message);
const { db, stationId } = r.value;
const count = db.prepare('SELECT count(*) FROM access_records').pluck();
let said = false;
for (;;) {
  writeTransaction(db, () => {
    count.get();
    recordAccess(db, systemClock, { stationId, actor: 'cli', action: 'print', detail: { document: 'status' } });
  });
  if (!said) {
    process.stdout.write('writing\n');
    said = true;
  }
}
