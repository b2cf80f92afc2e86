// The audit's attack on the access record, and its variations, each found by the check: with the passphrase,
// drop the append-only trigger, delete or change rows, put the trigger back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cards, importTestLedger, tempDir, testKeys, testStore } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { recordHandover } from '../counter/counter-service';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import type { IdCheck } from '../../shared/counter/id-documents';
import { behindTheTrigger } from '../testing/damage';
import { recordAccess } from './access-record';
import { enrollStaff } from '../auth/staff';
import { checkRecords } from './verify-record';
import { GENESIS, accessDigest, link } from './chain';

const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
const clerk = { staffId: 'c1', displayName: '窓口 一', role: 'clerk' as const };

function station(t: Parameters<typeof tempDir>[0], looks = 50) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const store = testStore(tempDir(t), 'toyosu');
  t!.after(() => store.close());
  const list = cards(1, 5);
  importTestLedger(store, testKeys(), 'S1', list, { clock });
  for (let i = 0; i < looks; i++) {
    clock.advance(1000);
    recordAccess(store.db, clock, { stationId: store.stationId, actor: 'clerk:c1', action: 'search', subject: list[i % 5]!.reservationNo });
  }
  assert.ok(confirmShipmentReceipt({ store, clock }, { staffId: 'l1', displayName: '責任者', role: 'lead' }, 'S1').ok);
  for (const c of list.slice(0, 2)) assert.ok(recordHandover({ store, clock }, clerk, c.reservationNo, idCheck).ok);
  return { store, clock, list };
}

test('an untouched station: both records hold, counted', (t) => {
  const { store } = station(t);
  const r = checkRecords(store.db, store.stationId);
  assert.equal(r.problem, null);
  // A change's event is its own record of use (README): the access record holds the looks.
  assert.equal(r.accessRows, 50);
  assert.equal(r.ownEvents, 4, 'the import, the box, two handovers');
});

test('rows deleted from the middle: the first missing number is named', (t) => {
  const { store } = station(t);
  behindTheTrigger(store.db, 'access_records', 'DELETE FROM access_records WHERE seq BETWEEN 3 AND 40');
  const r = checkRecords(store.db, store.stationId);
  assert.equal(r.problem?.record, 'access');
  assert.equal(r.problem?.seq, 3);
  assert.match(r.problem!.message, /個人情報取扱台帳の3件目から40件目までがありません（削除されています）.*RECORD-TAMPERED/);
});

test('the audit’s attack, all but the first two rows deleted: SQLite’s own counter tells; with that put back too, only HQ can', (t) => {
  const { store } = station(t);
  behindTheTrigger(store.db, 'access_records', 'DELETE FROM access_records WHERE seq > 2');
  assert.match(checkRecords(store.db, store.stationId).problem!.message, /記録は50件目まであったはずですが、2件目で終わっています/);
  // Hiding that too (SQLite's own counter put back) leaves what the station published that day.
  store.db.exec("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'access_records'");
  assert.equal(checkRecords(store.db, store.stationId).problem, null, 'nothing in the folder saw further: only HQ can tell (sync test)');
});

test('a row changed after it was written, even with its own link made again, breaks at the next row', (t) => {
  const { store } = station(t);
  behindTheTrigger(store.db, 'access_records', "UPDATE access_records SET actor = 'clerk:c9' WHERE seq = 10");
  assert.match(
    checkRecords(store.db, store.stationId).problem!.message,
    /10件目（2026\/11\/25 10:00の記録）が、記録された後に変更されています/,
  );
  const rows = store.db.prepare('SELECT * FROM access_records WHERE seq IN (9, 10) ORDER BY seq').all() as (Parameters<
    typeof accessDigest
  >[0] & { chain: string })[];
  behindTheTrigger(
    store.db,
    'access_records',
    `UPDATE access_records SET chain = '${link(rows[0]!.chain, accessDigest(rows[1]!))}' WHERE seq = 10`,
  );
  assert.equal(checkRecords(store.db, store.stationId).problem?.seq, 11, 'the next row no longer follows');
});

test('a record rewritten whole, every link made again, is caught by what the station itself published', (t) => {
  const { store, clock } = station(t, 10);
  // A published file's head, as export writes it (the sync flow itself is tested in main/sync/).
  const head = store.db.prepare('SELECT seq, chain FROM access_records ORDER BY seq DESC LIMIT 1').get() as { seq: number; chain: string };
  store.db
    .prepare(
      "INSERT INTO sync_exports (seq, business_date, sha256, through_event_seq, access_seq, access_sha256, created_at, bytes) VALUES (1, '2026-11-25', ?, 1, ?, ?, ?, x'00')",
    )
    .run('e'.repeat(64), head.seq, head.chain, clock.now().toISOString());
  assert.equal(checkRecords(store.db, store.stationId).problem, null);
  const rows = store.db.prepare('SELECT * FROM access_records ORDER BY seq').all() as Parameters<typeof accessDigest>[0][];
  let at = GENESIS;
  const relinked = rows.map((r) => {
    const row = r.seq === 4 ? { ...r, subject: null } : r;
    at = link(at, accessDigest(row));
    return `UPDATE access_records SET subject = ${row.subject === null ? 'NULL' : `'${row.subject}'`}, chain = '${at}' WHERE seq = ${r.seq};`;
  });
  behindTheTrigger(store.db, 'access_records', relinked.join('\n'));
  assert.match(
    checkRecords(store.db, store.stationId).problem!.message,
    new RegExp(`${head.seq}件目までが、同期ファイル #1 で送った時と一致しません`),
  );
});

test('the station’s own events: one deleted, one changed', (t) => {
  const { store } = station(t, 1);
  const own = (store.db.prepare('SELECT count(*) AS n FROM events WHERE station_id = ?').get(store.stationId) as { n: number }).n;
  behindTheTrigger(store.db, 'events', `DELETE FROM events WHERE station_id = '${store.stationId}' AND seq = 2`);
  const r = checkRecords(store.db, store.stationId);
  assert.equal(r.problem?.record, 'events');
  assert.match(r.problem!.message, /この端末の業務記録の2件目がありません/);
  assert.equal(own, 4);

  const { store: other } = station(t, 1);
  behindTheTrigger(other.db, 'events', `UPDATE events SET actor = 'lead:l9' WHERE station_id = '${other.stationId}' AND seq = 3`);
  assert.match(checkRecords(other.db, other.stationId).problem!.message, /この端末の業務記録の3件目.*変更されています/);
});

test('a clerk made a lead in the staff table behind the app’s back: the role no longer matches its enrolment', (t) => {
  const { store, clock } = station(t, 1);
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'clerk2', displayName: '窓口 二', role: 'clerk', pin: '2222' });
  assert.equal(checkRecords(store.db, store.stationId).problem, null);
  store.db.prepare("UPDATE staff SET role = 'lead' WHERE staff_id = 'clerk2'").run();
  const r = checkRecords(store.db, store.stationId);
  assert.equal(r.problem?.record, 'staff');
  assert.match(
    r.problem!.message,
    /職員 clerk2 の役割（会場責任者）が、登録の記録（窓口職員）と違います（職員の表が書き換えられています）.*RECORD-TAMPERED/,
  );
});
