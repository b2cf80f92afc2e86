// HQ tells a station's access record that only grew from one rewound or rewritten, from the checkpoints in its
// sync files alone (no row of the record leaves the station): the audit's attack, and a quieter rewrite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { behindTheTrigger } from '../testing/damage';
import { recordAccess } from '../access/access-record';
import { GENESIS, accessDigest, link } from '../access/chain';
import { syncAlerts } from '../db/queries/sync-alerts';
import { exportSyncFile } from './export';
import { accessCheckpoint } from './access-checkpoint';
import { createIngester, describeOutcome } from './ingest';

function world(t: Parameters<typeof syncWorld>[0]) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 5);
  const w = syncWorld(t, clock, [{ venue: 'toyosu', stationId: 'toyosu-st01' }], { toyosu: list });
  const store = w.stations['toyosu-st01']!;
  const looks = (n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(1000);
      recordAccess(store.db, clock, {
        stationId: store.stationId,
        actor: 'clerk:c1',
        action: 'search',
        subject: list[i % 5]!.reservationNo,
      });
    }
  };
  const publish = () => {
    clock.advance(60_000);
    const f = exportSyncFile({ store, clock }, join(w.dir, 'outbox'));
    assert.ok(f.ok, f.ok ? '' : f.error.message);
    return readFileSync(f.value.path);
  };
  const hq = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
  return { w, store, looks, publish, hq };
}

test('a record that only grows raises nothing, in order or not; the checkpoint carries digests, no row', (t) => {
  const { w, looks, publish, hq, store } = world(t);
  looks(30);
  const one = publish();
  looks(20);
  const two = publish();
  looks(5);
  const three = publish();
  for (const f of [one, three, two]) {
    const r = hq.ingest(f);
    assert.equal(r.status, 'ingested');
    assert.deepEqual(r.status === 'ingested' && r.alerts, []);
  }
  assert.deepEqual(syncAlerts(w.hq.db), []);
  const kept = w.hq.db.prepare("SELECT access_head FROM sync_files WHERE station_id = 'toyosu-st01' ORDER BY seq").all() as {
    access_head: string;
  }[];
  assert.deepEqual(
    kept.map((k) => JSON.parse(k.access_head).seq),
    [30, 50, 55],
  );
  // What the file carries of the record: one 64-hex digest per row since the last file, and no row's content
  // (the file is sealed anyway; this is what HQ, which opens it, gets to see).
  const checkpoint = accessCheckpoint(store.db, { seq: 1, sha256: 'x', through_event_seq: 0, access_seq: 50, access_sha256: 'y' });
  assert.equal(checkpoint.accessLink.digests.length, 5);
  assert.ok(checkpoint.accessLink.digests.every((d) => /^[0-9a-f]{64}$/.test(d)));
  const subjects = store.db.prepare('SELECT DISTINCT subject FROM access_records').pluck().all() as string[];
  const carried = JSON.stringify(checkpoint);
  assert.ok(subjects.length > 0 && subjects.every((no) => !carried.includes(no)), 'no reservation number in the checkpoint');
  assert.ok(!carried.includes('clerk:c1'), 'nor who looked');
});

test('the audit’s attack (rows deleted, the trigger and SQLite’s counter put back) is flagged at the next file', (t) => {
  const { w, looks, publish, hq } = world(t);
  looks(40);
  hq.ingest(publish());
  behindTheTrigger(
    w.stations['toyosu-st01']!.db,
    'access_records',
    "DELETE FROM access_records WHERE seq > 2; UPDATE sqlite_sequence SET seq = 2 WHERE name = 'access_records'",
  );
  looks(3);
  const r = hq.ingest(publish());
  assert.equal(r.status, 'ingested', 'taken in all the same: what the station recorded is not dropped');
  // The station's own check saw it too (its published head) and says so; HQ's checkpoint says the record went back.
  assert.deepEqual(r.status === 'ingested' && r.alerts, ['records-tampered', 'access-rewound']);
  assert.match(describeOutcome(r), /要確認: .*個人情報取扱台帳が前のファイルの時点より短くなっている/);
  assert.deepEqual(
    syncAlerts(w.hq.db).map((a) => [a.station_id, a.seq, a.kind]),
    [
      ['toyosu-st01', 2, 'records-tampered'],
      ['toyosu-st01', 2, 'access-rewound'],
    ],
  );
});

test('rows rewritten with every link made again are flagged, even when HQ takes the later file first', (t) => {
  const { w, looks, publish, hq } = world(t);
  looks(10);
  const one = publish();
  looks(10);
  const db = w.stations['toyosu-st01']!.db;
  // Row 4 loses its subject, and every link after it is made again, so that the record holds together again.
  const rows = db
    .prepare('SELECT seq, at, station_id, actor, action, subject, detail FROM access_records ORDER BY seq')
    .all() as Parameters<typeof accessDigest>[0][];
  let at = GENESIS;
  const sql = rows.map((r) => {
    const row = r.seq === 4 ? { ...r, subject: null } : r;
    at = link(at, accessDigest(row));
    return `UPDATE access_records SET subject = ${row.subject === null ? 'NULL' : `'${row.subject}'`}, chain = '${at}' WHERE seq = ${r.seq};`;
  });
  behindTheTrigger(db, 'access_records', sql.join('\n'));
  const two = publish();
  assert.equal(hq.ingest(two).status, 'ingested');
  const r = hq.ingest(one);
  assert.deepEqual(r.status === 'ingested' && r.alerts, ['access-rewritten']);
  assert.deepEqual(
    syncAlerts(w.hq.db).map((a) => a.kind),
    ['records-tampered', 'access-rewritten'],
    'the station’s own check (the head it had published) in file #2; HQ’s in the link between the two files',
  );
});

test('rows already sent, deleted from the middle: the station’s own check goes to HQ in its next file', async (t) => {
  const { w, looks, publish, hq } = world(t);
  looks(40);
  assert.deepEqual(hq.ingest(publish()).status, 'ingested');
  // Rows 10–30 were in file #1's checkpoint: the next file still continues from its end, so only the station's
  // own check can tell, and it travels in the signed file rather than only on the lead's strip.
  behindTheTrigger(w.stations['toyosu-st01']!.db, 'access_records', 'DELETE FROM access_records WHERE seq BETWEEN 10 AND 30');
  looks(2);
  const r = hq.ingest(publish());
  assert.deepEqual(r.status === 'ingested' && r.alerts, ['records-tampered']);
  assert.match(describeOutcome(r), /要確認: 端末自身の検証で、記録（個人情報取扱台帳・業務記録・職員の表）の削除・変更が見つかった/);
  const detail = w.hq.db.prepare("SELECT detail FROM sync_alerts WHERE kind = 'records-tampered'").pluck().get() as string;
  assert.deepEqual(JSON.parse(detail), { record: 'access', seq: 10 });
});
