// A venue re-keyed (issue 14): its old public key, revoked in HQ's folder, is never sealed to again, even if the
// old toyosu.pub is still in venue-pubs/; the new one is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';
import { encodePrivateKeyFile, encodePublicKeyFile, generateKeyPair } from '../crypto/key-files';

const roster = (n: number) =>
  '予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日\n' +
  `A1B-00000${n},江東　太郎,コウトウ　タロウ,1983/4/1,東京都江東区豊洲五丁目6番1号,通常,2026/11/20\n`;

test('HQ revokes a re-keyed venue’s old key: ledger build --hq-data refuses it and writes nothing; the new key builds', async (t) => {
  const dir = tempDir(t);
  const hq = generateKeyPair('hq', null);
  writeFileSync(join(dir, 'hq.key'), encodePrivateKeyFile(hq, 'correct horse battery'));
  const pubs = (name: string) => {
    const sub = join(dir, name);
    mkdirSync(sub);
    writeFileSync(join(sub, 'toyosu.pub'), encodePublicKeyFile(generateKeyPair('venue', 'toyosu')));
    return sub;
  };
  const old = pubs('old');
  const fresh = pubs('new');
  const hqData = join(dir, 'hq-data');
  const build = (shipment: string, venuePubs: string) => {
    writeFileSync(join(dir, 'roster.csv'), roster(Number(shipment.slice(1))));
    return cli([
      'ledger',
      'build',
      '--roster',
      join(dir, 'roster.csv'),
      '--shipment',
      shipment,
      '--hq-key',
      join(dir, 'hq.key'),
      '--venue-pubs',
      venuePubs,
      '--out',
      join(dir, shipment),
      '--hq-data',
      hqData,
    ]);
  };
  assert.equal((await build('S1', old)).code, 0);

  const neither = await cli(['sync', 'revoke', '--data', hqData, '--reason', '鍵の紛失']);
  assert.equal(neither.code, 2);
  assert.match(neither.err, /--station か --venue-pub のどちらか一方/);
  const revoke = await cli(['sync', 'revoke', '--venue-pub', join(old, 'toyosu.pub'), '--data', hqData, '--reason', '鍵ファイルの紛失']);
  assert.equal(revoke.code, 0, revoke.err);
  assert.match(revoke.out, /豊洲シビックセンターの会場鍵（鍵ID [0-9a-f]{16}）を取り消しました/);
  const hqKeyPub = join(dir, 'hq.pub');
  writeFileSync(hqKeyPub, encodePublicKeyFile(hq));
  const wrongKind = await cli(['sync', 'revoke', '--venue-pub', hqKeyPub, '--data', hqData, '--reason', 'x']);
  assert.equal(wrongKind.code, 1);
  assert.match(wrongKind.err, /会場の公開鍵ではありません/);

  const refused = await build('S2', old);
  assert.equal(refused.code, 1);
  assert.match(
    refused.err,
    /豊洲シビックセンターの会場鍵（鍵ID [0-9a-f]{16}）は .* に取り消し済みです（鍵ファイルの紛失）。.*何も書き出していません/,
  );
  assert.ok(!existsSync(join(dir, 'S2', 'toyosu.ledger')), 'no ledger sealed to the revoked key');
  assert.equal((await build('S2', fresh)).code, 0);
  assert.match(
    (await cli(['status', '--data', hqData])).out,
    /取り消した会場鍵: 豊洲シビックセンター 鍵ID [0-9a-f]{16}（.*、鍵ファイルの紛失）/,
  );
});
