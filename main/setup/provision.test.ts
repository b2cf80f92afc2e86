// A counter PC's first-run setup in the app (issue 16): what the venue lead did with four commands is done by the
// station's own setup channels, checked step by step, made at once, and refused once the folder exists.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createStation } from '../app/station';
import { fixedClock } from '../clock';
import { tempDir, testKeys } from '../testing/fixtures';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair, keyIdOf, rawPublicKey } from '../crypto/key-files';
import { fingerprintOf } from '../crypto/hq-key-trust';
import { pinnedHqKey } from '../crypto/hq-pin';
import { generateTlsIdentity } from '../sync/tls-identity';
import { encodeHqSyncFile } from '../sync/hq-sync-file';
import { parseStationRegistration, recipients } from '../sync/registration';
import { venueKey } from '../sync/sync-keys';
import { createDataFolder, openVenueDataFolder, type VenueStore } from '../store/data-folder';
import { readSetting } from '../store/settings';
import { readEvents } from '../db/event-log';
import { listStaff } from '../auth/staff';
import type { SetupDraft } from '../../shared/ipc/contract/setup';
import type { IpcResult } from '../../shared/ipc/contract';
import { provisionStation } from './provision';

const clock = fixedClock('2026-12-03T00:00:00Z');
const PASS = 'toyosu counter pc 1';
const KEY_PASS = 'toyosu venue key';
const keys = testKeys();

function hqSyncFile(signer = keys.hq): string {
  const { publicKey } = generateKeyPairSync('x25519');
  const tls = generateTlsIdentity('hq-test');
  const info = {
    format: 'madoguchi-hq-sync' as const,
    version: 1 as const,
    inbox: { keyId: keyIdOf(publicKey), publicKey: rawPublicKey(publicKey).toString('base64') },
    tls: { certPem: tls.certPem, fingerprint: tls.fingerprint },
  };
  return encodeHqSyncFile(info, signer, clock.now());
}
const HQ_SYNC = hqSyncFile();

function world(t: { after(fn: () => void): void }) {
  const root = tempDir(t);
  const usb = join(root, 'usb');
  mkdirSync(usb);
  return { root, dataDir: join(root, 'Madoguchi'), usb };
}

function draft(usb: string, patch: Partial<SetupDraft> = {}): SetupDraft {
  return {
    venue: 'toyosu',
    stationLabel: '窓口3',
    passphrase: PASS,
    passphraseAgain: PASS,
    hqPublicKeyFile: encodePublicKeyFile(keys.hq),
    hqFingerprintConfirmed: true,
    sync: { hqSyncFile: HQ_SYNC, venueKeyFile: encodePrivateKeyFile(keys.venues.toyosu, KEY_PASS), venueKeyPassphrase: KEY_PASS },
    lead: { staffId: 'lead7', displayName: '豊洲　責任者', pin: '7391', pinAgain: '7391' },
    registrationFolder: usb,
    ...patch,
  };
}

