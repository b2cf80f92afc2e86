// v10 on a folder that already holds files taken in and alerts: they stay; new files keep their bytes; a
// station's restore from a backup can be said; an unknown kind is still refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { tempDir } from '../../testing/fixtures';

test('v10: files taken in keep their bytes; alerts kept and widened to station-restored', (t) => {
  const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
  t.after(() => db.close());
  migrate(db, 9);
  db.prepare(
    "INSERT INTO sync_stations (station_id, venue, signing_key_id, signing_public_key, registered_at) VALUES ('sogo-1', 'sogo', 'k', 'p', 't')",
  ).run();
  const file =
    "INSERT INTO sync_files (station_id, seq, sha256, business_date, created_at, claimed, event_count, received_at) VALUES ('sogo-1', ?, ?, 'd', 't', '{}', 0, 't')";
  db.prepare(file).run(1, 'a');
  db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 3, 'revoked-station', 'h')").run();
  migrate(db, 10);
  assert.equal(schemaVersion(db), 10);
  assert.deepEqual(
    db.prepare('SELECT seq, bytes FROM sync_files').all(),
    [{ seq: 1, bytes: null }],
    'a file taken in before keeps no bytes',
  );
  db.prepare("UPDATE sync_files SET bytes = x'0102' WHERE seq = 1").run();
  assert.deepEqual(db.prepare('SELECT id, kind FROM sync_alerts').all(), [{ id: 1, kind: 'revoked-station' }]);
  db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind) VALUES ('t', 'sogo-1', 4, 'station-restored')").run();
  assert.throws(() => db.prepare("INSERT INTO sync_alerts (at, station_id, kind) VALUES ('t', 's', 'whatever')").run(), /CHECK/);
});
