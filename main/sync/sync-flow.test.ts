// A station's file reaches HQ: export → ingest, exactly once however often it arrives; nothing personal
// leaves the venue; a file HQ cannot trust changes nothing; a station contradicting itself is flagged.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { recordHandover, recordRefusal } from '../counter/counter-service';
import { exportSyncFile, REASON_KEPT_AT_VENUE, repairOutbox } from './export';
import { createIngester } from './ingest';
import { openSyncFile } from './sync-file';
import { registeredStations } from './registration';
import { signingKey } from './sync-keys';
import type { Db } from '../db/connection';
import type { IdCheck } from '../../shared/counter/id-documents';

const clerk = { staffId: 'clerk1', displayName: '窓口', role: 'clerk' as const };
const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
const hqState = (db: Db) =>
  JSON.stringify([
    db.prepare('SELECT id, station_id, seq FROM events ORDER BY station_id, seq').all(),
    db.prepare('SELECT station_id, seq, sha256 FROM sync_files ORDER BY station_id, seq').all(),
    db.prepare('SELECT station_id, seq, kind FROM sync_alerts ORDER BY id').all(),
  ]);

function world(t: { after(fn: () => void): void }) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 10);
  const w = syncWorld(t, clock, [{ venue: 'toyosu', stationId: 'toyosu-st01' }], { toyosu: list });
  const store = w.stations['toyosu-st01']!;
  const ctx = { store, clock };
  const outbox = join(w.dir, 'outbox', 'toyosu-st01');
  return { w, clock, list, store, ctx, outbox };
}