function openStore(dataDir: string): VenueStore {
  const r = openVenueDataFolder(dataDir, PASS);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

/** Nothing of a station anywhere: no folder, no hidden one being made beside it, no registration file. */
function assertNothingMade(w: ReturnType<typeof world>) {
  assert.equal(existsSync(w.dataDir), false, 'no data folder');
  assert.deepEqual(readdirSync(dirname(w.dataDir)).sort(), ['usb'], 'nothing half-made beside it');
  assert.deepEqual(readdirSync(w.usb), [], 'no registration file');
}

const errorOf = (r: IpcResult<unknown>) => {
  assert.ok(!r.ok, 'refused');
  return r.error;
};

test('a new station is set up from the window: HQ key pinned, sync set, the first lead enrolled as setup, the file for HQ written, then sign-in', async (t) => {
  const w = world(t);
  const station = createStation(w.dataDir, clock, () => {});
  t.after(() => station.close());
  const status = await station.invoke('station:status', {}, 'w');
  assert.ok(status.ok && (status.value as { needsSetup?: boolean }).needsSetup === true);

  // hq.pub is read as it is chosen: its whole fingerprint, as `keys hq` prints it at HQ.
  const fp = await station.invoke('setup:hq-key', { hqPublicKeyFile: encodePublicKeyFile(keys.hq) }, 'w');
  assert.deepEqual(fp, { ok: true, value: { fingerprint: fingerprintOf(keys.hq) } });
  assert.equal(fingerprintOf(keys.hq).split(' ').length, 16);
  const checked = await station.invoke('setup:check', { upTo: 'lead', draft: draft(w.usb) }, 'w');
  assert.deepEqual(checked, { ok: true, value: { hqFingerprint: fingerprintOf(keys.hq), folderPicker: false } });
  // Checking writes nothing.
  assert.equal(existsSync(w.dataDir), false);

  const done = await station.invoke('setup:complete', draft(w.usb), 'w');
  assert.ok(done.ok, done.ok ? '' : done.error.message);
  assert.equal((done.value as { unlocked: boolean }).unlocked, true);
  assert.equal((done.value as { stationName: string }).stationName, '豊洲シビックセンター 窓口3');
  assert.equal((done.value as { needsSetup?: true }).needsSetup, undefined);
  // The lead is at the usual sign-in, and signs in with the account just made.
  const signedIn = await station.invoke('session:signIn', { staffId: 'lead7', pin: '7391' }, 'w');
  assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.error.message);
  assert.equal((signedIn.value as { role: string }).role, 'lead');

  const [file, ...more] = readdirSync(w.usb);
  assert.equal(more.length, 0);
  const reg = parseStationRegistration(readFileSync(join(w.usb, file!), 'utf8'));
  assert.ok(reg.ok);
  assert.equal(reg.value.venue, 'toyosu');
  assert.equal(file, `${reg.value.stationId}.station.json`);

  // A second run is refused by main, whatever the window sends.
  assert.equal(errorOf(await station.invoke('setup:complete', draft(w.usb), 'w')).code, 'unavailable');
  await station.close();
  const again = createStation(w.dataDir, clock, () => {});
  t.after(() => again.close());
  const st = await again.invoke('station:status', {}, 'w');
  assert.ok(st.ok && (st.value as { needsSetup?: true }).needsSetup === undefined, 'a set-up station shows its unlock screen');
  for (const [channel, input] of [
    ['setup:complete', draft(w.usb)],
    ['setup:check', { upTo: 'station', draft: draft(w.usb) }],
    ['setup:hq-key', { hqPublicKeyFile: encodePublicKeyFile(keys.hq) }],
    ['setup:choose-folder', {}],
  ] as const) {
    const e = errorOf(await again.invoke(channel, input, 'w'));
    assert.equal(e.code, 'conflict', channel);
    assert.match(e.message, /すでに設定されています/);
  }

  const store = openStore(w.dataDir);
  try {
    assert.equal(store.stationId, reg.value.stationId);
    assert.equal(pinnedHqKey(store.db)?.key.keyId, keys.hq.keyId);
    assert.equal(pinnedHqKey(store.db)?.via, 'trust-hq');
    assert.equal(readSetting(store.db, 'station-label'), '窓口3');
    assert.deepEqual(listStaff(store.db), [{ staffId: 'lead7', displayName: '豊洲　責任者', role: 'lead' }]);
    // Recorded as the command line's first `staff add` is: by `setup`.
    const enrolled = readEvents(store.db, 'staff.enrolled');
    assert.deepEqual(
      enrolled.map((e) => [e.actor, e.payload]),
      [['setup', { staffId: 'lead7', role: 'lead' }]],
    );
    assert.deepEqual(
      recipients(store.db)
        .map((r) => r.role)
        .sort(),
      ['hq', 'venue'],
    );
    assert.equal(venueKey(store.db)?.keyId, keys.venues.toyosu.keyId);
  } finally {
    store.close();
  }
});

test('the sync may be left for later (後で): the station is made without recipients, and says nothing about them', (t) => {
  const w = world(t);
  const r = provisionStation(w.dataDir, clock, draft(w.usb, { sync: null }));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const store = openStore(w.dataDir);
  try {
    assert.deepEqual(recipients(store.db), []);
    assert.equal(venueKey(store.db), null);
  } finally {
    store.close();
  }
});

test('an empty folder where the data folder goes (made by an installer) is set up; one with anything in it is not', async (t) => {
  const w = world(t);
  mkdirSync(w.dataDir);
  assert.ok(provisionStation(w.dataDir, clock, draft(w.usb)).ok);
  const w2 = world(t);
  mkdirSync(w2.dataDir);
  mkdirSync(join(w2.dataDir, 'something'));
  const station = createStation(w2.dataDir, clock, () => {});
  const st = await station.invoke('station:status', {}, 'w');
  assert.ok(st.ok && (st.value as { needsSetup?: true }).needsSetup === undefined);
  const r = provisionStation(w2.dataDir, clock, draft(w2.usb));
  assert.ok(!r.ok);
  assert.match(r.error.message, /すでに設定されています/);
});

const SOME_VENUE_PUB = encodePublicKeyFile(keys.venues.toyosu);

