// The daily sync from the command line, over the demo world: each venue's station is provisioned, simulates
// days of work and publishes its file; HQ pulls them all, and its report matches each venue's own
// reconciliation; pulling again changes nothing; a tampered file is refused; the 未受領 list is exactly the
// cards never collected, in UTF-8 and CP932.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { cli } from '../testing/cli-harness';
import { fixedClock } from '../clock';

const AFTER_THE_DAYS = fixedClock('2026-11-24T12:00:00Z');
import { tempDir } from '../testing/fixtures';
import { openDataFolder } from '../store/data-folder';
import { count } from '../../shared/numbers';

const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_PIN: '8888' };
const VENUES = ['honchosha', 'sogo', 'toyosu'] as const;

test('sync over the demo world: provision, simulate, export, pull, report, 未受領 list', async (t) => {
  const root = tempDir(t);
  const demo = join(root, 'demo');
  assert.equal((await cli(['demo', '--dir', demo, '--residents', '400'], { env: {} })).code, 0);
  const hq = join(demo, 'hq');
  const reg = join(root, 'registrations');
  // After the simulated days: HQ and the siblings pull in their own time (a file from the future is flagged).
  const run = async (args: string[], expect = 0) => {
    const r = await cli(args, { env, clock: AFTER_THE_DAYS });
    assert.equal(r.code, expect, `${args.join(' ')}\n${r.out}\n${r.err}`);
    return r;
  };

  await run(['sync', 'identity', '--data', hq, '--out', reg, '--hq-key', join(demo, 'keys', 'hq.key')]);
  for (const v of VENUES) {
    const data = join(demo, 'venues', v);
    await run(['sync', 'identity', '--data', data, '--out', reg]);
    await run(['sync', 'setup', '--data', data, '--hq', join(reg, 'hq-sync.json'), '--venue-pub', join(demo, 'keys', `${v}.pub`)]);
    await run(['sync', 'register', join(reg, `${v}-demo01.station.json`), '--data', hq, '--source', join(root, 'outbox', v)]);
    await run(['simulate', '--data', data, '--days', '3', '--seed', '2']);
    await run(['sync', 'export', '--data', data, '--date', '2026-11-23', '--out', join(root, 'outbox', v)]);
  }
  // 本庁舎's second counter keeps the venue key and takes in the first counter's new file by itself.
  const second = join(demo, 'venues', 'honchosha-2');
  assert.equal(
    (await cli(['sync', 'setup', '--data', second, '--hq', join(reg, 'hq-sync.json')], { env })).code,
    2,
    'a venue key or public key is required',
  );
  assert.match(
    (await run(['sync', 'setup', '--data', second, '--hq', join(reg, 'hq-sync.json'), '--venue-key', join(demo, 'keys', 'honchosha.key')]))
      .out,
    /秘密鍵を保管/,
  );
  assert.match(
    (await run(['sync', 'pull', '--data', second, '--from', join(root, 'outbox', 'honchosha')])).out,
    /^ {2}本庁舎 窓口1 #2: 取込 [\d,]+件.* {2}ファイル honchosha-demo01-00000002\.sync$/m,
  );
  const firstCounter = JSON.parse((await run(['venue', 'report', '--data', join(demo, 'venues', 'honchosha'), '--json'])).out).total;
  const secondCounter = JSON.parse((await run(['venue', 'report', '--data', second, '--json'])).out).total;
  assert.equal(secondCounter.handedOver, firstCounter.handedOver, 'the second counter knows the first one’s handovers');
  // 本庁舎's second counter (made by the demo, registered at HQ with its own outbox) publishes its day too.
  await run([
    'sync',
    'export',
    '--data',
    join(demo, 'venues', 'honchosha-2'),
    '--date',
    '2026-11-23',
    '--out',
    join(demo, 'outbox', 'honchosha-demo02'),
  ]);
  const pulled = await run(['hq', 'pull', '--hq-data', hq]);
  // Each simulated day is closed as the app closes it, publishing its file to the demo's outbox (where HQ looks
  // too): 3 venues × 3 days, then the 3 exports above and the second counter's.
  assert.equal((pulled.out.match(/取込 [\d,]+件/g) ?? []).length, 3 * 3 + 3 + 1);

  const report = JSON.parse((await run(['hq', 'report', '--hq-data', hq, '--date', '2026-11-23', '--json'])).out);
  assert.deepEqual(report.mismatches, []);
  for (const v of VENUES) {
    const own = JSON.parse((await run(['venue', 'report', '--data', join(demo, 'venues', v), '--json'])).out).total;
    const atHq = report.venues.find((x: { venue: string }) => x.venue === v).figures;
    for (const f of ['shipped', 'received', 'handedOver', 'outstanding', 'returned', 'refusals', 'damaged'])
      assert.equal(atHq[f], own[f], `${v} ${f}`);
    const claims = report.venues.find((x: { venue: string }) => x.venue === v).claims.map((c: { differences: unknown[] }) => c.differences);
    assert.deepEqual(claims, v === 'honchosha' ? [[], []] : [[]], 'each station’s claim equals HQ’s recomputation');
  }

  // Pulling again, and a tampered copy among the files: nothing changes, the bad file is named.
  const outbox = join(root, 'outbox', 'sogo');
  const name = readdirSync(outbox).find((f) => f.endsWith('.sync'))!;
  const bytes = readFileSync(join(outbox, name));
  bytes[bytes.length - 20]! ^= 0xff;
  writeFileSync(join(outbox, 'sogo-demo01-00000002.sync'), bytes);
  const again = await run(['hq', 'pull', '--hq-data', hq], 3);
  // Each source by whose files it holds (as its venue calls it, from its files), the folder after it as detail.
  assert.match(again.out, new RegExp(`^本庁舎 窓口1（${join(root, 'outbox', 'honchosha')}）: 新しいファイルはありません$`, 'm'));
  assert.match(again.out, /^総合区民センター 窓口1（.*）: 1ファイル$/m);
  assert.match(again.out, /拒否: .*署名.* {2}ファイル sogo-demo01-00000002\.sync$/m);
  const after = JSON.parse((await run(['hq', 'report', '--hq-data', hq, '--date', '2026-11-23', '--json'])).out);
  assert.deepEqual(after.venues, report.venues);
  // Cards that do not add up are counts for anyone with the folder, reservation numbers only for a named reader.
  assert.deepEqual([after.venues[0].breakerCount, after.venues[0].breakers], [0, undefined]);
  const named = JSON.parse((await run(['hq', 'report', '--hq-data', hq, '--date', '2026-11-23', '--json', '--staff', 'hq1'])).out);
  assert.deepEqual([named.venues[0].breakers, named.venues[0].conflicts], [[], []]);

  // What support sees first: each side's sync state, without personal data.
  const toyosuStatus = JSON.parse((await run(['status', '--data', join(demo, 'venues', 'toyosu'), '--json'])).out).sync;
  // #1 from the demo, #2–#4 from the three simulated days' closes, #5 the export above.
  assert.deepEqual([toyosuStatus.lastExport.seq, toyosuStatus.recipients.map((r: { role: string }) => r.role)], [5, ['hq', 'venue']]);
  const hqStatus = JSON.parse((await run(['status', '--data', hq, '--json'])).out).sync;
  assert.deepEqual(
    hqStatus.stations.map((s: { stationId: string; lastSeq: number }) => `${s.stationId}#${s.lastSeq}`),
    ['honchosha-demo01#5', 'honchosha-demo02#2', 'sogo-demo01#5', 'toyosu-demo01#5'],
  );
  assert.match((await run(['status', '--data', second])).out, /会場の鍵を保管/);

  // Two days later with no new files, every station is reported quiet.
  const quiet = await run(['hq', 'report', '--hq-data', hq, '--date', '2026-11-26'], 3);
  for (const name of ['本庁舎 窓口1', '総合区民センター 窓口1', '豊洲シビックセンター 窓口1'])
    assert.match(quiet.out, new RegExp(`${name}: 2026年11月23日 以降同期ファイルが届いていません`));

  // 豊洲's only station is stolen: HQ revokes it. The files it sent stay; one its key signs later is refused and
  // kept as an alert, the venue's figures unchanged, and its silence is no longer a mismatch.
  const revoked = await run(['sync', 'revoke', '--station', 'toyosu-demo01', '--data', hq, '--reason', '端末の盗難', '--staff', 'hq1']);
  assert.match(revoked.out, /豊洲シビックセンター 窓口1 を取り消しました: #5 までのファイルは残し/);
  assert.match(
    (await run(['sync', 'revoke', '--station', 'toyosu-demo01', '--data', hq, '--reason', '再度', '--staff', 'hq1'])).out,
    /取り消し済みです/,
  );
  assert.match(
    (await run(['sync', 'revoke', '--station', 'toyosu-zzzzzz', '--data', hq, '--reason', 'x', '--staff', 'hq1'], 1)).err,
    /登録されていません/,
  );
  await run(['sync', 'export', '--data', join(demo, 'venues', 'toyosu'), '--date', '2026-11-24', '--out', join(root, 'outbox', 'toyosu')]);
  const afterTheft = await run(['hq', 'pull', '--hq-data', hq], 3);
  assert.match(afterTheft.out, /拒否: toyosu-demo01 #6: 取り消した端末の鍵で署名されたファイルです/);
  const revokedReport = await run(['hq', 'report', '--hq-data', hq, '--date', '2026-11-26'], 3);
  assert.match(revokedReport.out, /端末 豊洲シビックセンター 窓口1（.* 取消済み: 端末の盗難）/);
  assert.match(revokedReport.out, /豊洲シビックセンター 窓口1 #6: 取り消した端末の鍵で署名されたファイル/);
  assert.doesNotMatch(revokedReport.out, /豊洲シビックセンター 窓口1: .*同期ファイルが届いていません/);
  const revokedJson = JSON.parse((await run(['hq', 'report', '--hq-data', hq, '--date', '2026-11-23', '--json'], 3)).out);
  assert.deepEqual(
    revokedJson.venues.map((v: { figures: unknown }) => v.figures),
    report.venues.map((v: { figures: unknown }) => v.figures),
    'the files taken in before stay',
  );
  assert.match((await run(['status', '--data', hq])).out, /取り消した端末 豊洲シビックセンター 窓口1.*#5 までのファイルを保持/);

  // 未受領: after the deadline, every card still on a shelf or returned, with its resident, once.
  const csvFile = join(root, 'uncollected.csv');
  // Names and addresses leave the folder only with a person named: HQ's staff id and PIN (issue 14).
  const nobody = await run(['hq', 'uncollected', '--hq-data', hq, '--date', '2027-06-01', '--out', csvFile], 1);
  assert.match(
    nobody.err,
    /未受領者一覧の出力には、行う事務センターの職員IDとPINが必要です（--staff 職員ID、または環境変数 MADOGUCHI_STAFF）/,
  );
  assert.ok(!existsSync(csvFile), 'nothing written');
  const wrongPin = await cli(['hq', 'uncollected', '--hq-data', hq, '--out', csvFile, '--staff', 'hq1'], {
    env: { ...env, MADOGUCHI_PIN: '0000' },
    clock: AFTER_THE_DAYS,
  });
  assert.equal(wrongPin.code, 1);
  assert.match(wrongPin.err, /PINが違います|職員IDまたはPINが違います/);
  const listed = await run(['hq', 'uncollected', '--hq-data', hq, '--date', '2027-06-01', '--out', csvFile, '--staff', 'hq1']);
  const utf8 = readFileSync(csvFile);
  assert.deepEqual([...utf8.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = parse(utf8.toString('utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const expected = VENUES.reduce(
    (n, v) =>
      n +
      report.venues.find((x: { venue: string }) => x.venue === v).figures.outstanding +
      report.venues.find((x: { venue: string }) => x.venue === v).figures.returned,
    0,
  );
  assert.equal(rows.length, expected);
  assert.equal(new Set(rows.map((r) => r['予約管理番号'])).size, rows.length);
  assert.match(listed.out, new RegExp(`未受領 ${count(expected)}`));
  // Joined with what HQ shipped: the residents' names come from the demo rosters (numbers are written loosely there).
  const rosters = readdirSync(demo)
    .filter((f) => /^roster.*\.csv$/.test(f))
    .map((f) => iconv.decode(readFileSync(join(demo, f)), 'cp932'))
    .join('\n');
  for (const r of rows)
    assert.ok(rosters.includes(r['氏名']!) && r['住所']!.length > 0, `${r['予約管理番号']} joined with the roster HQ shipped`);
  // The list of names left the encrypted folder: HQ's access record says who, when, how many.
  const opened = openDataFolder(hq, 'madoguchi-demo');
  assert.ok(opened.ok);
  assert.deepEqual(
    opened.value.store.db.prepare("SELECT revoked_by FROM sync_stations WHERE station_id = 'toyosu-demo01'").get(),
    { revoked_by: 'hq:hq1' },
    'who revoked the station: a person',
  );
  const exports = opened.value.store.db.prepare("SELECT actor, subject, detail FROM access_records WHERE action = 'export'").all() as {
    actor: string;
    subject: string;
    detail: string;
  }[];
  opened.value.store.close();
  assert.deepEqual(
    exports.map((e) => [e.actor, e.subject, JSON.parse(e.detail).rows, JSON.parse(e.detail).destination]),
    [['hq:hq1', '2027-06-01', expected, csvFile]],
  );
  assert.deepEqual(
    [...JSON.parse(exports[0]!.detail).subjects].sort(),
    rows.map((r) => r['予約管理番号']).sort(),
    'whose rows left the folder',
  );
  const cp932File = join(root, 'uncollected-sjis.csv');
  await run(['hq', 'uncollected', '--hq-data', hq, '--date', '2027-06-01', '--out', cp932File, '--encoding', 'cp932', '--staff', 'hq1']);
  assert.equal(iconv.decode(readFileSync(cp932File), 'cp932'), utf8.subarray(3).toString('utf8'));
  // Before the recent shipments' deadline only the cards already returned to HQ (long overdue) are listed.
  await run(['hq', 'uncollected', '--hq-data', hq, '--date', '2026-11-23', '--out', csvFile, '--staff', 'hq1']);
  const early = parse(readFileSync(csvFile, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  const returned = VENUES.reduce((n, v) => n + report.venues.find((x: { venue: string }) => x.venue === v).figures.returned, 0);
  assert.ok(returned > 0, 'the demo returns its overdue cards');
  assert.deepEqual([early.length, new Set(early.map((r) => r['状態']))], [returned, new Set(['返戻済み'])]);
});
