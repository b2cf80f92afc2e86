// `madoguchi erasure` at the command line: the application names what and how much; a run on the wrong folder
// or by a clerk erases nothing; a lead's run leaves only the report, which verifies.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { fixedClock } from '../clock';

test('erasure apply, a refused run, a run and its report', async (t) => {
  const root = tempDir(t);
  const data = join(root, 'data');
  const store = createVenueDataFolder(data, 'toyosu', 'madoguchi-demo');
  const stationId = store.stationId;
  for (const s of DEMO_STAFF) enrollStaff(store.db, fixedClock('2026-11-20T00:00:00Z'), stationId, 'test', s);
  store.close();
  const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_PIN: '9999' };

  const past = await cli(['erasure', 'apply', '--data', data, '--out', join(root, 'app'), '--planned', '2020-01-01', '--staff', 'lead1'], {
    env,
  });
  assert.equal(past.code, 2);
  assert.match(past.err, /処理予定日 2020年1月1日 は過ぎています/);
  const applied = await cli(
    ['erasure', 'apply', '--data', data, '--out', join(root, 'app'), '--planned', '2027-04-01', '--staff', 'lead1'],
    { env },
  );
  assert.equal(applied.code, 0, applied.err);
  const application = JSON.parse(readFileSync(join(root, 'app', `erasure-application-${stationId}-2027-04-01.json`), 'utf8'));
  assert.deepEqual([application.plannedOn, application.applicant.actor, application.items.length], ['2027-04-01', 'lead:lead1', 6]);
  const form = readFileSync(join(root, 'app', `erasure-application-${stationId}-2027-04-01.html`), 'utf8');
  assert.match(form, /個人情報の消去申請書/);
  assert.match(form, /処理予定日<\/th><td>2027年4月1日/);

  const run = (args: string[], e = env) =>
    cli(['erasure', 'run', '--data', data, '--approval', 'A-1', '--report', join(root, 'report'), ...args], { env: e });
  const wrongFolder = await run(['--confirm', 'toyosu-other', '--staff', 'lead1']);
  assert.equal(wrongFolder.code, 2);
  assert.match(wrongFolder.err, /何も消去していません/);
  const clerk = await run(['--confirm', stationId, '--staff', 'clerk1'], { ...env, MADOGUCHI_PIN: '1111' });
  assert.notEqual(clerk.code, 0);
  assert.ok(existsSync(join(data, 'keyring.json')), 'nothing erased');

  const done = await run(['--confirm', stationId, '--staff', 'lead1']);
  assert.equal(done.code, 0, done.err);
  assert.match(done.out, /^消去しました（.*承認番号 A-1）/);
  assert.equal(existsSync(data), false);
  const [json] = readdirSync(join(root, 'report')).filter((n) => n.endsWith('.json'));
  const verified = await cli(['erasure', 'verify', join(root, 'report', json!)], { env });
  assert.equal(verified.code, 0, verified.err);
  assert.match(verified.out, /正しく署名されています/);
});