describe('daily sync: export and ingest', () => {
  test('the station’s events reach HQ once, in order, with reasons kept at the venue; counts as claimed', (t) => {
    const { w, clock, list, ctx, outbox } = world(t);
    recordHandover(ctx, clerk, list[0]!.reservationNo, idCheck);
    recordRefusal(ctx, clerk, list[1]!.reservationNo, '江東　太郎さんの書類不足');
    const first = exportSyncFile(ctx, outbox, { businessDate: '2026-11-25' });
    assert.ok(first.ok);
    assert.equal(first.value.seq, 1);
    assert.deepEqual(readdirSync(outbox), ['toyosu-st01-00000001.sync']);
    const bytes = readFileSync(first.value.path);
    for (const secret of ['江東　太郎', list[0]!.name, list[0]!.address])
      assert.ok(!bytes.includes(Buffer.from(secret)), 'sealed: nothing readable');

    const opened = openSyncFile(bytes, {
      stationPublicKey: signingKey(ctx.store.db)!.publicKey,
      expected: { venue: 'toyosu', stationId: 'toyosu-st01' },
      recipient: w.inbox(),
    });
    assert.ok(opened.ok);
    const body = JSON.stringify(opened.value.body);
    assert.ok(
      !body.includes('江東　太郎') && !body.includes(list[0]!.name) && !body.includes('1983-04-01'),
      'no names, addresses or birth dates, no typed reason',
    );
    assert.ok(body.includes(REASON_KEPT_AT_VENUE));
    assert.deepEqual(opened.value.body.claimed, {
      shipped: 10,
      received: 10,
      handedOver: 1,
      outstanding: 9,
      returned: 0,
      refusals: 1,
      damaged: 0,
    });

    const ingester = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
    const r = ingester.ingest(bytes);
    assert.equal(r.status, 'ingested');
    const events = (r as { newEvents: number }).newEvents;
    assert.equal(events, (w.hq.db.prepare("SELECT count(*) AS n FROM events WHERE station_id = 'toyosu-st01'").get() as { n: number }).n);
    const state = hqState(w.hq.db);
    assert.deepEqual(ingester.ingest(bytes), { status: 'already-have', stationId: 'toyosu-st01', seq: 1 });
    assert.equal(hqState(w.hq.db), state, 'a replay changes nothing');

    clock.advance(86_400_000);
    recordHandover(ctx, clerk, list[2]!.reservationNo, idCheck);
    const second = exportSyncFile(ctx, outbox);
    assert.ok(second.ok);
    assert.equal(second.value.seq, 2);
    assert.equal(second.value.events, 1, 'only what happened since the last file');
    const r2 = ingester.ingest(readFileSync(second.value.path));
    assert.deepEqual(r2.status === 'ingested' && [r2.newEvents, r2.alerts], [1, []]);
  });

  test('a file HQ cannot trust changes nothing: unregistered, tampered, truncated, relabelled', (t) => {
    const { w, clock, ctx, outbox, list } = world(t);
    recordHandover(ctx, clerk, list[0]!.reservationNo, idCheck);
    const f = exportSyncFile(ctx, outbox);
    assert.ok(f.ok);
    const bytes = readFileSync(f.value.path);
    const ingester = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
    const before = hqState(w.hq.db);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 5]! ^= 1;
    const relabelled = Buffer.from(bytes.toString('latin1').replace('"venue":"toyosu"', '"venue":"sogo"'), 'latin1');
    for (const [what, b] of [
      ['flipped', flipped],
      ['truncated', bytes.subarray(0, bytes.length - 100)],
      ['relabelled', relabelled],
      ['empty', Buffer.alloc(0)],
    ] as const) {
      const r = ingester.ingest(b);
      assert.equal(r.status, 'rejected', what);
    }
    w.hq.db.prepare('DELETE FROM sync_stations').run();
    const unregistered = createIngester({ db: w.hq.db, clock, recipient: w.inbox() }).ingest(bytes);
    assert.ok(unregistered.status === 'rejected' && unregistered.code === 'unregistered');
    assert.equal(hqState(w.hq.db), before);
  });

  test('two different files under one number are an alert, not data', (t) => {
    const { w, clock, ctx, outbox, list, store } = world(t);
    recordHandover(ctx, clerk, list[0]!.reservationNo, idCheck);
    const one = exportSyncFile(ctx, outbox);
    assert.ok(one.ok);
    const original = readFileSync(one.value.path);
    // The station forgets it published #1 (a restored backup) and publishes another #1.
    store.db.prepare('DELETE FROM sync_exports').run();
    rmSync(one.value.path);
    recordHandover(ctx, clerk, list[1]!.reservationNo, idCheck);
    const again = exportSyncFile(ctx, outbox);
    assert.ok(again.ok && again.value.seq === 1);
    const ingester = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
    assert.equal(ingester.ingest(original).status, 'ingested');
    const eventsBefore = (w.hq.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const r = ingester.ingest(readFileSync(again.value.path));
    assert.deepEqual(r, { status: 'equivocation', stationId: 'toyosu-st01', seq: 1 });
    assert.equal((w.hq.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, eventsBefore);
    assert.deepEqual(w.hq.db.prepare('SELECT station_id, seq, kind FROM sync_alerts').all(), [
      { station_id: 'toyosu-st01', seq: 1, kind: 'equivocation' },
    ]);
    assert.equal(registeredStations(w.hq.db).length, 1);
  });

  test('a file lost before reaching the outbox is written again byte for byte, never re-made', (t) => {
    const { ctx, outbox, list, clock } = world(t);
    recordHandover(ctx, clerk, list[0]!.reservationNo, idCheck);
    const one = exportSyncFile(ctx, outbox);
    assert.ok(one.ok);
    const bytes = readFileSync(one.value.path);
    rmSync(one.value.path);
    writeFileSync(join(outbox, 'unrelated.txt'), 'x');
    clock.advance(60_000);
    assert.equal(repairOutbox(ctx.store, outbox), 1);
    assert.deepEqual(readFileSync(one.value.path), bytes);
    assert.equal(repairOutbox(ctx.store, outbox), 0);
    // A truncated copy is replaced; a killed export's temp file is cleared; others' files are left alone.
    writeFileSync(one.value.path, bytes.subarray(0, 100));
    writeFileSync(join(outbox, `.${one.value.name}.0123456789ab.tmp`), bytes.subarray(0, 50));
    writeFileSync(join(outbox, '.sogo-st01-00000001.sync.0123456789ab.tmp'), 'x');
    assert.equal(repairOutbox(ctx.store, outbox), 1);
    assert.deepEqual(readFileSync(one.value.path), bytes);
    assert.deepEqual(readdirSync(outbox).sort(), ['.sogo-st01-00000001.sync.0123456789ab.tmp', one.value.name, 'unrelated.txt']);
  });

  test('an outbox ahead of the database (a restored backup) is refused, not overwritten', (t) => {
    const { ctx, outbox, list } = world(t);
    recordHandover(ctx, clerk, list[0]!.reservationNo, idCheck);
    const one = exportSyncFile(ctx, outbox);
    assert.ok(one.ok);
    const bytes = readFileSync(one.value.path);
    ctx.store.db.prepare('DELETE FROM sync_exports').run();
    const r = exportSyncFile(ctx, outbox);
    assert.ok(!r.ok && r.error.code === 'outbox-ahead');
    assert.deepEqual(readFileSync(one.value.path), bytes);
  });

  test('a pull’s files in one commit: a bad file among good ones is refused alone', (t) => {
    const { w, clock, ctx, outbox, list } = world(t);
    const files: Buffer[] = [];
    for (const c of list.slice(0, 3)) {
      recordHandover(ctx, clerk, c.reservationNo, idCheck);
      const f = exportSyncFile(ctx, outbox);
      assert.ok(f.ok);
      files.push(readFileSync(f.value.path));
    }
    const bad = Buffer.from(files[1]!);
    bad[bad.length - 3]! ^= 1;
    const outcomes = createIngester({ db: w.hq.db, clock, recipient: w.inbox() }).ingestAll([files[0]!, bad, files[2]!, files[0]!]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['ingested', 'rejected', 'ingested', 'already-have'],
    );
    assert.deepEqual(w.hq.db.prepare('SELECT seq FROM sync_files ORDER BY seq').all(), [{ seq: 1 }, { seq: 3 }]);
    assert.equal(
      createIngester({ db: w.hq.db, clock, recipient: w.inbox() }).ingest(files[1]!).status,
      'ingested',
      'the good copy later fills the gap',
    );
  });

  test('a station not yet set up says so', (t) => {
    const { ctx, outbox } = world(t);
    ctx.store.db.prepare('DELETE FROM sync_recipients').run();
    const r = exportSyncFile(ctx, outbox);
    assert.ok(!r.ok && r.error.code === 'not-provisioned');
  });
});
