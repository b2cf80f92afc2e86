// `madoguchi report handling|incident` at the command line: the text for a person, and the A4 PDF the lead's
// page prints (the same template), made only for a lead by PIN and recorded as a print; bad periods refused.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { createVenueDataFolder, openDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { fixedClock } from '../clock';
import { recordAccess } from '../access/access-record';
import { accessRowsOfActions } from '../db/queries/access-records';
import { CHROMIUM, NO_CHROMIUM, squeeze } from '../testing/pdf';

const PASS = 'madoguchi-demo';

function venue(root: string): string {
  const data = join(root, 'data');
  const store = createVenueDataFolder(data, 'sogo', PASS);
  const clock = fixedClock('2026-11-20T01:00:00Z');
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  recordAccess(store.db, clock, { stationId: store.stationId, actor: 'clerk:clerk1', action: 'scan-view', subject: 'SGO-000001' });
  recordAccess(store.db, clock, { stationId: store.stationId, actor: 'clerk:clerk1', action: 'scan-view', subject: 'SGO-000002' });
  store.close();
  return data;
}

test('report handling: the month as text; bad periods refused with the option named', async (t) => {
  const data = venue(tempDir(t));
  const env = { MADOGUCHI_PASSPHRASE: PASS };
  const text = await cli(['report', 'handling', '--data', data, '--from', '2026-11-01', '--to', '令和8年11月30日'], { env });
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^個人情報の取扱状況報告（定期報告）\n端末 .*期間 2026年11月1日〜2026年11月30日/);
  assert.match(text.out, /■ 利用 2回、対象の住民 2人/);
  const backwards = await cli(['report', 'handling', '--data', data, '--from', '2026-11-30', '--to', '2026-11-01'], { env });
  assert.equal(backwards.code, 2);
  assert.match(backwards.err, /--to は --from 以後の日です/);
  // The app's own rules: a year at most (one request never reads years of records), 31 days for an incident.
  const twoYears = await cli(['report', 'handling', '--data', data, '--from', '2025-01-01', '--to', '2026-12-31'], { env });
  assert.equal(twoYears.code, 2);
  assert.match(twoYears.err, /期間は366日までです/);
  const longIncident = await cli(['report', 'incident', '--data', data, '--from', '2026-10-01 09:00', '--to', '2026-11-20 09:00'], { env });
  assert.match(longIncident.err, /時間帯は31日までです/);
  const spaced = await cli(['report', 'incident', '--data', data, '--from', '2026-11-20 09:00', '--to', '2026-11-20 12:00'], { env });
  assert.equal(spaced.code, 0, spaced.err);
  const badTime = await cli(['report', 'incident', '--data', data, '--from', '2026-11-20T10:00', '--to', '2026-11-20T09:00'], { env });
  assert.equal(badTime.code, 2);
  assert.match(badTime.err, /--to は --from より後の時刻です/);
});

test('report --pdf: the A4 report as the lead’s page prints it, by a lead’s PIN, recorded as a print', { skip: NO_CHROMIUM }, async (t) => {
  const root = tempDir(t);
  const data = venue(root);
  const env = { MADOGUCHI_PASSPHRASE: PASS, MADOGUCHI_CHROMIUM: CHROMIUM };
  const pdf = join(root, 'teiki.pdf');
  const clerk = await cli(
    ['report', 'handling', '--data', data, '--from', '2026-11-01', '--to', '2026-11-30', '--pdf', pdf, '--staff', 'clerk1'],
    {
      env: { ...env, MADOGUCHI_PIN: '1111' },
    },
  );
  assert.equal(clerk.code, 1);
  assert.match(clerk.err, /報告書のPDFの作成は会場責任者が行います/);
  assert.equal(existsSync(pdf), false);
  // Where it goes is checked before a PIN is asked: a folder that is not there, or inside the data folder.
  // No PIN given and none to type: were the PIN asked first, these would fail on it instead.
  const lead = { env };
  const period = ['report', 'handling', '--data', data, '--from', '2026-11-01', '--to', '2026-11-30', '--staff', 'lead1'];
  const nowhere = await cli([...period, '--pdf', join(root, 'no-such-folder', 'x.pdf')], lead);
  assert.equal(nowhere.code, 1);
  assert.match(nowhere.err, /報告書の保存先のフォルダ .*no-such-folder がありません/);
  const inside = await cli([...period, '--pdf', join(data, 'x.pdf')], lead);
  assert.match(inside.err, /報告書の保存先 .* はデータフォルダの中です/);

  const made = await cli(
    ['report', 'handling', '--data', data, '--from', '2026-11-01', '--to', '2026-11-30', '--pdf', pdf, '--staff', 'lead1'],
    {
      env: { ...env, MADOGUCHI_PIN: '9999' },
    },
  );
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /teiki\.pdf（A4 1ページ）/);
  assert.equal(statSync(pdf).mode & 0o077, 0, 'owner-only');
  assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), /\(A4\)/);
  const paper = squeeze(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
  for (const seen of ['個人情報の取扱状況報告', '2026年11月1日〜2026年11月30日', '窓口 一郎（clerk1）', '会場 責任者（lead1）'])
    assert.ok(paper.includes(seen), `${seen}\n${paper}`);
  assert.ok(!paper.includes('SGO-000001'), 'no resident on paper');

  const draft = join(root, 'jiko.pdf');
  const incident = await cli(
    ['report', 'incident', '--data', data, '--from', '2026-11-20T09:00', '--to', '2026-11-20T12:00', '--pdf', draft, '--staff', 'lead1'],
    { env: { ...env, MADOGUCHI_PIN: '9999' } },
  );
  assert.equal(incident.code, 0, incident.err);
  const drafted = squeeze(execFileSync('pdftotext', ['-layout', draft, '-'], { encoding: 'utf8' }));
  for (const seen of ['事故の報告', '発生した事実', '原因']) assert.ok(drafted.includes(seen), seen);

  const opened = openDataFolder(data, PASS);
  assert.ok(opened.ok);
  const prints = accessRowsOfActions(opened.value.store.db, ['print']).map((r) => [r.actor, JSON.parse(r.detail).document]);
  opened.value.store.close();
  assert.deepEqual(prints, [
    ['lead:lead1', 'handling-report'],
    ['lead:lead1', 'incident-report'],
  ]);
});
