import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createStation } from './station';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { tempDir } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { manualClock } from '../testing/app-fixture';
import { writeSetting } from '../store/settings';

const PASS = 'venue passphrase 9';
const clock = fixedClock('2026-11-25T01:00:00Z');

test('a station starts locked: only station:status and station:unlock answer until the passphrase opens it', async (t) => {
  const dir = join(tempDir(t), 'sogo');
  const store = createVenueDataFolder(dir, 'sogo', PASS, 'sogo-st01');
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'clerk1', displayName: '窓口', role: 'clerk', pin: '1111' });
  writeSetting(store.db, 'station-label', '窓口2');
  store.close();
  let opened = 0;
  const station = createStation(dir, clock, () => {}, { onOpened: () => opened++ });
  t.after(() => station.close());

  assert.deepEqual(await station.invoke('station:status', {}, 'w'), {
    ok: true,
    // Locked, the station says its venue and, from the plain copy beside the keyring, its label (the database's
    // label, and the name made from it, are inside the encrypted folder).
    value: {
      unlocked: false,
      hq: false,
      venue: { id: 'sogo', name: '総合区民センター', place: '総合区民センター 2階' },
      stationId: 'sogo-st01',
      stationName: null,
      stationLabel: '窓口2',
      freeSpace: null,
    },
  });
  for (const channel of ['session:get', 'session:signIn', 'counter:scan']) {
    const r = await station.invoke(channel, {}, 'w');
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'station-locked', channel);
  }
  const wrong = await station.invoke('station:unlock', { passphrase: 'not it at all' }, 'w');
  assert.ok(!wrong.ok);
  assert.equal(wrong.error.code, 'wrong-passphrase');
  assert.equal(opened, 0);

  const r = await station.invoke('station:unlock', { passphrase: PASS }, 'w');
  assert.ok(r.ok);
  assert.equal((r.value as { unlocked: boolean }).unlocked, true);
  // Open, the station is named as people name it, by the unlock's answer and from then on.
  assert.equal((r.value as { stationName: string }).stationName, '総合区民センター 窓口2');
  const status = await station.invoke('station:status', {}, 'w');
  assert.equal(status.ok && (status.value as { stationName: string }).stationName, '総合区民センター 窓口2');
  assert.equal(opened, 1);
  assert.ok((await station.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'w')).ok);
  assert.ok((await station.invoke('station:unlock', { passphrase: 'anything' }, 'w')).ok, 'once open, unlocking again is a no-op');
  assert.equal(opened, 1);
});

test('a station whose data folder does not exist says so, and that it needs its first-run setup', async (t) => {
  const station = createStation(join(tempDir(t), 'nothing-here'), clock, () => {});
  assert.deepEqual(await station.invoke('station:status', {}, 'w'), {
    ok: true,
    value: {
      unlocked: false,
      hq: false,
      venue: null,
      stationId: null,
      stationName: null,
      stationLabel: null,
      freeSpace: null,
      needsSetup: true,
    },
  });
  const r = await station.invoke('station:unlock', { passphrase: PASS }, 'w');
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'no-data-folder');
});

test('wrong passphrases at the unlock screen: after five in a row the unlock waits, doubling, and even the right one waits', async (t) => {
  const dir = join(tempDir(t), 'toyosu');
  createVenueDataFolder(dir, 'toyosu', PASS, 'toyosu-st01').close();
  const clock = manualClock('2026-11-25T01:00:00Z');
  const station = createStation(dir, clock, () => {});
  t.after(() => station.close());
  const unlock = async (passphrase: string) => station.invoke('station:unlock', { passphrase }, 'w');
  for (let i = 0; i < 5; i++) assert.equal(((await unlock('guess')) as { error: { code: string } }).error.code, 'wrong-passphrase');
  const waiting = await unlock(PASS);
  assert.ok(!waiting.ok);
  assert.equal(waiting.error.code, 'locked-out');
  assert.equal(waiting.error.message, 'パスフレーズの誤りが続いたため、10:00 まで解除できません（会場責任者に確認してください）');
  clock.advance(30_000);
  assert.equal(((await unlock('guess')) as { error: { code: string } }).error.code, 'wrong-passphrase', 'the wait is over: one more try');
  assert.match(((await unlock(PASS)) as { error: { message: string } }).error.message, /10:01 まで/, 'the next wait is twice as long');
  clock.advance(60_000);
  assert.ok((await unlock(PASS)).ok, 'the right passphrase once the wait is over');
});

test('a station whose app fails to start stays locked (nothing half-started is kept) and unlocks once the fault is gone', async (t) => {
  const dir = join(tempDir(t), 'sogo');
  createVenueDataFolder(dir, 'sogo', PASS, 'sogo-st01').close();
  let fail = true;
  const station = createStation(dir, clock, () => {}, {
    onOpened: () => {
      if (fail) throw new Error('the scanner would not start');
    },
  });
  t.after(() => station.close());
  assert.throws(() => station.unlock(PASS), /scanner/);
  const status = await station.invoke('station:status', {}, 'w');
  assert.ok(status.ok && !(status.value as { unlocked: boolean }).unlocked, 'nothing half-started is left open');
  fail = false;
  // The failed start lets go of the folder as its parts stop (a sibling pull in flight finishes first): a person
  // trying again a moment later finds it free.
  let again = station.unlock(PASS);
  for (let waited = 0; !again.ok && again.message.includes('FOLDER-IN-USE') && waited < 3_000; waited += 20) {
    await new Promise((r) => setTimeout(r, 20));
    again = station.unlock(PASS);
  }
  assert.deepEqual(again, { ok: true }, 'once what failed is fixed, the same station unlocks');
});
