// この端末で自動的に開く, end to end through the station as the window calls it, with the fake OS key store: the
// lead turns it on with the passphrase; the next start opens the folder without it (staff still sign in); another
// OS user, a store reset or none at all leave the unlock screen saying why, and the passphrase opens it.
import '../testing/memo-scrypt';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStation, type StationOptions } from './station';
import { createDataFolder, createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { fakeOsKeyStore } from '../store/fake-os-key-store';
import { KEYRING_FILE } from '../store/folder-files';
import { unlockKeyring } from '../store/keyring';
import { readAccessRecords } from '../access/access-record';
import { openDataFolder } from '../store/data-folder';

const PASS = 'venue passphrase 9';

function venueFolder(t: { after(fn: () => void): void }) {
  const dir = join(tempDir(t), 'toyosu');
  const store = createVenueDataFolder(dir, 'toyosu', PASS, 'toyosu-st01');
  const clock = manualClock('2026-11-25T01:00:00Z');
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'lead1', displayName: '責任者', role: 'lead', pin: '9999' });
  enrollStaff(store.db, clock, store.stationId, 'test', { staffId: 'clerk1', displayName: '窓口', role: 'clerk', pin: '1111' });
  store.close();
  return { dir, clock };
}

async function started(
  t: { after(fn: () => void): void },
  dir: string,
  clock = manualClock('2026-11-25T01:00:00Z'),
  options: StationOptions = {},
) {
  const lines: string[] = [];
  const station = createStation(dir, clock, (l) => lines.push(l), options);
  t.after(() => station.close());
  const status = await station.invoke('station:status', {}, 'w');
  assert.ok(status.ok);
  return { station, lines, view: status.value as { unlocked: boolean; autoOpenProblem?: string } };
}

const call = async (s: { invoke: (c: string, i: unknown, w: string) => Promise<unknown> }, channel: string, input: unknown, w = 'w') =>
  (await s.invoke(channel, input, w)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };

const settingRows = (dir: string) => {
  const opened = openDataFolder(dir, PASS);
  assert.ok(opened.ok);
  try {
    return readAccessRecords(opened.value.store.db).filter((r) => r.action === 'auto-open-settings');
  } finally {
    opened.value.store.close();
  }
};

