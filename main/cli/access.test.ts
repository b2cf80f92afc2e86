// `madoguchi access verify` on the demo's folders, then on one changed the way the issue 14 audit changed it.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { openDataFolder } from '../store/data-folder';

test('access verify: the demo’s folders hold; rows slipped in without their link are named, exit 1', async (t) => {
  const dir = join(tempDir(t), 'demo');
  assert.equal((await cli(['demo', '--dir', dir, '--residents', '50'], { env: {} })).code, 0);
  const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo' };
  const venue = join(dir, 'venues', 'sogo');
  for (const data of [venue, join(dir, 'hq')]) {
    const ok = await cli(['access', 'verify', '--data', data], { env });
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^個人情報取扱台帳 [\d,]+件、この端末の業務記録 [\d,]+件: どちらも記録された時のままです/);
  }
  const json = await cli(['access', 'verify', '--data', venue, '--json'], { env });
  const before = JSON.parse(json.out) as { accessRows: number; ownEvents: number; problem: null };
  assert.equal(before.problem, null);
  assert.ok(before.ownEvents > 0);

  const opened = openDataFolder(venue, 'madoguchi-demo');
  assert.ok(opened.ok);
  for (let i = 0; i < 5; i++)
    opened.value.store.db
      .prepare(
        "INSERT INTO access_records (seq, at, station_id, actor, action, chain) VALUES (?, '2026-11-25T01:00:00Z', 's', 'clerk:c1', 'search', ?)",
      )
      .run(before.accessRows + 1 + i, 'f'.repeat(64));
  opened.value.store.close();
  const bad = await cli(['access', 'verify', '--data', venue], { env });
  assert.equal(bad.code, 1);
  assert.equal(bad.out, '');
  assert.match(
    bad.err,
    new RegExp(
      `^madoguchi: 個人情報取扱台帳の${(before.accessRows + 1).toLocaleString('en-US')}件目（.+の記録）が、記録された後に変更されています.*RECORD-TAMPERED`,
    ),
  );
  assert.doesNotMatch(bad.err, /\n./, 'one line: the first row that does not hold');
});
