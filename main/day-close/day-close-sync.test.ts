// Closing the day sends it on its way to HQ: with sync set up, the day's file is in the outbox at once and HQ
// can take it in; without, the close still works and says no file was written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appFixture, manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';
import { openSiteWithKey, type HqStore } from '../store/data-folder';
import { hqSyncInfo, registerStation, setRecipients, stationRegistration } from '../sync/registration';
import { inboxKey } from '../sync/sync-keys';
import { createIngester } from '../sync/ingest';
import { storeVenueKey } from '../sync/sync-keys';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { createApp } from '../app/create-app';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { recordHandover } from '../counter/counter-service';
import { exportSyncFile } from '../sync/export';
import { closeDayAndSend } from './close-and-send';
import { writeSetting } from '../store/settings';
import { backupHistory } from '../backup/backup-record';
import type { IdCheck } from '../../shared/counter/id-documents';

/** 本庁舎's two counter stations over one small received ledger. */
function twoStations(t: { after(fn: () => void): void }, clock: ReturnType<typeof manualClock>, n: number) {
  const list = cards(1, n);
  const w = syncWorld(
    t,
    clock,
    [
      { venue: 'honchosha', stationId: 'honchosha-st01' },
      { venue: 'honchosha', stationId: 'honchosha-st02' },
    ],
    { honchosha: list },
  );
  return { w, list, a: w.stations['honchosha-st01']!, b: w.stations['honchosha-st02']! };
}

const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };

test('day close writes the day’s sync file to the outbox, which HQ takes in', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const { app, keys } = appFixture(t, clock);
  const { store } = app;
  const hq = openSiteWithKey(tempDir(t), 'hq', 'hq-test01', randomBytes(32)).store as HqStore;
  t.after(() => hq.close());
  registerStation(
    hq.db,
    clock,
    { venue: 'hq', stationId: hq.stationId },
    stationRegistration(store.db, store.venue, store.stationId),
    null,
  );

  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const before = await app.invoke('day:close', { date: '2026-11-24' }, 'w');
  assert.ok(before.ok && (before.value as { syncFile: string | null }).syncFile === null, 'not set up yet: closed, no file');

  assert.ok(setRecipients(store.db, hqSyncInfo(hq.db, hq.stationId), keys.venues.toyosu, 'toyosu').ok);
  const closed = await app.invoke('day:close', { date: '2026-11-25' }, 'w');
  assert.ok(closed.ok, JSON.stringify(closed));
  const name = (closed.value as { syncFile: string }).syncFile;
  assert.equal(name, `${store.stationId}-00000001.sync`);
  const outbox = join(store.dir, 'outbox');
  assert.deepEqual(readdirSync(outbox), [name]);
  const taken = createIngester({ db: hq.db, clock, recipient: inboxKey(hq.db)! }).ingest(readFileSync(join(outbox, name)));
  assert.equal(taken.status, 'ingested');
  const closes = hq.db.prepare("SELECT json_extract(payload, '$.date') AS date FROM events WHERE kind = 'day.closed' ORDER BY seq").all();
  assert.deepEqual(closes, [{ date: '2026-11-24' }, { date: '2026-11-25' }], 'HQ holds both closes, the earlier one included');
});

