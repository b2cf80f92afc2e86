// The retention plan says, per kind of residents' data, how much there is and where, including what left the
// folder: backups on a medium and plaintext files written out, each until it is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder } from '../store/data-folder';
import { cards, importTestLedger, tempDir, testKeys } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { backUp } from '../backup/back-up';
import { recordAccess } from '../access/access-record';
import { writeSetting } from '../store/settings';
import { retentionPlan } from './retention-plan';

test('retention plan: counts per category, backups and plaintext files by place, until each is gone', async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const dir = tempDir(t);
  const store = createVenueDataFolder(join(dir, 'data'), 'sogo', 'correct horse battery staple');
  t.after(() => store.close());
  importTestLedger(store, testKeys(), 'S1', cards(1, 12), { clock });
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const made = await backUp(store, clock, 'lead:lead1', { to: usb, reason: 'manual' });
  assert.ok(made.ok);
  const pdf = join(dir, 'daily.pdf');
  writeFileSync(pdf, 'x');
  recordAccess(store.db, clock, {
    stationId: store.stationId,
    actor: 'lead:lead1',
    action: 'export',
    detail: { destination: pdf, subjects: [] },
  });

  const plan = retentionPlan(store);
  assert.equal(plan.contractEnd, null);
  const by = Object.fromEntries(plan.categories.map((c) => [c.id, c]));
  assert.equal(by['resident-rows']!.count, 12);
  assert.equal(by['events']!.count, 1, 'the import');
  assert.equal(by['access-record']!.count, 2, 'the backup and the export');
  assert.deepEqual(
    by['backups']!.places.map((p) => [p.path, p.present]),
    [[made.ok && made.value.path, true]],
  );
  assert.deepEqual(
    by['plaintext-files']!.places.map((p) => [p.path, p.present]),
    [[pdf, true]],
  );
  assert.match(by['resident-rows']!.method, /暗号消去/);

  // A file gone (erased by hand, most likely): listed, no longer counted. A backup not found is on a medium taken
  // away (the ones the station removed itself are not listed at all): counted still, to be destroyed by hand.
  rmSync(pdf);
  rmSync(usb, { recursive: true });
  assert.ok(writeSetting(store.db, 'contract-end', '2027-03-31').ok);
  const later = retentionPlan(store);
  assert.equal(later.contractEnd, '2027-03-31');
  const again = Object.fromEntries(later.categories.map((c) => [c.id, c]));
  assert.deepEqual([again['backups']!.count, again['plaintext-files']!.count], [1, 0]);
  assert.deepEqual(
    again['plaintext-files']!.places.map((p) => p.present),
    [false],
  );
  assert.equal(writeSetting(store.db, 'contract-end', '2027/03/31').ok, false);
});
