// The station checks its chained records as it is unlocked (issue 14): a folder changed behind the append-only
// trigger while the app was closed is said to the lead on the strip, and in the log without anything personal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createStation } from './station';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { recordAccess } from '../access/access-record';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { behindTheTrigger } from '../testing/damage';
import type { StatusView } from '../../shared/ipc/contract';

const PASS = 'venue passphrase 9';

async function unlockedStatus(t: Parameters<typeof tempDir>[0], tamper: boolean) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const dir = join(tempDir(t), 'sogo');
  const store = createVenueDataFolder(dir, 'sogo', PASS, 'sogo-st01');
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'lead1', displayName: '責任者', role: 'lead', pin: '9999' });
  for (let i = 0; i < 20; i++) {
    clock.advance(1000);
    recordAccess(store.db, clock, { stationId: store.stationId, actor: 'clerk:c1', action: 'scan-view', subject: `SOGO-${100000 + i}` });
  }
  if (tamper) behindTheTrigger(store.db, 'access_records', 'DELETE FROM access_records WHERE seq BETWEEN 5 AND 9');
  store.close();
  const log: string[] = [];
  const station = createStation(dir, clock, (l) => log.push(l));
  t!.after(() => station.close());
  assert.ok((await station.invoke('station:unlock', { passphrase: PASS }, 'w')).ok);
  assert.ok((await station.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'w')).ok);
  const r = await station.invoke('counter:status', {}, 'w');
  assert.ok(r.ok);
  return { status: r.value as StatusView, log };
}

test('rows deleted while the app was closed: the lead is told at the first status after unlock', async (t) => {
  const { status, log } = await unlockedStatus(t, true);
  assert.equal(status.records?.record, 'access');
  assert.equal(status.records?.seq, 5);
  assert.match(
    status.records!.message,
    /個人情報取扱台帳の5件目から9件目までがありません.*事務センターに連絡してください（コード: RECORD-TAMPERED）/,
  );
  const line = log.find((l) => l.includes('RECORD-TAMPERED'));
  assert.equal(line, 'records: access chain breaks at 5 (RECORD-TAMPERED)');
  assert.ok(!log.join('\n').includes('SOGO-'), 'no reservation number in the log');
});

test('an untouched folder: nothing to say', async (t) => {
  const { status, log } = await unlockedStatus(t, false);
  assert.equal(status.records, null);
  assert.ok(!log.some((l) => l.includes('RECORD-TAMPERED')));
});
