// What support and HQ read in a terminal on the demo world: `status` names each station as its staff do
// (本庁舎 窓口1), with the id beside it for support, and whoever imported a ledger by name; `hq report` without
// --date says its figures are everything held now (with the time), not a day's end.
import '../testing/memo-scrypt';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { manualClock } from '../testing/app-fixture';
import { tempDir } from '../testing/fixtures';

const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo' };
const clock = manualClock('2026-11-20T01:00:00Z');

describe('status and hq report in words', () => {
  const root = tempDir();
  const dir = join(root, 'demo');
  before(async () => {
    const made = await cli(['demo', '--dir', dir, '--residents', '50'], { env: {}, clock });
    assert.equal(made.code, 0, made.err);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('status: this station and the stations it takes in by name, the id in parentheses', async () => {
    const second = await cli(['status', '--data', join(dir, 'venues', 'honchosha-2')], { env, clock });
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /^会場: 本庁舎（honchosha） {2}端末: 本庁舎 窓口2（端末ID honchosha-demo02）$/m);
    assert.match(second.out, /^ {2}受け入れる端末 本庁舎 窓口1（honchosha-demo01）: 1 ファイル/m);
    const hq = await cli(['status', '--data', join(dir, 'hq')], { env, clock });
    assert.equal(hq.code, 0, hq.err);
    for (const name of [
      '本庁舎 窓口1（honchosha-demo01）',
      '総合区民センター 窓口1（sogo-demo01）',
      '豊洲シビックセンター 窓口1（toyosu-demo01）',
    ])
      assert.match(hq.out, new RegExp(`^ {2}受け入れる端末 ${name}: `, 'm'));
    // No station id stands alone where a name should be.
    assert.doesNotMatch(second.out + hq.out, /受け入れる端末 [a-z]/);
  });

  test('hq report: without --date, everything held now and when; with it, that day’s end', async () => {
    clock.advance(23 * 3600_000 + 12 * 60_000); // 2026-11-21 09:12 in Tokyo
    const now = await cli(['hq', 'report', '--hq-data', join(dir, 'hq')], { env, clock });
    assert.equal(now.code, 0, now.err);
    assert.match(now.out, /^区全体・現時点（2026\/11\/21 09:12 時点）: 送付 50 /);
    assert.doesNotMatch(now.out, /2026年11月21日/, 'not as though the figures were as of today’s end');
    const day = await cli(['hq', 'report', '--hq-data', join(dir, 'hq'), '--date', '2026-11-20'], { env, clock });
    assert.match(day.out, /^区全体・2026年11月20日 終了時点: /);
  });
});
