import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase } from './connection';
import { migrate, schemaVersion, DbFromFutureError, LATEST_SCHEMA_VERSION } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { tempDir } from '../testing/fixtures';
import { readMeta } from './queries/meta';
import { GENESIS, accessDigest, link } from '../access/chain';

describe('migrations keyed by user_version', () => {
  test('a new database reaches the latest version; running again is a no-op', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    assert.deepEqual(
      migrate(db),
      MIGRATIONS.map((m) => m.version),
    );
    assert.equal(schemaVersion(db), LATEST_SCHEMA_VERSION);
    assert.deepEqual(migrate(db), []);
  });

  test('a database written by newer code is refused and left untouched', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    assert.throws(
      () => migrate(db),
      (e) => e instanceof DbFromFutureError && /新しい版の Madoguchi で使われています/.test(e.message),
    );
    assert.equal(schemaVersion(db), LATEST_SCHEMA_VERSION + 1);
  });

  test('a migration that fails leaves the database at its previous version', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    assert.throws(() => migrate(db, broken.length, broken), /boom/);
    assert.equal(schemaVersion(db), 0, 'all pending steps run in one transaction');
  });

  test('v1: events are append-only; ledger cards need a known shipment', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 1);
    db.prepare("INSERT INTO events VALUES (?, 's-1x', 1, '2026-01-01T00:00:00Z', 'a', 'ledger.imported', '{}')").run('0'.repeat(32));
    assert.throws(() => db.prepare("UPDATE events SET actor = 'b'").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM events').run(), /append-only/);
    assert.throws(
      () => db.prepare("INSERT INTO ledger_cards VALUES ('ABC-123456','nope','n','k','2000-01-01','a','豊洲',1,'通常','2026-01-01')").run(),
      /FOREIGN KEY/,
    );
    assert.throws(() => db.prepare("INSERT INTO events VALUES (?, 's-1x', 2, 't', 'a', 'k', 'not json')").run('1'.repeat(32)), /CHECK/);
  });

  test('v2: existing events keep working with a null subject; staff roles and the access record are guarded', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 1);
    db.prepare("INSERT INTO events VALUES (?, 's-1x', 1, '2026-01-01T00:00:00Z', 'a', 'ledger.imported', '{}')").run('2'.repeat(32));
    migrate(db, 2);
    assert.equal(schemaVersion(db), 2);
    assert.deepEqual(db.prepare('SELECT seq, subject FROM events').all(), [{ seq: 1, subject: null }]);
    assert.throws(
      () => db.prepare("INSERT INTO staff (staff_id, display_name, role, pin_hash) VALUES ('x', 'x', 'admin', '{}')").run(),
      /CHECK/,
    );
    db.prepare("INSERT INTO access_records (at, station_id, actor, action) VALUES ('t', 's', 'a', 'search')").run();
    assert.throws(() => db.prepare("UPDATE access_records SET actor = 'b'").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM access_records').run(), /append-only/);
  });

  test('v3: HQ ledger rows need their ledger; a card is shipped once; venue data is untouched', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 2);
    db.prepare(
      "INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload) VALUES (?, 'hq-1x', 1, 't', 'a', 'hq.ledger-built', '{}')",
    ).run('3'.repeat(32));
    migrate(db, 3);
    assert.equal(schemaVersion(db), 3);
    assert.equal((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, 1);
    const card = db.prepare("INSERT INTO hq_cards VALUES (?, 'S1', 'sogo', 'n', 'k', '2000-01-01', 'a', '大島', 1, '通常', '2026-01-01')");
    assert.throws(() => card.run('ABC-123456'), /FOREIGN KEY/);
    db.prepare("INSERT INTO hq_ledgers VALUES ('S1', 'sogo', ?, 't', 1, ?)").run('a'.repeat(64), '3'.repeat(32));
    card.run('ABC-123456');
    assert.throws(() => card.run('ABC-123456'), /UNIQUE|PRIMARY/);
    assert.throws(
      () => db.prepare("INSERT INTO hq_ledgers VALUES ('S1', 'nowhere', ?, 't', 1, ?)").run('b'.repeat(64), '3'.repeat(32)),
      /CHECK/,
    );
  });

  test('v4: sync — a file number is held once per station, files need a registered station, alerts say what kind', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 3);
    db.prepare(
      "INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload) VALUES (?, 'hq-1x', 1, 't', 'a', 'hq.ledger-built', '{}')",
    ).run('4'.repeat(32));
    db.prepare("INSERT INTO hq_ledgers VALUES ('S1', 'sogo', ?, 't', 0, ?)").run('a'.repeat(64), '4'.repeat(32));
    migrate(db, 4);
    assert.equal(schemaVersion(db), 4);
    assert.equal((db.prepare('SELECT count(*) AS n FROM hq_ledgers').get() as { n: number }).n, 1, 'earlier rows stay');
    const file = db.prepare(
      "INSERT INTO sync_files (station_id, seq, sha256, business_date, created_at, claimed, event_count, received_at) VALUES ('sogo-1', ?, ?, 'd', 't', '{}', 0, 't')",
    );
    assert.throws(() => file.run(1, 'x'), /FOREIGN KEY/);
    db.prepare(
      "INSERT INTO sync_stations (station_id, venue, signing_key_id, signing_public_key, registered_at) VALUES ('sogo-1', 'sogo', 'k', 'p', 't')",
    ).run();
    file.run(1, 'x');
    assert.throws(() => file.run(1, 'y'), /UNIQUE|PRIMARY/);
    assert.throws(
      () =>
        db
          .prepare(
            "INSERT INTO sync_stations (station_id, venue, signing_key_id, signing_public_key, registered_at) VALUES ('z', 'osaka', 'k2', 'p', 't')",
          )
          .run(),
      /CHECK/,
    );
    assert.throws(() => db.prepare("INSERT INTO sync_alerts (at, station_id, kind) VALUES ('t', 's', 'whatever')").run(), /CHECK/);
    assert.throws(
      () =>
        db
          .prepare(
            "INSERT INTO sync_exports (seq, business_date, sha256, through_event_seq, access_seq, access_sha256, created_at, bytes) VALUES (0, 'd', 's', 0, 0, 'a', 't', x'00')",
          )
          .run(),
      /CHECK/,
    );
  });
  test('v5: a registered station keeps a name of 1–40 characters and the file number that gave it', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 4);
    db.prepare(
      "INSERT INTO sync_stations (station_id, venue, signing_key_id, signing_public_key, registered_at) VALUES ('sogo-1', 'sogo', 'k', 'p', 't')",
    ).run();
    migrate(db, 5);
    assert.equal(schemaVersion(db), 5);
    assert.deepEqual(db.prepare('SELECT station_id, label, label_seq FROM sync_stations').get(), {
      station_id: 'sogo-1',
      label: null,
      label_seq: null,
    });
    db.prepare("UPDATE sync_stations SET label = '窓口2', label_seq = 3").run();
    assert.throws(() => db.prepare("UPDATE sync_stations SET label = ''").run(), /CHECK/);
    assert.throws(() => db.prepare('UPDATE sync_stations SET label_seq = 0').run(), /CHECK/);
  });
  test('v6: alerts kept as they were, and a file in the receiver’s future can be flagged', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 5);
    const insert = (kind: string, seq: number) =>
      db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', ?, ?, 'h')").run(seq, kind);
    insert('chain-broken', 4);
    assert.throws(() => insert('future-dated', 5), /CHECK/);
    migrate(db, 6);
    assert.equal(schemaVersion(db), 6);
    assert.deepEqual(db.prepare('SELECT id, station_id, seq, kind, detail FROM sync_alerts').all(), [
      { id: 1, station_id: 'sogo-1', seq: 4, kind: 'chain-broken', detail: '{}' },
    ]);
    insert('future-dated', 5);
    assert.throws(() => insert('something-else', 6), /CHECK/);
    assert.throws(() => insert('future-dated', 5), /UNIQUE/, 'one alert per file and kind, as before');
  });
  test('v7: rows already held are chained in order; the append-only guards stay; rewound access records can be flagged', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 6);
    const access = db.prepare(
      "INSERT INTO access_records (at, station_id, actor, action, subject) VALUES (?, 'sogo-1', 'clerk:c1', 'search', ?)",
    );
    access.run('2026-11-20T01:00:00.000Z', 'A-1');
    access.run('2026-11-20T01:00:01.000Z', null);
    const event = db.prepare(
      "INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload) VALUES (?, ?, ?, '2026-11-20T01:00:00.000Z', 'a', 'ledger.imported', '{}')",
    );
    event.run('1'.repeat(32), 'sogo-1', 1);
    event.run('2'.repeat(32), 'sogo-1', 2);
    event.run('3'.repeat(32), 'sogo-2', 1);
    db.prepare(
      "INSERT INTO sync_exports (seq, business_date, sha256, through_event_seq, access_seq, access_sha256, created_at, bytes) VALUES (1, 'd', 's', 2, 2, ?, 't', x'00')",
    ).run('0'.repeat(64));
    db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 4, 'future-dated', 'h')").run();
    migrate(db, 7);
    assert.equal(schemaVersion(db), 7);
    const rows = db
      .prepare('SELECT seq, at, station_id, actor, action, subject, detail, chain FROM access_records ORDER BY seq')
      .all() as Parameters<typeof accessDigest>[0][] & { chain: string }[];
    assert.equal(rows[0]!.chain, link(GENESIS, accessDigest(rows[0]!)));
    assert.equal(rows[1]!.chain, link(rows[0]!.chain, accessDigest(rows[1]!)));
    const events = db.prepare('SELECT station_id, seq, chain FROM events ORDER BY station_id, seq').all() as { chain: string }[];
    assert.equal(new Set(events.map((e) => e.chain)).size, 3, 'every event chained');
    assert.equal(events[2]!.chain.length, 64);
    assert.throws(() => db.prepare("UPDATE access_records SET subject = 'B-2'").run(), /append-only/);
    assert.throws(() => db.prepare("UPDATE events SET actor = 'b'").run(), /append-only/);
    assert.throws(() => db.prepare("UPDATE access_records SET chain = 'x'").run(), /append-only/);
    assert.equal(readMeta(db)['access-chain-from-export'], '1', 'files already sent said their head the old way');
    assert.deepEqual(db.prepare('SELECT id, kind FROM sync_alerts').all(), [{ id: 1, kind: 'future-dated' }]);
    db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 5, 'access-rewound', 'h')").run();
    db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 5, 'access-rewritten', 'h')").run();
    db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 5, 'records-tampered', 'h')").run();
    assert.throws(
      () => db.prepare("INSERT INTO sync_alerts (at, station_id, seq, kind, sha256) VALUES ('t', 'sogo-1', 6, 'nope', 'h')").run(),
      /CHECK/,
    );
  });

  test('v8: an account keeps its wrong-PIN count and lockout; it can be held until unlocked, and nothing else', (t) => {
    const db = openDatabase(join(tempDir(t), 'm.db'), randomBytes(32));
    t.after(() => db.close());
    migrate(db, 6);
    db.prepare(
      "INSERT INTO staff (staff_id, display_name, role, pin_hash, failed_attempts, locked_until) VALUES ('c1', 'c', 'clerk', '{}', 3, '2026-11-25T01:05:00.000Z')",
    ).run();
    migrate(db, 8);
    assert.equal(schemaVersion(db), 8);
    assert.deepEqual(db.prepare('SELECT failed_attempts, locked_until, unlock_required FROM staff').all(), [
      { failed_attempts: 3, locked_until: '2026-11-25T01:05:00.000Z', unlock_required: 0 },
    ]);
    db.prepare("UPDATE staff SET unlock_required = 1 WHERE staff_id = 'c1'").run();
    assert.throws(() => db.prepare('UPDATE staff SET unlock_required = 2').run(), /CHECK/);
    assert.throws(() => db.prepare('UPDATE staff SET unlock_required = NULL').run(), /NOT NULL/);
  });
});
