// HQ keeps what it ships: `ledger build --hq-data` records every ledger's rows in HQ's encrypted folder,
// refuses a shipment id or a card shipped before (writing no ledger file), and HQ's folder is not a venue's.
import '../testing/memo-scrypt';
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { openDataFolder } from '../store/data-folder';

const HEADER = '予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日';
const TOYOSU = 'A1B-000001,江東　太郎,コウトウ　タロウ,昭和58年4月1日,東京都江東区豊洲五丁目6番1号,通常,2026/11/20';
const SOGO = 'A1B-000002,深川　花子,フカガワ　ハナコ,S58.4.2,江東区大島4-5-1,再発行,2026-11-20';
const HONCHO = 'A1B-000003,東陽　次郎,トウヨウ　ジロウ,1990/1/5,江東区東陽4-11-28,通常,2026/11/20';

let keys: string;
let pubs: string;
after(() => {
  for (const dir of [keys, pubs]) rmSync(dir, { recursive: true, force: true });
});
before(async () => {
  keys = tempDir();
  for (const args of [
    ['keys', 'hq', '--out', keys],
    ...['honchosha', 'sogo', 'toyosu'].map((v) => ['keys', 'venue', '--venue', v, '--out', keys]),
  ]) {
    assert.equal((await cli(args)).code, 0);
  }
  pubs = tempDir();
  for (const v of ['honchosha', 'sogo', 'toyosu']) copyFileSync(join(keys, `${v}.pub`), join(pubs, `${v}.pub`));
});

async function build(dir: string, shipment: string, rows: string[], hqData: string, out = join(dir, shipment)) {
  const roster = join(dir, `${shipment}.csv`);
  writeFileSync(roster, [HEADER, ...rows].join('\n'));
  const r = await cli([
    'ledger',
    'build',
    '--roster',
    roster,
    '--shipment',
    shipment,
    '--hq-key',
    join(keys, 'hq.key'),
    '--venue-pubs',
    pubs,
    '--out',
    out,
    '--hq-data',
    hqData,
  ]);
  return { r, out };
}

