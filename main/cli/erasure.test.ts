// `madoguchi erasure` at the command line: the application names what and how much, as an A4 PDF; a run on the
// wrong folder, by a clerk or where no PDF can be made erases nothing; a lead's run leaves only the report (PDF
// and signed JSON), which verifies; a PDF that fails after the erasure leaves the report to print as HTML.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { createVenueDataFolder } from '../store/data-folder';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { fixedClock } from '../clock';
import { CHROMIUM, NO_CHROMIUM, squeeze } from '../testing/pdf';

function venueFolder(root: string): { data: string; stationId: string } {
  const data = join(root, 'data');
  const store = createVenueDataFolder(data, 'toyosu', 'madoguchi-demo');
  const stationId = store.stationId;
  for (const s of DEMO_STAFF) enrollStaff(store.db, fixedClock('2026-11-20T00:00:00Z'), stationId, 'test', s);
  store.close();
  return { data, stationId };
}

const pdfText = (file: string) => squeeze(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
const pdfA4 = (file: string) =>
  /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/.test(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));

test('erasure apply, a refused run, a run and its report', { skip: NO_CHROMIUM }, async (t) => {
  const root = tempDir(t);
  const { data, stationId } = venueFolder(root);
  const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_PIN: '9999', MADOGUCHI_CHROMIUM: CHROMIUM };
  // A backup whose USB stick is away when the application is written: listed for the ward all the same.
  mkdirSync(join(root, 'usb'));
  const backedUp = await cli(['backup', 'create', '--data', data, '--to', join(root, 'usb'), '--staff', 'lead1'], { env });
  assert.equal(backedUp.code, 0, backedUp.err);
  renameSync(join(root, 'usb'), join(root, 'usb-in-a-drawer'));

  const past = await cli(['erasure', 'apply', '--data', data, '--out', join(root, 'app'), '--planned', '2020-01-01', '--staff', 'lead1'], {
    env,
  });
  assert.equal(past.code, 2);
  assert.match(past.err, /処理予定日 2020年1月1日 は過ぎています/);
  // The date as the ward writes it.
  const applied = await cli(
    ['erasure', 'apply', '--data', data, '--out', join(root, 'app'), '--planned', '令和9年4月1日', '--staff', 'lead1'],
    { env },
  );
  assert.equal(applied.code, 0, applied.err);
  const base = join(root, 'app', `erasure-application-${stationId}-2027-04-01`);
  const application = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
  assert.deepEqual([application.plannedOn, application.applicant.actor, application.items.length], ['2027-04-01', 'lead:lead1', 6]);
  assert.ok(pdfA4(`${base}.pdf`), 'an A4 page');
  const form = pdfText(`${base}.pdf`);
  assert.match(form, /個人情報の消去申請書/);
  assert.match(form, /処理予定日 2027年4月1日/);
  assert.match(form, /申請者 会場 責任者（lead1）/);
  // The medium away, named with its place (the table's columns interleave in pdftotext's layout).
  assert.ok(form.includes('この端末から見当たらないもの（1') && form.includes('/usb/mado'), form);
  assert.deepEqual(application.items.find((i: { item: string }) => i.item.startsWith('バックアップ')).count, 1);
  assert.equal(statSync(`${base}.pdf`).mode & 0o077, 0, 'owner-only');

  const run = (args: string[], e = env) =>
    cli(['erasure', 'run', '--data', data, '--approval', 'A-1', '--report', join(root, 'report'), ...args], { env: e });
  const wrongFolder = await run(['--confirm', 'toyosu-other', '--staff', 'lead1']);
  assert.equal(wrongFolder.code, 1, 'refused, not a usage error');
  assert.match(wrongFolder.err, /何も消去していません/);
  const clerk = await run(['--confirm', stationId, '--staff', 'clerk1'], { ...env, MADOGUCHI_PIN: '1111' });
  assert.notEqual(clerk.code, 0);
  assert.ok(existsSync(join(data, 'keyring.json')), 'nothing erased');

  const noBrowser = await run(['--confirm', stationId, '--staff', 'lead1'], { ...env, MADOGUCHI_CHROMIUM: join(root, 'no-browser') });
  assert.equal(noBrowser.code, 1);
  assert.match(noBrowser.err, /消去報告書の PDF を作れません: MADOGUCHI_CHROMIUM の .*no-browser が見つかりません。何も消去していません/);
  assert.ok(existsSync(join(data, 'keyring.json')), 'nothing erased');

  const done = await run(['--confirm', stationId, '--staff', 'lead1']);
  // Erased, with the backup in the drawer still to destroy by hand (exit 3).
  assert.equal(done.code, 3, done.err);
  assert.match(done.err, /手作業で破壊・消去するもの（媒体が見つかりません）: .*usb\/madoguchi-backup-/);
  assert.match(done.out, /^消去しました（.*承認番号 A-1）/);
  assert.equal(existsSync(data), false);
  const files = readdirSync(join(root, 'report'));
  assert.deepEqual(files.map((n) => n.replace(/-\d{8}-\d{6}/, '')).sort(), [
    `erasure-report-${stationId}.json`,
    `erasure-report-${stationId}.pdf`,
  ]);
  const report = join(
    root,
    'report',
    files.find((n) => n.endsWith('.pdf'))!,
  );
  assert.ok(pdfA4(report));
  const paper = pdfText(report);
  for (const seen of [
    '消去報告書',
    '承認番号 A-1',
    '担当者 会場 責任者（lead1）',
    'データフォルダ・消去したバックアップとファイルが残っていないことを確認',
  ])
    assert.ok(paper.includes(seen), seen);
  const verified = await cli(
    [
      'erasure',
      'verify',
      join(
        root,
        'report',
        files.find((n) => n.endsWith('.json'))!,
      ),
    ],
    { env },
  );
  assert.equal(verified.code, 0, verified.err);
  assert.match(verified.out, /正しく署名されています/);
});

