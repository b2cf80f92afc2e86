// Closing the day sends it on its way to HQ: with sync set up, the day's file is in the outbox at once and HQ
// can take it in; without, the close still works and says no file was written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appFixture, manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';
import { openSiteWithKey, type HqStore } from '../venue/data-folder';
import { hqSyncInfo, registerStation, setRecipients, stationRegistration } from '../sync/registration';
import { inboxKey } from '../sync/sync-keys';
import { createIngester } from '../sync/ingest';

test('day close writes the day’s sync file to the outbox, which HQ takes in', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const { app, keys } = appFixture(t, clock);
  const { store } = app;
  const hq = openSiteWithKey(tempDir(t), 'hq', 'hq-test01', randomBytes(32)).store as HqStore;
  t.after(() => hq.close());
  registerStation(hq.db, clock, { venue: 'hq', stationId: hq.stationId }, stationRegistration(store.db, store.venue, store.stationId), null);

  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w');
  const before = await app.invoke('lead:closeDay', { date: '2026-11-24' }, 'w');
  assert.ok(before.ok && (before.value as { syncFile: string | null }).syncFile === null, 'not set up yet: closed, no file');

  assert.ok(setRecipients(store.db, hqSyncInfo(hq.db, hq.stationId), keys.venues.toyosu, 'toyosu').ok);
  const closed = await app.invoke('lead:closeDay', { date: '2026-11-25' }, 'w');
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