test('a station takes in its siblings’ files from the app, and day close does so first, so the day is the whole venue’s', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const { w, list, a, b } = twoStations(t, clock, 6);
  const outboxB = join(w.dir, 'outbox', 'honchosha-st02');
  registerStation(
    a.db,
    clock,
    { venue: 'honchosha', stationId: a.stationId },
    stationRegistration(b.db, 'honchosha', b.stationId),
    outboxB,
  );
  for (const s of DEMO_STAFF) enrollStaff(a.db, clock, a.stationId, 'test', s);
  const app = createApp(a, clock, () => {});
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const noKey = await app.invoke('sync:pullSiblings', {}, 'w');
  assert.ok(!noKey.ok && noKey.error.code === 'unavailable', 'without the venue key kept here, nothing to open the files with');
  storeVenueKey(a.db, w.venueKeys.honchosha.privateKey);

  recordHandover({ store: b, clock }, { staffId: 'clerk2', displayName: 'c', role: 'clerk' }, list[0]!.reservationNo, idCheck);
  assert.ok(exportSyncFile({ store: b, clock }, outboxB).ok);
  const pulled = await app.invoke('sync:pullSiblings', {}, 'w');
  // The sibling by its venue and id (this station does not know its label); its folder only as detail.
  assert.deepEqual(pulled.ok && pulled.value, [
    { name: '本庁舎 honchosha-st02', source: outboxB, problem: null, ingested: 1, alreadyHad: 0, refused: [] },
  ]);

  recordHandover({ store: b, clock }, { staffId: 'clerk2', displayName: 'c', role: 'clerk' }, list[1]!.reservationNo, idCheck);
  assert.ok(exportSyncFile({ store: b, clock }, outboxB).ok);
  const closed = await app.invoke('day:close', { date: '2026-11-25' }, 'w');
  assert.ok(closed.ok, JSON.stringify(closed));
  const frozen = (
    closed.value as { closed: { figures: { totals: Record<string, number>; byStation: { stationId: string; handedOver: number }[] } } }
  ).closed.figures;
  assert.equal(frozen.totals.handedOver, 2, 'both of the sibling’s handovers, the second taken in by the close');
  assert.deepEqual(
    frozen.byStation.map((s) => [s.stationId, s.handedOver]),
    [['honchosha-st02', 2]],
  );
  await app.close();
});

test('a station whose day a sibling has closed still publishes its own records at 日締め, and says so', async (t) => {
  const clock = manualClock('2026-11-25T08:00:00Z');
  const { w, list, a, b } = twoStations(t, clock, 4);
  registerStation(
    b.db,
    clock,
    { venue: 'honchosha', stationId: b.stationId },
    stationRegistration(a.db, 'honchosha', a.stationId),
    join(a.dir, 'outbox'),
  );
  storeVenueKey(b.db, w.venueKeys.honchosha.privateKey);
  const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
  recordHandover({ store: b, clock }, { staffId: 'clerk2', displayName: 'c', role: 'clerk' }, list[0]!.reservationNo, idCheck);
  const usbB = join(b.dir, '..', 'usb-b');
  mkdirSync(usbB);
  writeSetting(b.db, 'backup-folder', usbB);
  // The sync world opens its folders by key, with no keyring beside them: a stand-in lets the copy be made.
  writeFileSync(join(b.dir, 'keyring.json'), '{}');

  const atA = await closeDayAndSend({ store: a, clock }, lead, '2026-11-25');
  assert.ok(atA.ok && atA.value.syncFile !== null, 'the lead closes the venue’s day at the first station');
  const atB = await closeDayAndSend({ store: b, clock }, lead, '2026-11-25');
  assert.ok(!atB.ok && atB.error.code === 'already-closed', 'the close came in from the sibling: the day stays closed once');
  assert.equal(atB.error.syncFile, `${b.stationId}-00000001.sync`);
  assert.match(atB.error.message, /締め済み.*この端末の記録は送信フォルダに書き出しました（honchosha-st02-00000001\.sync）/);
  assert.deepEqual(readdirSync(join(b.dir, 'outbox')), [atB.error.syncFile], 'the second station’s handover is on its way to HQ');
  // Its own folder is backed up too, as at the station where the day was closed.
  assert.ok(atB.error.backup && existsSync(join(atB.error.backup, 'manifest.json')), JSON.stringify(atB.error));
  assert.match(atB.error.message, /。この端末のバックアップを作りました（.*usb-b/);
  assert.equal(backupHistory(b.db)[0]?.reason, 'day-close');
});
