// The HQ → venue flow from the command line, as a new user would run it.
import '../testing/memo-scrypt';
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, readFileSync, readdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';

const HEADER = '予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日';
const ROWS = [
  'A1B-000001,江東　太郎,コウトウ　タロウ,昭和58年4月1日,東京都江東区豊洲五丁目6番1号,通常,2026/11/20',
  'a1b000002,深川　花子,ふかがわ　はなこ,S58.4.2,江東区東陽4-11-28 サンライズ東陽101,再発行,2026-11-20',
  'Ａ１Ｂ－０００００３,亀戸　次郎,カメイド　ジロウ,1990/1/5,亀戸６丁目１－１,通常,R8.11.20',
  'A1B-000004,大島　三郎,オオシマ　サブロウ,H2/1/5,東京都大島町元町1-1,通常,2026/11/20',
  'A1B-000005,東砂　四郎,ヒガシスナ　シロウ,平成元年1月8日,江東区東砂,通常,2026/11/20',
];

let world: string;
after(() => rmSync(world, { recursive: true, force: true }));
before(async () => {
  world = tempDir();
  const keys = join(world, 'keys');
  for (const args of [
    ['keys', 'hq', '--out', keys],
    ...['honchosha', 'sogo', 'toyosu'].map((v) => ['keys', 'venue', '--venue', v, '--out', keys]),
  ]) {
    const r = await cli(args);
    assert.equal(r.code, 0, r.err);
  }
});

function pubsOnly(into: string): string {
  for (const f of readdirSync(join(world, 'keys')).filter((f) => f.endsWith('.pub') && f !== 'hq.pub'))
    copyFileSync(join(world, 'keys', f), join(into, f));
  return into;
}

async function build(t: { after(fn: () => void): void }, csv: Buffer, extra: string[] = []) {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'roster.csv'), csv);
  const out = join(dir, 'out');
  const r = await cli([
    'ledger',
    'build',
    '--roster',
    join(dir, 'roster.csv'),
    '--shipment',
    'S2026-11-20',
    '--hq-key',
    join(world, 'keys', 'hq.key'),
    '--venue-pubs',
    pubsOnly(tempDir(t)),
    '--out',
    out,
    ...extra,
  ]);
  return { r, out, dir };
}

