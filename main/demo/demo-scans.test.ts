// The demo's scan sheet: each number it lists, scanned at 本庁舎 窓口1, gives the outcome it names.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createStation } from '../app/station';
import { createDemoWorld, DEMO_PASSPHRASE } from './demo-world';
import { tempDir } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';

const EXPECTED: Record<string, string> = {
  '交付できます（本人確認へ）': 'ok',
  '別の会場のカード（総合区民センター）': 'other-venue',
  '別の会場のカード（豊洲シビックセンター）': 'other-venue',
  受領確認前の箱のカード: 'not-received',
  台帳にない番号: 'not-in-ledger',
  '読めない番号（形式違い）': 'malformed',
};

test('the demo’s scan-these.txt: every number it lists gives, at 本庁舎 窓口1, the outcome it names', async (t) => {
  const clock = manualClock('2026-12-03T00:30:00Z');
  const demo = createDemoWorld({ dir: join(tempDir(t), 'demo'), residents: 400, seed: 5, passphrase: DEMO_PASSPHRASE, clock });
  const lines = readFileSync(demo.scanSheetFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const listed = lines.map((l) => {
    const [code, what] = l.split('\t') as [string, string];
    return { code, what: what.replace(/：.*/, '') };
  });
  assert.deepEqual(
    listed.map((l) => l.what),
    Object.keys(EXPECTED),
    'one of each',
  );
  const station = createStation(demo.venueDataDirs.honchosha, clock, () => {});
  t.after(() => station.close());
  const call = (channel: string, input: unknown) => station.invoke(channel, input, 'window:1');
  assert.ok((await call('station:unlock', { passphrase: DEMO_PASSPHRASE })).ok);
  assert.ok((await call('session:signIn', { staffId: 'clerk1', pin: '1111' })).ok);
  for (const { code, what } of listed) {
    const r = (await call('counter:scan', { code, source: 'keyboard' })) as { ok: boolean; value: { kind: string } };
    assert.ok(r.ok, code);
    assert.equal(r.value.kind, EXPECTED[what], `${code}: ${what}`);
  }
});
