// The files exchanged at provisioning are read like any file from outside: a clear refusal naming what is wrong,
// and nothing registered. Registration itself keeps a station's key for good and its venue in bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syncWorld } from '../testing/sync-fixtures';
import { manualClock } from '../testing/app-fixture';
import { generateTlsIdentity } from './tls-identity';
import {
  hqSyncInfo,
  normalizeSource,
  parseHqSyncInfo,
  parseStationRegistration,
  registerStation,
  registeredStations,
  stationRegistration,
} from './registration';

test('registration files: good ones parse; damaged, foreign or inconsistent ones are refused with the reason', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const w = syncWorld(t, clock, [
    { venue: 'sogo', stationId: 'sogo-st01' },
    { venue: 'toyosu', stationId: 'toyosu-st01' },
  ]);
  const reg = stationRegistration(w.stations['sogo-st01']!.db, 'sogo', 'sogo-st01');
  const text = JSON.stringify(reg);
  assert.deepEqual(parseStationRegistration(text), { ok: true, value: reg });
  assert.ok(parseHqSyncInfo(JSON.stringify(hqSyncInfo(w.hq.db, w.hq.stationId))).ok);

  const other = generateTlsIdentity('intruder');
  const bad: [string, string, RegExp][] = [
    ['not JSON', 'hello', /端末の登録ファイルではありません/],
    ['HQ’s file given as a station’s', JSON.stringify(hqSyncInfo(w.hq.db, w.hq.stationId)), /端末の登録ファイルではありません/],
    [
      'another key under this key id',
      JSON.stringify({
        ...reg,
        signingKey: {
          ...reg.signingKey,
          publicKey: stationRegistration(w.stations['toyosu-st01']!.db, 'toyosu', 'toyosu-st01').signingKey.publicKey,
        },
      }),
      /鍵IDまたは証明書の指紋が内容と一致しません/,
    ],
    [
      'another certificate under this fingerprint',
      JSON.stringify({ ...reg, tls: { certPem: other.certPem, fingerprint: reg.tls.fingerprint } }),
      /鍵IDまたは証明書の指紋が内容と一致しません/,
    ],
    [
      'a certificate that is not one',
      JSON.stringify({ ...reg, tls: { ...reg.tls, certPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' } }),
      /証明書を読めません/,
    ],
    ['an extra field', JSON.stringify({ ...reg, note: 'x' }), /ではありません/],
  ];
  for (const [what, file, message] of bad) {
    const r = parseStationRegistration(file);
    assert.ok(!r.ok, what);
    assert.match(r.error.message, message, what);
  }
});

test('registering: a venue takes only its own other stations; a station’s signing key never changes', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const w = syncWorld(t, clock, [
    { venue: 'sogo', stationId: 'sogo-st01' },
    { venue: 'sogo', stationId: 'sogo-st02' },
    { venue: 'toyosu', stationId: 'toyosu-st01' },
  ]);
  const [a, b, c] = ['sogo-st01', 'sogo-st02', 'toyosu-st01'].map((id) => w.stations[id]!);
  const regOf = (s: typeof a) => stationRegistration(s!.db, s!.venue, s!.stationId);
  const at = { venue: 'sogo' as const, stationId: 'sogo-st01' };
  assert.deepEqual(registerStation(a!.db, clock, at, regOf(b), null), {
    ok: true,
    value: { status: 'registered', previousTlsFingerprint: null },
  });
  const foreign = registerStation(a!.db, clock, at, regOf(c), null);
  assert.ok(!foreign.ok && foreign.error.code === 'other-venue');
  const itself = registerStation(a!.db, clock, at, regOf(a), null);
  assert.ok(!itself.ok && itself.error.code === 'itself');
  const newKey = { ...regOf(b), signingKey: regOf(c).signingKey };
  const changed = registerStation(a!.db, clock, at, newKey, null);
  assert.ok(!changed.ok && changed.error.code === 'key-changed');
  const newCert = generateTlsIdentity('sogo-st02');
  const moved = registerStation(
    a!.db,
    clock,
    at,
    { ...regOf(b), tls: { certPem: newCert.certPem, fingerprint: newCert.fingerprint } },
    null,
  );
  assert.ok(moved.ok && moved.value.previousTlsFingerprint === regOf(b).tls.fingerprint, 'a new certificate is accepted, and said so');
  assert.deepEqual(
    registeredStations(a!.db).map((s) => [s.stationId, s.signingKeyId, s.tlsFingerprint]),
    [['sogo-st02', regOf(b).signingKey.keyId, newCert.fingerprint]],
  );
});

test('sources: folders as given; a station’s address with or without /outbox/; nothing else', () => {
  assert.deepEqual(normalizeSource('/mnt/share/outbox'), { ok: true, value: '/mnt/share/outbox' });
  assert.deepEqual(normalizeSource('https://10.1.2.3:8443/outbox/'), { ok: true, value: 'https://10.1.2.3:8443' });
  assert.deepEqual(normalizeSource('HTTPS://10.1.2.3:8443'), { ok: true, value: 'https://10.1.2.3:8443' });
  for (const bad of [
    'https://10.1.2.3:8443/etc',
    'https://user@10.1.2.3:8443',
    'https://0.0.0.0:8443',
    'https://10.1.2.3:8443/?x=1',
    'https://',
  ]) {
    assert.ok(!normalizeSource(bad).ok, bad);
  }
});