describe('madoguchi ledger build --hq-data', () => {
  test('creates HQ’s folder on first use and records each venue ledger; status lists them without personal data', async (t) => {
    const dir = tempDir(t);
    const hq = join(dir, 'hq');
    const { r } = await build(dir, 'S1', [TOYOSU, SOGO, HONCHO], hq);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /事務センターのデータフォルダを作成しました/);
    assert.match(r.out, /事務センターのデータフォルダに記録しました/);
    const second = await build(dir, 'S2', ['A1B-000004,亀戸　三郎,カメイド　サブロウ,1991/2/3,亀戸6-1-1,通常,2026/11/20'], hq);
    assert.equal(second.r.code, 0, second.r.err);

    const status = await cli(['status', '--data', hq, '--json']);
    assert.equal(status.code, 0, status.err);
    const s = JSON.parse(status.out);
    assert.equal(s.site, 'hq');
    assert.deepEqual(
      s.ledgers.map((l: { shipmentId: string; venue: string; rowCount: number }) => `${l.shipmentId}/${l.venue}/${l.rowCount}`).sort(),
      ['S1/honchosha/1', 'S1/sogo/1', 'S1/toyosu/1', 'S2/sogo/1'].sort(),
    );
    const sha = JSON.parse(
      (await cli(['ledger', 'inspect', join(dir, 'S1', 'toyosu.ledger'), '--hq-pub', join(keys, 'hq.pub'), '--json'])).out,
    ).fileSha256;
    assert.equal(
      s.ledgers.find((l: { shipmentId: string; venue: string }) => l.shipmentId === 'S1' && l.venue === 'toyosu').fileSha256,
      sha,
      'the record names the exact file shipped',
    );
    // The routing report leaves HQ's folder as a plain file: HQ's access record says where to, for each build.
    const opened = openDataFolder(hq, 'correct horse battery');
    assert.ok(opened.ok);
    const exports = opened.value.store.db
      .prepare("SELECT subject, detail FROM access_records WHERE action = 'export' ORDER BY seq")
      .all() as {
      subject: string;
      detail: string;
    }[];
    opened.value.store.close();
    assert.deepEqual(
      exports.map((e) => [e.subject, JSON.parse(e.detail).document, JSON.parse(e.detail).destination]),
      [
        ['S1', 'routing-report', join(dir, 'S1', 'routing-report.json')],
        ['S2', 'routing-report', join(dir, 'S2', 'routing-report.json')],
      ],
    );
    const text = (await cli(['status', '--data', hq])).out;
    for (const secret of ['江東　太郎', 'A1B-000001', '豊洲五丁目']) assert.ok(!text.includes(secret));
    assert.match(text, /S1\s+豊洲シビックセンター\s+1件/);
    // Built at 01:00 UTC: 10:00 in Tokyo, as every screen shows a moment.
    // No venue has imported it yet: its 預り証 has not arrived.
    assert.match(text, /作成 2026\/11\/20 10:00 {2}預り証待ち\n/);
    // And HQ's report lists the ledgers whose 預り証 is still awaited.
    assert.match((await cli(['hq', 'report', '--hq-data', hq])).out, /^預り証待ち \d+件: .*S1 豊洲シビックセンター/m);
    assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}T/);
    // The database is encrypted: no name appears in the files on disk.
    for (const f of readdirSync(hq)) assert.ok(!readFileSync(join(hq, f)).includes(Buffer.from('江東　太郎')), f);
  });

  test('a shipment id built before, or a card shipped before, is refused: no ledger file written, HQ’s record unchanged', async (t) => {
    const dir = tempDir(t);
    const hq = join(dir, 'hq');
    assert.equal((await build(dir, 'S1', [TOYOSU, SOGO], hq)).r.code, 0);
    // HQ's record as status shows it, less the disk's free space (the machine's, which moves on its own).
    const record = async () => ({ ...JSON.parse((await cli(['status', '--data', hq, '--json'])).out), freeSpace: null });
    const before = await record();

    const sameId = await build(dir, 'S1', [HONCHO], hq, join(dir, 'again'));
    assert.equal(sameId.r.code, 1);
    assert.match(sameId.r.err, /出荷ID S1 の台帳は作成済みです/);
    assert.ok(!existsSync(sameId.out) || readdirSync(sameId.out).length === 0);

    const reshipped = await build(dir, 'S3', [HONCHO, SOGO], hq);
    assert.equal(reshipped.r.code, 1);
    assert.match(reshipped.r.err, /予約管理番号 1 件は出荷済みです/);
    assert.match(reshipped.r.err, /A1B-000002（出荷 S1、総合区民センター）/);
    assert.ok(!existsSync(reshipped.out) || readdirSync(reshipped.out).length === 0, 'no ledger of a refused shipment');
    assert.deepEqual(await record(), before);
  });

  test('HQ’s folder is not a venue’s: import, venue report and clerk accounts are refused there', async (t) => {
    const dir = tempDir(t);
    const hq = join(dir, 'hq');
    const { out } = await build(dir, 'S1', [TOYOSU], hq);
    const imported = await cli([
      'ledger',
      'import',
      join(out, 'toyosu.ledger'),
      '--data',
      hq,
      '--venue-key',
      join(keys, 'toyosu.key'),
      '--hq-pub',
      join(keys, 'hq.pub'),
    ]);
    assert.equal(imported.code, 1);
    assert.match(imported.err, /事務センターのデータフォルダです/);
    const report = await cli(['venue', 'report', '--data', hq]);
    assert.equal(report.code, 1);
    assert.match(report.err, /会場のデータフォルダを指定してください/);
    const clerk = await cli(['staff', 'add', '--id', 'c1', '--name', '窓口', '--role', 'clerk', '--data', hq], {
      env: { MADOGUCHI_PASSPHRASE: 'correct horse battery', MADOGUCHI_STAFF_PIN: '1234' },
    });
    assert.equal(clerk.code, 1);
    assert.match(clerk.err, /役割は hq のみ/);
    const hqStaff = await cli(['staff', 'add', '--id', 'h1', '--name', '本部', '--role', 'hq', '--data', hq], {
      env: { MADOGUCHI_PASSPHRASE: 'correct horse battery', MADOGUCHI_STAFF_PIN: '1234' },
    });
    assert.equal(hqStaff.code, 0, hqStaff.err);
    // HQ has staff now: a build names one of them (issue 14), and none is done without.
    const anonymous = await build(dir, 'S9', ['A1B-000009,亀戸　九郎,カメイド　クロウ,1991/2/3,亀戸6-1-1,通常,2026/11/20'], hq);
    assert.equal(anonymous.r.code, 1);
    assert.match(anonymous.r.err, /台帳の作成には、行う事務センターの職員IDとPINが必要です/);
    assert.ok(!existsSync(join(anonymous.out, 'sogo.ledger')), 'nothing written');
    // --hq-data must be HQ's folder, never a venue's.
    const venueData = join(dir, 'venue');
    mkdirSync(venueData);
    await cli([
      'ledger',
      'import',
      join(out, 'toyosu.ledger'),
      '--data',
      venueData,
      '--venue-key',
      join(keys, 'toyosu.key'),
      '--hq-pub',
      join(keys, 'hq.pub'),
    ]);
    const intoVenue = await build(dir, 'S5', [HONCHO], venueData);
    assert.equal(intoVenue.r.code, 1);
    assert.match(intoVenue.r.err, /--hq-data には事務センターのデータフォルダを指定します/);
    assert.ok(!existsSync(intoVenue.out));
  });
});
