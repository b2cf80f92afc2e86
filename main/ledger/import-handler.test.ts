import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appFixture, manualClock } from '../testing/app-fixture';
import { cards, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { DEMO_STAFF } from '../demo/demo-world';
import { enrollStaff } from '../auth/staff';
import { createApp } from '../app/create-app';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair } from '../crypto/key-files';
import { fingerprintOf, shortFingerprint } from '../crypto/hq-key-trust';

const PASS = 'venue key passphrase';

test("the lead's import screen: keys and ledger from the window, progress pushed phase by phase, all or nothing", async (t) => {
  const { app, keys } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
  const pushes: { event: string; payload: unknown }[] = [];
  app.setPush((event, payload) => pushes.push({ event, payload }));
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead');
  await app.invoke('session:signIn', { staffId: 'clerk1', pin: '1111' }, 'clerk');
  const request = (ledger: Uint8Array, passphrase = PASS) => ({
    ledgerBase64: Buffer.from(ledger).toString('base64'),
    venueKeyFile: encodePrivateKeyFile(keys.venues.toyosu, PASS),
    hqPublicKeyFile: encodePublicKeyFile(keys.hq),
    passphrase,
  });
  const s2 = ledgerBytes(keys, 'toyosu', 'S2', cards(500, 40));

  const byClerk = await app.invoke('ledger:import', request(s2), 'clerk');
  assert.deepEqual(byClerk, { ok: false, error: { code: 'forbidden', message: 'この操作の権限がありません' } });

  const wrong = await app.invoke('ledger:import', request(s2, 'not the passphrase'), 'lead');
  assert.ok(!wrong.ok);
  assert.equal(wrong.error.code, 'wrong-passphrase');

  const tampered = Buffer.from(s2);
  tampered[tampered.length - 5] = tampered[tampered.length - 5]! ^ 1;
  const refused = await app.invoke('ledger:import', request(tampered), 'lead');
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'ledger-refused');
  assert.match(refused.error.message, /署名/);

  pushes.length = 0;
  const r = await app.invoke('ledger:import', request(s2), 'lead');
  assert.deepEqual(r, { ok: true, value: { status: 'imported', shipmentId: 'S2', rowCount: 40, pinnedFingerprint: null } });
  assert.deepEqual(
    pushes.map((p) => (p.payload as { phase: string }).phase),
    ['keys', 'verify', 'write', 'done'],
  );
  const shipments = await app.invoke('shipments:list', {}, 'lead');
  assert.ok(shipments.ok);
  const list = shipments.value as { shipmentId: string; rowCount: number; received: boolean }[];
  assert.deepEqual(
    list.map((s) => [s.shipmentId, s.rowCount, s.received]),
    [
      ['S1', 30, true],
      ['S2', 40, false],
    ],
  );

  const again = await app.invoke('ledger:import', request(s2), 'lead');
  assert.deepEqual(again, { ok: true, value: { status: 'already-imported', shipmentId: 'S2', rowCount: 40, pinnedFingerprint: null } });

  const clash = await app.invoke('ledger:import', request(ledgerBytes(keys, 'toyosu', 'S3', cards(530, 20))), 'lead');
  assert.ok(!clash.ok);
  assert.equal(clash.error.code, 'conflict');
  const after = await app.invoke('shipments:list', {}, 'lead');
  assert.ok(after.ok);
  assert.equal((after.value as unknown[]).length, 2, 'the conflicting ledger left nothing behind');
});

test("the lead's import screen applies the folder's pin: EVIL-1, signed by a fresh HQ key and offered with its hq.pub, is refused", async (t) => {
  const { app, keys } = appFixture(t, manualClock('2026-11-25T01:00:00Z'));
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead');
  // The fixture's first ledger (S1) was imported with HQ's real key, which the folder pinned.
  const evil = generateKeyPair('hq', null);
  const r = await app.invoke(
    'ledger:import',
    {
      ledgerBase64: ledgerBytes({ ...keys, hq: evil }, 'toyosu', 'EVIL-1', cards(900, 5)).toString('base64'),
      venueKeyFile: encodePrivateKeyFile(keys.venues.toyosu, PASS),
      hqPublicKeyFile: encodePublicKeyFile(evil),
      passphrase: PASS,
    },
    'lead',
  );
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'ledger-refused');
  assert.match(r.error.message, /事務センターの鍵が、このデータフォルダに登録された鍵と違います/);
  assert.ok(r.error.message.includes(`登録済み ${shortFingerprint(keys.hq.keyId)}、今回 ${shortFingerprint(evil.keyId)}`), r.error.message);
  const shipments = await app.invoke('shipments:list', {}, 'lead');
  assert.ok(shipments.ok);
  assert.deepEqual(
    (shipments.value as { shipmentId: string }[]).map((s) => s.shipmentId),
    ['S1'],
  );
});

test("a folder's first ledger, imported on the lead's screen, pins HQ's key and says its fingerprint to check by phone", async (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const store = testStore(tempDir(t), 'toyosu');
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  const app = createApp(store, clock, () => {});
  t.after(() => app.close());
  const keys = testKeys();
  await app.invoke('session:signIn', { staffId: 'lead1', pin: '9999' }, 'lead');
  const request = (ledger: Uint8Array) => ({
    ledgerBase64: Buffer.from(ledger).toString('base64'),
    venueKeyFile: encodePrivateKeyFile(keys.venues.toyosu, PASS),
    hqPublicKeyFile: encodePublicKeyFile(keys.hq),
    passphrase: PASS,
  });
  const first = await app.invoke('ledger:import', request(ledgerBytes(keys, 'toyosu', 'S1', cards(1, 3))), 'lead');
  assert.ok(first.ok, JSON.stringify(first));
  const fingerprint = (first.value as { pinnedFingerprint: string | null }).pinnedFingerprint;
  assert.equal(fingerprint, fingerprintOf(keys.hq));
  const second = await app.invoke('ledger:import', request(ledgerBytes(keys, 'toyosu', 'S2', cards(10, 3))), 'lead');
  assert.ok(second.ok);
  assert.equal((second.value as { pinnedFingerprint: string | null }).pinnedFingerprint, null, 'pinned once');
});