for (const [what, patch, step, message] of [
  ['a weak passphrase', { passphrase: 'short', passphraseAgain: 'short' }, 'passphrase', /パスフレーズは\d+文字以上/],
  ['passphrases that differ', { passphraseAgain: `${PASS}x` }, 'passphrase', /パスフレーズが一致しません/],
  ['no venue', { venue: null }, 'station', /会場を選んでください/],
  ['a label too long', { stationLabel: 'あ'.repeat(21) }, 'station', /端末の呼び名は1〜20 文字/],
  ['a venue public key given as hq.pub', { hqPublicKeyFile: SOME_VENUE_PUB }, 'hq-key', /事務センターの公開鍵ではありません/],
  ['a file that is no key at all as hq.pub', { hqPublicKeyFile: 'hello' }, 'hq-key', /公開鍵ファイルではありません/],
  ['the fingerprint not confirmed', { hqFingerprintConfirmed: false }, 'hq-key', /電話で読み上げて/],
  [
    'an altered hq-sync.json',
    { sync: { ...draft('').sync!, hqSyncFile: HQ_SYNC.replace(/"keyId": "[0-9a-f]{4}/, '"keyId": "0000') } },
    'sync',
    /同期設定ファイル.*署名が正しくありません/,
  ],
  [
    'an hq-sync.json another key signed',
    { sync: { ...draft('').sync!, hqSyncFile: hqSyncFile(generateKeyPair('hq', null)) } },
    'sync',
    /同期設定ファイル/,
  ],
  ['a wrong venue key passphrase', { sync: { ...draft('').sync!, venueKeyPassphrase: 'not the one' } }, 'sync', /パスフレーズが違う/],
  [
    'another venue’s key',
    { sync: { ...draft('').sync!, venueKeyFile: encodePrivateKeyFile(keys.venues.sogo, KEY_PASS) } },
    'sync',
    /豊洲シビックセンターのものではありません（総合区民センターの会場鍵）/,
  ],
  ['a lead id with a space', { lead: { ...draft('').lead, staffId: 'lead 7' } }, 'lead', /職員IDは英数字/],
  ['PINs that differ', { lead: { ...draft('').lead, pinAgain: '7392' } }, 'lead', /PINが一致しません/],
  ['a PIN of letters', { lead: { ...draft('').lead, pin: 'abcd', pinAgain: 'abcd' } }, 'lead', /PINは4〜8桁の数字/],
  ['a registration folder that is not there', { registrationFolder: '/nonexistent/usb' }, 'registration', /見つかりません/],
  ['a relative registration folder', { registrationFolder: 'usb' }, 'registration', /途中からの書き方/],
] as const) {
  test(`setup refuses ${what}, naming it, and makes nothing`, async (t) => {
    const w = world(t);
    const bad = { ...draft(w.usb), ...patch } as SetupDraft;
    const station = createStation(w.dataDir, clock, () => {});
    t.after(() => station.close());
    // The step's own check says so, and so does the final one.
    const checked = errorOf(await station.invoke('setup:check', { upTo: step, draft: bad }, 'w'));
    assert.match(checked.message, message);
    const done = errorOf(await station.invoke('setup:complete', bad, 'w'));
    assert.match(done.message, message);
    assert.equal(done.code, 'invalid-input');
    assertNothingMade(w);
  });
}

test('a registration folder inside where the data folder goes is refused', (t) => {
  const w = world(t);
  const r = provisionStation(w.dataDir, clock, draft(w.usb, { registrationFolder: w.root }));
  assert.ok(r.ok, 'the parent of the data folder is fine');
  const w2 = world(t);
  mkdirSync(w2.dataDir);
  const inside = provisionStation(w2.dataDir, clock, draft(w2.usb, { registrationFolder: w2.dataDir }));
  assert.ok(!inside.ok);
  assert.match(inside.error.message, /データフォルダの中です/);
});

test('a step that fails while the folder is being filled leaves no folder, nor the hidden one it was made in', (t) => {
  const w = world(t);
  assert.throws(
    () =>
      createDataFolder(w.dataDir, 'toyosu', PASS, undefined, () => {
        throw new Error('the medium was pulled out');
      }),
    /the medium was pulled out/,
  );
  assertNothingMade(w);
});

test('input that is not a draft is refused with words, not a crash', async (t) => {
  const w = world(t);
  const station = createStation(w.dataDir, clock, () => {});
  for (const [channel, input] of [
    ['setup:complete', { venue: 'toyosu' }],
    ['setup:check', { upTo: 'nowhere', draft: draft(w.usb) }],
    ['setup:hq-key', 42],
  ] as const) {
    const e = errorOf(await station.invoke(channel, input, 'w'));
    assert.equal(e.code, 'invalid-input', channel);
  }
  assertNothingMade(w);
});

test('a place this user cannot write (not in the madoguchi group, no rights on the disk): the first step says so, naming it', async (t) => {
  const usb = join(tempDir(t), 'usb');
  mkdirSync(usb);
  // /proc takes no new files, for root too: where the data folder would be made is not writable.
  const dataDir = '/proc/self/madoguchi/station';
  const station = createStation(dataDir, clock, () => {});
  t.after(() => station.close());
  const status = await station.invoke('station:status', {}, 'w');
  assert.ok(status.ok && (status.value as { needsSetup?: boolean }).needsSetup === true, 'the setup, not an unlock screen');
  const refused = errorOf(await station.invoke('setup:check', { upTo: 'station', draft: draft(usb) }, 'w'));
  assert.match(
    refused.message,
    /この端末のデータフォルダ（\/proc\/self\/madoguchi\/station）を作れません: \/proc\/self に書き込む権限がありません/,
  );
  assert.match(refused.message, /madoguchi グループに入れてもらい、ログインし直して/);
});