describe('madoguchi ledger build / inspect / import / status', () => {
  test('build (CP932 roster): one ledger per venue with rows, a routing report, unroutable rows listed by line', async (t) => {
    const { r, out } = await build(t, iconv.encode([HEADER, ...ROWS].join('\r\n') + '\r\n', 'cp932'));
    assert.equal(r.code, 3, `exit 3 = ledgers written, rows to follow up\n${r.err}`);
    assert.deepEqual(readdirSync(out).sort(), ['honchosha.ledger', 'routing-report.json', 'sogo.ledger', 'toyosu.ledger']);
    const report = JSON.parse(readFileSync(join(out, 'routing-report.json'), 'utf8'));
    // Reservation numbers and address fragments: readable by its owner only, like the 未受領 CSV.
    if (process.platform !== 'win32') assert.equal(statSync(join(out, 'routing-report.json')).mode & 0o777, 0o600);
    assert.equal(report.rosterEncoding, 'cp932');
    assert.deepEqual(report.perVenue, { honchosha: 1, sogo: 1, toyosu: 1 });
    assert.deepEqual(
      report.unrouted.map((u: { line: number; reservationNo: string; code: string }) => [u.line, u.reservationNo, u.code]),
      [
        [5, 'A1B-000004', 'outside-koto'],
        [6, 'A1B-000005', 'chome-required'],
      ],
    );
    assert.match(r.out, /5行目 A1B-000004/);
    assert.match(r.out, /6行目 A1B-000005/);
    assert.match(r.err, /--hq-data がないため、振分レポート .*（予約管理番号 2件）の書き出しは個人情報取扱台帳に記録されず/);
  });

  test('build refuses an invalid roster: every problem by line, column and value; no file written', async (t) => {
    const bad = [
      HEADER,
      ROWS[0],
      'XX-1,品川　一郎,シナガワ　イチロウ,昭和58年4月1日,江東区豊洲1-1-1,通常,2026/11/20',
      'A1B-000003,目黒　二郎,メグロ　ジロウ,昭和64年1月8日,江東区豊洲1-1-1,通常,2026/11/20',
      'A1B-000001,重複　三郎,チョウフク　サブロウ,1990/1/1,江東区豊洲1-1-1,通常,2026/11/20',
      'A1B-000009,,カラ　シメイ,1990/1/1,江東区豊洲1-1-1,通常,2026/11/20',
    ];
    const { r, out } = await build(t, Buffer.from([...bad].join('\n')));
    assert.equal(r.code, 1);
    assert.ok(!existsSync(out) || readdirSync(out).length === 0, 'nothing may be written');
    assert.match(r.err, /3行目 \[予約管理番号\] 「XX-1」/);
    assert.match(r.err, /4行目 \[生年月日\] 「昭和64年1月8日」/);
    assert.match(r.err, /5行目 \[予約管理番号\] 「A1B-000001」.*2行目/);
    assert.match(r.err, /6行目 \[氏名\]/);
  });

  test('build needs the public key of every venue that has rows', async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, 'roster.csv'), [HEADER, ROWS[0]].join('\n'));
    const pubs = tempDir(t);
    copyFileSync(join(world, 'keys', 'sogo.pub'), join(pubs, 'sogo.pub'));
    const r = await cli([
      'ledger',
      'build',
      '--roster',
      join(dir, 'roster.csv'),
      '--shipment',
      'S1',
      '--hq-key',
      join(world, 'keys', 'hq.key'),
      '--venue-pubs',
      pubs,
      '--out',
      join(dir, 'out'),
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /豊洲シビックセンター（toyosu\.pub）/);
    assert.ok(!existsSync(join(dir, 'out', 'toyosu.ledger')));
  });

  test('inspect verifies and prints the header, never personal data; import, re-import, status', async (t) => {
    const { out } = await build(t, Buffer.from([HEADER, ...ROWS.slice(0, 3)].join('\n')));
    const ledger = join(out, 'toyosu.ledger');
    const hqPub = join(world, 'keys', 'hq.pub');
    const toyosuKey = join(world, 'keys', 'toyosu.key');

    const inspect = await cli(['ledger', 'inspect', ledger, '--venue-key', toyosuKey, '--hq-pub', hqPub]);
    assert.equal(inspect.code, 0, inspect.err);
    assert.match(inspect.out, /署名: 検証済み/);
    assert.match(inspect.out, /復号・検証済み（1件）/);
    assert.match(inspect.out, /出荷ID: S2026-11-20/);
    for (const secret of ['江東　太郎', 'コウトウ', '豊洲五丁目', 'A1B-000001', '1983'])
      assert.ok(!inspect.out.includes(secret), `inspect shows ${secret}`);
    const json = JSON.parse((await cli(['ledger', 'inspect', ledger, '--hq-pub', hqPub, '--json'])).out);
    assert.equal(json.header.venue, 'toyosu');
    assert.equal(json.header.rowCount, 1);
    assert.equal(json.verified, true);

    const data = join(tempDir(t), 'toyosu-data');
    const imported = await cli(['ledger', 'import', ledger, '--data', data, '--venue-key', toyosuKey, '--hq-pub', hqPub]);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /S2026-11-20 を取り込みました: 1件/);
    const again = await cli(['ledger', 'import', ledger, '--data', data, '--venue-key', toyosuKey, '--hq-pub', hqPub]);
    assert.equal(again.code, 0);
    assert.match(again.out, /取込済みです（変更なし）/);

    const status = await cli(['status', '--data', data, '--json']);
    assert.equal(status.code, 0, status.err);
    const s = JSON.parse(status.out);
    assert.equal(s.venue, 'toyosu');
    assert.equal(s.schemaVersion, LATEST_SCHEMA_VERSION);
    assert.deepEqual(
      s.shipments.map((x: { shipmentId: string; rowCount: number; fileSha256: string }) => [x.shipmentId, x.rowCount, x.fileSha256]),
      [['S2026-11-20', 1, json.fileSha256]],
    );

    // MADOGUCHI_DATA_DIR stands in for --data.
    const viaEnv = await cli(['status', '--json'], { env: { MADOGUCHI_PASSPHRASE: 'correct horse battery', MADOGUCHI_DATA_DIR: data } });
    assert.equal(JSON.parse(viaEnv.out).venue, 'toyosu');
  });

  test('import refuses another venue, a tampered file, a wrong passphrase — each with a clear message', async (t) => {
    const { out } = await build(t, Buffer.from([HEADER, ...ROWS.slice(0, 3)].join('\n')));
    const hqPub = join(world, 'keys', 'hq.pub');
    const data = join(tempDir(t), 'd');
    const sogoLedgerIntoToyosu = await cli([
      'ledger',
      'import',
      join(out, 'sogo.ledger'),
      '--data',
      data,
      '--venue-key',
      join(world, 'keys', 'toyosu.key'),
      '--hq-pub',
      hqPub,
    ]);
    assert.equal(sogoLedgerIntoToyosu.code, 1);
    assert.match(sogoLedgerIntoToyosu.err, /総合区民センター宛て/);
    assert.ok(!existsSync(data), 'a refused first import creates no data folder');
    assert.equal(
      (
        await cli([
          'ledger',
          'import',
          join(out, 'toyosu.ledger'),
          '--data',
          data,
          '--venue-key',
          join(world, 'keys', 'toyosu.key'),
          '--hq-pub',
          hqPub,
        ])
      ).code,
      0,
    );
    const first = JSON.parse((await cli(['status', '--data', data, '--json'])).out).shipments;

    const tampered = join(tempDir(t), 'toyosu.ledger');
    const bytes = readFileSync(join(out, 'toyosu.ledger'));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(tampered, bytes);
    const bad = await cli([
      'ledger',
      'import',
      tampered,
      '--data',
      data,
      '--venue-key',
      join(world, 'keys', 'toyosu.key'),
      '--hq-pub',
      hqPub,
    ]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /署名が一致しません/);

    const wrongPass = await cli(
      ['ledger', 'import', join(out, 'toyosu.ledger'), '--data', data, '--venue-key', join(world, 'keys', 'toyosu.key'), '--hq-pub', hqPub],
      { env: { MADOGUCHI_PASSPHRASE: 'wrong passphrase' } },
    );
    assert.equal(wrongPass.code, 1);
    assert.match(wrongPass.err, /パスフレーズが違う/);

    const status = await cli(['status', '--data', data, '--json']);
    assert.deepEqual(JSON.parse(status.out).shipments, first, 'no failed import changed anything');
  });

  test('a key file given where the other kind is expected is named as such', async (t) => {
    const { out } = await build(t, Buffer.from([HEADER, ROWS[0]].join('\n')));
    const r = await cli(['ledger', 'inspect', join(out, 'toyosu.ledger'), '--hq-pub', join(world, 'keys', 'toyosu.pub')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /事務センターの公開鍵ではありません/);
    const missing = await cli(['ledger', 'inspect', join(out, 'nope.ledger'), '--hq-pub', join(world, 'keys', 'hq.pub')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /nope\.ledger を読めません/);
  });
});
