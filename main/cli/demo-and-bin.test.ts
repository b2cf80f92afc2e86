import { decodePublicKeyFile } from '../crypto/key-files';
import { parseHqSyncFile } from '../sync/hq-sync-file';
import '../testing/memo-scrypt';
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { DEMO_PASSPHRASE } from '../demo/demo-world';

const BIN = new URL('../../bin/madoguchi.mjs', import.meta.url).pathname;

describe('madoguchi demo', () => {
  test('builds keys, a Shift_JIS roster, ledgers and three venue data folders with their ledgers imported', async (t) => {
    const dir = join(tempDir(t), 'demo');
    const r = await cli(['demo', '--dir', dir, '--residents', '400', '--seed', '5'], { env: {} });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(DEMO_PASSPHRASE));
    assert.deepEqual(readdirSync(join(dir, 'keys')).sort(), [
      'honchosha.key',
      'honchosha.pub',
      'hq-sync.json',
      'hq.key',
      'hq.pub',
      'sogo.key',
      'sogo.pub',
      'toyosu.key',
      'toyosu.pub',
    ]);
    // What a new counter PC's 初回設定 asks for: hq.pub, and hq-sync.json signed by that key.
    const pinned = decodePublicKeyFile(readFileSync(join(dir, 'keys', 'hq.pub'), 'utf8'));
    assert.ok(pinned.ok && parseHqSyncFile(readFileSync(join(dir, 'keys', 'hq-sync.json'), 'utf8'), pinned.value).ok);
    const report = JSON.parse(readFileSync(join(dir, 'ledgers', 'routing-report.json'), 'utf8'));
    const late = JSON.parse(readFileSync(join(dir, 'ledgers', 'second', 'routing-report.json'), 'utf8'));
    const early = JSON.parse(readFileSync(join(dir, 'ledgers', 'early', 'routing-report.json'), 'utf8'));
    assert.deepEqual(
      [early.rosterRows, report.rosterRows, late.rosterRows],
      [12, 368, 20],
      '3% shipped long ago, 5% in a second, not yet received shipment',
    );
    assert.equal(report.rosterEncoding, 'cp932');
    assert.deepEqual([...report.unrouted, ...late.unrouted, ...early.unrouted], []);
    let total = 0;
    for (const venue of ['honchosha', 'sogo', 'toyosu']) {
      const s = await cli(['status', '--data', join(dir, 'venues', venue), '--json'], { env: { MADOGUCHI_PASSPHRASE: DEMO_PASSPHRASE } });
      assert.equal(s.code, 0, s.err);
      const status = JSON.parse(s.out);
      assert.equal(status.venue, venue);
      assert.equal(status.cards, report.perVenue[venue] + late.perVenue[venue] + early.perVenue[venue]);
      assert.ok(status.cards > 0, `${venue} got residents`);
      total += status.cards;
    }
    assert.equal(total, 400, 'every synthetic resident landed at exactly one venue');
  });

  test('refuses a folder that is not empty, and a data folder opened with the wrong passphrase', async (t) => {
    const dir = tempDir(t);
    const first = await cli(['demo', '--dir', dir, '--residents', '200'], { env: {} });
    assert.equal(first.code, 0, first.err);
    const again = await cli(['demo', '--dir', dir], { env: {} });
    assert.equal(again.code, 1);
    assert.match(again.err, /は空ではありません。デモには新しい（空の）フォルダを指定してください/);
    const wrong = await cli(['status', '--data', join(dir, 'venues', 'sogo')], { env: { MADOGUCHI_PASSPHRASE: 'not the passphrase' } });
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /パスフレーズが違います/);
    const notFolder = await cli(['status', '--data', join(dir, 'keys')]);
    assert.equal(notFolder.code, 1);
    assert.match(notFolder.err, /データフォルダではありません/);
    // A folder that is not there is said so; where none was named, how to name one.
    const typo = await cli(['status', '--data', join(dir, 'venues', 'sgo')]);
    assert.equal(typo.code, 1);
    assert.match(typo.err, /^madoguchi: データフォルダ .*sgo がありません（場所を確かめてください）\n$/);
    const unnamed = await cli(['status'], { env: { HOME: join(dir, 'nobody'), APPDATA: join(dir, 'nobody') } });
    assert.equal(unnamed.code, 1);
    assert.match(unnamed.err, /がありません（場所を確かめてください）\n {2}--data <フォルダ> か環境変数 MADOGUCHI_DATA_DIR で指定します/);
  });
});

describe('the madoguchi command itself (bin, as npx runs it)', () => {
  test('--help lists every command, under plain Node without Electron', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const cmd of ['keys', 'route', 'ledger', 'status', 'demo']) assert.match(r.stdout, new RegExp(`^\\s+${cmd}\\b`, 'm'));
  });

  test('route reads stdin, one answer per line, exit 1 when any address is refused', () => {
    const r = spawnSync(process.execPath, [BIN, 'route'], { encoding: 'utf8', input: '東京都江東区豊洲５－６－１\n江東区東砂\n' });
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(lines[0], 'toyosu\t豊洲\t5');
    assert.match(lines[1]!, /^-\t.*東砂/);
    const okOnly = spawnSync(process.execPath, [BIN, 'route', '高橋12-3', '亀戸四丁目1番'], { encoding: 'utf8' });
    assert.equal(okOnly.status, 0);
    assert.deepEqual(okOnly.stdout.trimEnd().split('\n'), ['honchosha\t高橋\t-', 'sogo\t亀戸\t4']);
  });

  test('output piped into a reader that stops early ends quietly, with no stack trace', () => {
    // `| head -1` closes the pipe after the first line; 20,000 answers are more than the pipe holds.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" route $(yes 高橋12-3 | head -20000) | head -1`], { encoding: 'utf8' });
    assert.equal(r.stdout, 'honchosha\t高橋\t-\n');
    assert.doesNotMatch(r.stderr, /EPIPE|Error|at /);
  });

  test('an unknown command is a usage error (exit 2), said in Japanese as every usage error is', async () => {
    const r = spawnSync(process.execPath, [BIN, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^madoguchi: 知らないコマンドです: frobnicate\n（使い方: madoguchi <コマンド> --help）/);
    assert.match((await cli(['statuss'])).err, /知らないコマンドです: statuss（status のことですか？）/);
    assert.match((await cli(['sync', 'export'])).err, /必須のオプション --out <dir> が指定されていません/);
    assert.match((await cli(['status', '--bogus'])).err, /知らないオプションです: --bogus/);
    assert.doesNotMatch((await cli(['route', '--bogus'])).err, /error:|unknown/);
    assert.ok(!existsSync(join(process.cwd(), 'frobnicate')));
  });
});