describe('この端末で自動的に開く', () => {
  test('the lead turns it on with the passphrase; the next start opens the folder without it, and staff still sign in', async (t) => {
    const { dir, clock } = venueFolder(t);
    const os = fakeOsKeyStore('windows-user-a');
    const first = await started(t, dir, clock, { osKeyStore: os });
    assert.equal(first.view.unlocked, false, 'no OS slot yet: the station opens locked');
    assert.equal(first.view.autoOpenProblem, undefined, 'and says nothing about it');
    assert.ok(first.station.unlock(PASS).ok);
    const { station } = first;
    assert.ok((await call(station, 'session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk')).ok);
    assert.ok((await call(station, 'session:signIn', { staffId: 'lead1', pin: '9999' })).ok);

    // A clerk is refused in main, whatever the window sends.
    for (const channel of ['auto-open:status', 'auto-open:enable', 'auto-open:disable']) {
      const r = await call(station, channel, { passphrase: PASS }, 'clerk');
      assert.deepEqual(r, { ok: false, error: { code: 'forbidden', message: 'この操作の権限がありません' } }, channel);
    }
    assert.deepEqual(await call(station, 'auto-open:status', {}), { ok: true, value: { on: false, unavailable: null } });
    // The passphrase is asked again: one who found the station signed in cannot bind it to this PC.
    const blank = await call(station, 'auto-open:enable', { passphrase: '' });
    assert.deepEqual(blank, { ok: false, error: { code: 'invalid-input', message: 'パスフレーズを入力してください' } });
    const missing = await call(station, 'auto-open:enable', {});
    assert.equal(missing.error?.message, 'パスフレーズを入力してください');
    const wrong = await call(station, 'auto-open:enable', { passphrase: 'not the passphrase' });
    assert.equal(wrong.error?.code, 'wrong-passphrase');
    assert.match(wrong.error!.message, /^パスフレーズが違います/);
    assert.ok(!wrong.error!.message.includes('not the passphrase'), 'what was typed is never echoed');

    const before = readFileSync(join(dir, KEYRING_FILE), 'utf8');
    assert.deepEqual(await call(station, 'auto-open:enable', { passphrase: PASS }), { ok: true, value: { on: true, unavailable: null } });
    const after = readFileSync(join(dir, KEYRING_FILE), 'utf8');
    // Replaced whole (temp file renamed over it): either file opens by passphrase, and no temp file is left.
    assert.ok(unlockKeyring(before, PASS).ok && unlockKeyring(after, PASS).ok);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes(KEYRING_FILE)),
      [KEYRING_FILE],
    );
    await station.close();

    const again = await started(t, dir, clock, { osKeyStore: os });
    assert.equal(again.view.unlocked, true, 'opened at start by the OS slot');
    assert.ok(again.lines.includes('station auto-open: opened with the OS key store'));
    const r = await call(again.station, 'counter:status', {});
    assert.equal(r.error?.code, 'signed-out', 'staff still sign in with their PINs');
    assert.ok((await call(again.station, 'session:signIn', { staffId: 'lead1', pin: '9999' })).ok);

    // Turned off, the slot is gone: the next start asks for the passphrase again, and says nothing more.
    assert.deepEqual(await call(again.station, 'auto-open:disable', {}), { ok: true, value: { on: false, unavailable: null } });
    assert.ok(!readFileSync(join(dir, KEYRING_FILE), 'utf8').includes('"os"'));
    await again.station.close();
    const off = await started(t, dir, clock, { osKeyStore: os });
    assert.equal(off.view.unlocked, false);
    assert.equal(off.view.autoOpenProblem, undefined);
    await off.station.close();

    // Both changes are in the access record as settings, by whom; the refused tries changed nothing.
    assert.deepEqual(
      settingRows(dir).map((r) => [r.actor, r.detail]),
      [
        ['lead:lead1', { on: true }],
        ['lead:lead1', { on: false }],
      ],
    );
  });

  for (const [what, spoil, problem] of [
    ['another Windows user', (os: ReturnType<typeof fakeOsKeyStore>) => void (os.user = 'windows-user-b'), /違う Windows のユーザー/],
    ["the OS's store reset", (os: ReturnType<typeof fakeOsKeyStore>) => void (os.failOpen = true), /資格情報で鍵を取り出せませんでした/],
    [
      'no OS key store at all',
      (os: ReturnType<typeof fakeOsKeyStore>) => void (os.usable = false),
      /OS の資格情報（鍵の保管庫）が使えない/,
    ],
  ] as const) {
    test(`${what}: the station opens locked, the unlock screen says why, and the passphrase opens it`, async (t) => {
      const { dir, clock } = venueFolder(t);
      const os = fakeOsKeyStore('windows-user-a');
      const first = await started(t, dir, clock, { osKeyStore: os });
      assert.ok(first.station.unlock(PASS).ok);
      await call(first.station, 'session:signIn', { staffId: 'lead1', pin: '9999' });
      assert.ok((await call(first.station, 'auto-open:enable', { passphrase: PASS })).ok);
      await first.station.close();

      spoil(os);
      const s = await started(t, dir, clock, { osKeyStore: os });
      assert.equal(s.view.unlocked, false);
      assert.match(s.view.autoOpenProblem ?? '', problem);
      assert.match(s.view.autoOpenProblem ?? '', /パスフレーズを入力して開いてください/);
      assert.ok(s.lines.some((l) => l.startsWith('station auto-open: not opened')));
      assert.ok(!s.lines.join('\n').includes(dir), 'the log names no path');
      const unlocked = await call(s.station, 'station:unlock', { passphrase: PASS });
      assert.ok(unlocked.ok);
      assert.equal((unlocked.value as { unlocked: boolean }).unlocked, true);
    });
  }

  test('refused with a clear message where there is no OS key store (browser mode, a Linux without one)', async (t) => {
    const { dir, clock } = venueFolder(t);
    const os = fakeOsKeyStore();
    os.usable = false;
    for (const options of [{}, { osKeyStore: os }]) {
      const { station } = await started(t, dir, clock, options);
      assert.ok(station.unlock(PASS).ok);
      await call(station, 'session:signIn', { staffId: 'lead1', pin: '9999' });
      const view = await call(station, 'auto-open:status', {});
      assert.equal((view.value as { unavailable: string }).unavailable.startsWith('この端末では OS の資格情報'), true);
      const r = await call(station, 'auto-open:enable', { passphrase: PASS });
      assert.equal(r.error?.code, 'unavailable');
      assert.match(r.error!.message, /自動的に開く設定はできません/);
      await station.close();
    }
    assert.equal(settingRows(dir).length, 0);
  });

  test('wrong passphrases typed in the setting wait as the unlock screen does: five, then 30 s', async (t) => {
    const { dir, clock } = venueFolder(t);
    const { station } = await started(t, dir, clock, { osKeyStore: fakeOsKeyStore() });
    assert.ok(station.unlock(PASS).ok);
    await call(station, 'session:signIn', { staffId: 'lead1', pin: '9999' });
    for (let i = 0; i < 5; i++)
      assert.equal((await call(station, 'auto-open:enable', { passphrase: 'guess' })).error?.code, 'wrong-passphrase');
    assert.equal((await call(station, 'auto-open:enable', { passphrase: PASS })).error?.code, 'locked-out');
    clock.advance(30_000);
    assert.ok((await call(station, 'auto-open:enable', { passphrase: PASS })).ok);
  });

  test("HQ's own folder: HQ staff turn it on, and it opens at the next start", async (t) => {
    const dir = join(tempDir(t), 'hq');
    const clock = manualClock('2026-11-25T01:00:00Z');
    const made = createDataFolder(dir, 'hq', PASS, 'hq-test01').store;
    enrollStaff(made.db, clock, made.stationId, 'test', { staffId: 'hq1', displayName: '本部　一', role: 'hq', pin: '8888' });
    made.close();
    const os = fakeOsKeyStore();
    const first = await started(t, dir, clock, { osKeyStore: os });
    assert.ok(first.station.unlock(PASS).ok);
    assert.ok((await call(first.station, 'session:signIn', { staffId: 'hq1', pin: '8888' })).ok);
    assert.ok((await call(first.station, 'auto-open:enable', { passphrase: PASS })).ok);
    await first.station.close();
    const again = await started(t, dir, clock, { osKeyStore: os });
    assert.equal(again.view.unlocked, true);
    await again.station.close();
    assert.deepEqual(
      settingRows(dir).map((r) => r.actor),
      ['hq:hq1'],
    );
  });
});
