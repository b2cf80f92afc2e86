// Child process for the busy-database test: opens a folder beside its owner (as a command that reads does) and,
// until killed, writes access rows in transactions that read first, one every ~2 ms. Says "writing" once started.
// Not back to back: SQLite's busy handler retries at intervals, and a writer that takes the lock again the instant
// it lets go starves every other connection past any timeout (the test failed so in 1 CI run of 6) — no command
// writes like that. Every ~2 ms is still far more often than any does, and a deferred transaction fails at once.
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
const pause = new Int32Array(new SharedArrayBuffer(4));
for (;;) {
  Atomics.wait(pause, 0, 0, 2);
  writeTransaction(db, () => {
    count.get();
    recordAccess(db, systemClock, { stationId, actor: 'cli', action: 'print', detail: { document: 'status' } });
  });
  if (!said) {
    process.stdout.write('writing\n');
    said = true;
  }
}
