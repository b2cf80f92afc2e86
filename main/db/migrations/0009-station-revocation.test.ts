// v9 on a folder that already holds alerts: they stay, with their ids; the new kind is accepted, an unknown one
// still refused; a station can carry its revocation; and the widening keeps kinds a sibling migration added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { up as v9 } from './0009-station-revocation';
import { tempDir } from '../../testing/fixtures';

test('v9: alerts kept and widened to revoked-station; stations carry a revocation', (t) => {
  const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
  t.after(() => db.close());
  migrate(db, 8);
  db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 3, 'future-dated', 'h')").run();
  db.prepare(
    "INSERT INTO sync_stations (station_id, venue, signing_key_id, signing_public_key, registered_at) VALUES ('sogo-1', 'sogo', 'k', 'p', 't')",
  ).run();
  migrate(db, 9);
  assert.equal(schemaVersion(db), 9);
  assert.deepEqual(db.prepare('SELECT id, kind FROM sync_alerts').all(), [{ id: 1, kind: 'future-dated' }]);
  db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind) VALUES ('t', 'sogo-1', 4, 'revoked-station')").run();
  assert.throws(() => db.prepare("INSERT INTO sync_alerts (at, station_id, kind) VALUES ('t', 's', 'whatever')").run(), /CHECK/);
  db.prepare("UPDATE sync_stations SET revoked_at = 't', revoked_reason = '盗難', revoked_by = 'hq1', revoked_after_seq = 3").run();
  assert.throws(() => db.prepare("UPDATE sync_stations SET revoked_reason = ''").run(), /CHECK/);
});

test('v9 widens the alert kinds as it finds them, keeping one another migration added before it', (t) => {
  const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
  t.after(() => db.close());
  migrate(db, 6);
  db.exec(`
    ALTER TABLE sync_alerts RENAME TO sync_alerts_old;
    CREATE TABLE sync_alerts (
      id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, station_id TEXT NOT NULL, seq INTEGER,
      kind TEXT NOT NULL CHECK (kind IN ('equivocation', 'chain-broken', 'event-conflict', 'future-dated', 'sibling-kind')),
      sha256 TEXT, detail TEXT NOT NULL DEFAULT '{}', UNIQUE (station_id, seq, kind, sha256)
    ) STRICT;
    DROP TABLE sync_alerts_old;
  `);
  v9(db);
  for (const kind of ['sibling-kind', 'revoked-station'])
    db.prepare("INSERT INTO sync_alerts (at, station_id, kind) VALUES ('t', 's', ?)").run(kind);
});
