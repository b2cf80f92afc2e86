// The counter names people and stations, never shows their ids alone: 交付済み says 窓口　一郎 at 本庁舎 窓口1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDir, testStore } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { enrollStaff } from '../auth/staff';
import { writeSetting } from '../store/settings';
import { actorName, handoverView, stationName } from './names';

const clock = fixedClock('2026-12-02T10:42:00Z');

function station(t: { after(fn: () => void): void }) {
  const store = testStore(tempDir(t), 'honchosha');
  t.after(() => store.close());
  enrollStaff(store.db, clock, store.stationId, 'demo', { staffId: 'clerk1', displayName: '窓口　一郎', role: 'clerk', pin: '1111' });
  return store;
}

test('a station is its venue and its label; without a label (a sibling), its venue and id; of no venue, its id', (t) => {
  const store = station(t);
  assert.equal(stationName(store, store.stationId), '本庁舎 honchosha-test01');
  assert.ok(writeSetting(store.db, 'station-label', '窓口1').ok);
  assert.equal(stationName(store, store.stationId), '本庁舎 窓口1');
  assert.equal(stationName(store, 'honchosha-demo02'), '本庁舎 honchosha-demo02');
  assert.equal(stationName(store, 'toyosu-a1b2c3'), '豊洲シビックセンター toyosu-a1b2c3');
  assert.equal(stationName(store, 'somewhere'), 'somewhere');
  assert.equal(writeSetting(store.db, 'station-label', ' ').ok, false, 'a blank label is refused');
});

test('a staff member is their display name; one this station does not know keeps id and role', (t) => {
  const store = station(t);
  assert.equal(actorName(store, 'clerk:clerk1'), '窓口　一郎');
  assert.equal(actorName(store, 'clerk:clerk9'), 'clerk9（窓口職員）');
  assert.equal(actorName(store, 'demo'), 'demo');
  const ref = { eventId: 'e1', at: '2026-12-02T10:42:00Z', stationId: store.stationId, actor: 'clerk:clerk1' };
  assert.deepEqual(handoverView(store, ref), { ...ref, stationName: '本庁舎 honchosha-test01', actorName: '窓口　一郎' });
});