test('a PDF that cannot be made: the application writes nothing; after an erasure the report stays printable', async (t) => {
  const root = tempDir(t);
  const { data, stationId } = venueFolder(root);
  // A browser that starts and fails (exit 1 without writing a PDF).
  const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_PIN: '9999', MADOGUCHI_CHROMIUM: '/bin/false' };
  const applied = await cli(
    ['erasure', 'apply', '--data', data, '--out', join(root, 'app'), '--planned', '2027-04-01', '--staff', 'lead1'],
    {
      env,
    },
  );
  assert.equal(applied.code, 1);
  assert.match(applied.err, /申請書の PDF を作れませんでした: \/bin\/false で PDF を作れませんでした（終了コード 1）/);
  assert.deepEqual(readdirSync(join(root, 'app')), [], 'no half an application');

  const badDate = await cli(['erasure', 'apply', '--data', data, '--out', join(root, 'app'), '--planned', '令和9年2月30日'], { env });
  assert.equal(badDate.code, 2);
  assert.match(badDate.err, /--planned 令和9年2月30日: [^令]*$/m, 'the date said once');

  const done = await cli(
    ['erasure', 'run', '--data', data, '--approval', 'A-1', '--report', join(root, 'report'), '--confirm', stationId, '--staff', 'lead1'],
    { env },
  );
  assert.equal(done.code, 3, 'erased, with something to follow up');
  assert.equal(existsSync(data), false);
  assert.match(done.err, /消去報告書の PDF を作れませんでした（.*）。代わりに .*\.html をブラウザで開いて印刷してください/);
  const files = readdirSync(join(root, 'report')).sort();
  assert.deepEqual(
    files.map((n) => n.slice(-5)),
    ['.html', '.json'],
  );
  assert.match(readFileSync(join(root, 'report', files[0]!), 'utf8'), /消去報告書/);
});
