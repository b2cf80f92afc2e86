// HQ and sibling stations name a station as its venue does (本庁舎 窓口1): its station-label travels in its sync
// files, and the latest file that says it wins whatever order the files arrive in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { manualClock } from '../testing/app-fixture';
import { writeSetting } from '../store/settings';
import { stationLabel } from '../db/queries/sync-stations';
import { exportSyncFile } from './export';
import { createIngester } from './ingest';

test('HQ learns what a station is called from its files; an older file arriving late does not undo a newer name', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const w = syncWorld(t, clock, [
    { venue: 'honchosha', stationId: 'honchosha-st01' },
    { venue: 'sogo', stationId: 'sogo-st01' },
  ]);
  const st = w.stations['honchosha-st01']!;
  const unnamed = w.stations['sogo-st01']!;
  const publish = (store: typeof st) => {
    const r = exportSyncFile({ store, clock }, join(w.dir, 'outbox', store.stationId));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    return readFileSync(r.value.path);
  };
  writeSetting(st.db, 'station-label', '窓口1');
  const first = publish(st);
  writeSetting(st.db, 'station-label', '窓口3');
  const second = publish(st);
  const plain = publish(unnamed);

  const hq = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
  assert.equal(stationLabel(w.hq.db, 'honchosha-st01'), '', 'nothing known before a file');
  assert.equal(hq.ingest(second).status, 'ingested');
  assert.equal(stationLabel(w.hq.db, 'honchosha-st01'), '窓口3');
  assert.equal(hq.ingest(first).status, 'ingested');
  assert.equal(stationLabel(w.hq.db, 'honchosha-st01'), '窓口3', 'the older file arrived late: the newer name stays');
  assert.equal(hq.ingest(plain).status, 'ingested');
  assert.equal(stationLabel(w.hq.db, 'sogo-st01'), '', 'a station without a label stays known by its id');
});
