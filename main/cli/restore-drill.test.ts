// The restore drill (issue 15), at the command line as support would run it: a station works, is backed up,
// works more and publishes; its disk is lost (folder and outbox); HQ hands back the files it received; the
// station is restored on a new folder, takes them back and goes on. HQ sees one unbroken stream, nothing
// acknowledged lost or counted twice, and is told of the restore instead of a rewound record.
import '../testing/memo-scrypt';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';

const env = { MADOGUCHI_PASSPHRASE: 'madoguchi-demo', MADOGUCHI_PIN: '9999' };
const hqEnv = { ...env, MADOGUCHI_PIN: '8888' };
type Figures = Record<string, number | boolean>;

test('restore drill: backup, more work published, disk lost, restored from the backup and HQ’s copies, one unbroken stream', async (t) => {
  const root = tempDir(t);
  const demo = join(root, 'demo');
  const usb = join(root, 'usb');
  mkdirSync(usb);
  const station = join(demo, 'venues', 'honchosha');
  const hq = join(demo, 'hq');
  const run = async (args: string[], expect = 0, e: Record<string, string> = env) => {
    const r = await cli(args, { env: e });
    assert.equal(r.code, expect, `${args.join(' ')}\n${r.out}\n${r.err}`);
    return r;
  };
  const stationFigures = async (): Promise<Figures> => JSON.parse((await run(['venue', 'report', '--data', station, '--json'])).out).total;
  const hqFigures = async (): Promise<Figures> => {
    const report = JSON.parse((await run(['hq', 'report', '--hq-data', hq, '--json'], 3, hqEnv)).out);
    return report.venues.find((v: { venue: string }) => v.venue === 'honchosha').figures;
  };
  await run(['demo', '--dir', demo, '--residents', '200']);

  await run(['simulate', '--data', station, '--days', '1', '--seed', '1']);
  const made = await run(['backup', 'create', '--data', station, '--to', usb, '--staff', 'lead1']);
  const backup = /^バックアップを作りました: (.+)$/m.exec(made.out)![1]!;
  await run(['simulate', '--data', station, '--days', '1', '--seed', '2']);
  await run(['hq', 'pull', '--hq-data', hq], 3, hqEnv);
  const before = await stationFigures();
  const { holds: _, ...beforeAtHq } = before;
  assert.deepEqual(await hqFigures(), beforeAtHq);

  // The PC's disk dies: the folder and the outbox beside it are gone.
  rmSync(station, { recursive: true });
  rmSync(join(demo, 'outbox', 'honchosha-demo01'), { recursive: true });
  const handback = join(root, 'handback');
  await run(['sync', 'files-of', '--data', hq, '--station', 'honchosha-demo01', '--out', handback], 0, hqEnv);
  assert.deepEqual(
    readdirSync(handback),
    ['00000001', '00000002', '00000003'].map((n) => `honchosha-demo01-${n}.sync`),
  );

  // Restore refuses to guess about the files sent after the backup, and never writes over a folder in use.
  assert.match((await run(['restore', '--from', backup, '--data', station, '--staff', 'lead1'], 2)).err, /--sync-files/);
  assert.match(
    (await run(['restore', '--from', backup, '--data', station, '--sync-files', handback, '--nothing-sent', '--staff', 'lead1'], 2)).err,
    /一緒に指定できません/,
  );
  const empty = join(root, 'empty');
  mkdirSync(empty);
  assert.match(
    (await run(['restore', '--from', backup, '--data', station, '--sync-files', empty, '--staff', 'lead1'], 1)).err,
    /この端末（honchosha-demo01）の同期ファイルがありません/,
  );
  const inUse = join(root, 'in-use');
  mkdirSync(inUse);
  writeFileSync(join(inUse, 'keyring.json'), '{}');
  assert.match(
    (await run(['restore', '--from', backup, '--data', inUse, '--sync-files', handback, '--staff', 'lead1'], 1)).err,
    /空ではありません.*RESTORE-NOT-EMPTY/,
  );
  // A wrong PIN: nothing is left behind to be mistaken for a restored folder.
  await run(['restore', '--from', backup, '--data', station, '--sync-files', handback, '--staff', 'lead1'], 1, {
    ...env,
    MADOGUCHI_PIN: '0000',
  });
  assert.deepEqual(readdirSync(join(demo, 'venues')).sort(), ['honchosha-2', 'sogo', 'toyosu']);

  // A damaged copy of #3 is refused by its signature, and said: the restore stops before it, with the number.
  const damaged = join(root, 'damaged');
  mkdirSync(damaged);
  for (const name of readdirSync(handback)) {
    const bytes = readFileSync(join(handback, name));
    if (name.endsWith('3.sync')) bytes[bytes.length - 10]! ^= 0xff;
    writeFileSync(join(damaged, name), bytes);
  }
  const refused = await run(['restore', '--from', backup, '--data', station, '--sync-files', damaged, '--staff', 'lead1'], 3);
  assert.match(refused.out, /取り戻した同期ファイルはありません/);
  assert.match(refused.err, /取り込まなかったファイル honchosha-demo01-00000003\.sync: /);
  assert.match(refused.err, /事務センターは、取り戻せなかった番号のファイルをすでに持っている可能性があります/);
  rmSync(station, { recursive: true });

  const restored = await run(['restore', '--from', backup, '--data', station, '--sync-files', handback, '--staff', 'lead1']);
  assert.match(restored.out, /同期ファイル #3 を取り戻しました/);
  // The settings came with the folder: where they point on this PC is said.
  assert.match(restored.out, /同期ファイルの送信フォルダ: .*（設定 sync-outbox/);
  assert.match(restored.err, /個人情報取扱台帳の1件目は故障で失われました/);
  assert.deepEqual(await stationFigures(), before, 'every record HQ had acknowledged is back');
  assert.match((await run(['access', 'verify', '--data', station])).out, /記録された時のままです/);

  // The station goes on: its next file is #4 (never a second #3), HQ takes it after #3 and counts nothing twice.
  await run(['simulate', '--data', station, '--days', '1', '--seed', '3']);
  assert.deepEqual(readdirSync(join(demo, 'outbox', 'honchosha-demo01')).at(-1), 'honchosha-demo01-00000004.sync');
  const pulled = await run(['hq', 'pull', '--hq-data', hq], 3, hqEnv);
  assert.match(pulled.out, /#4: 取込 \d+件 {2}要確認: バックアップから復元された端末/);
  assert.doesNotMatch(pulled.out, /個人情報取扱台帳が前のファイルの時点より短く|前のファイルとつながらない|同じ番号/);
  const after = await stationFigures();
  const { holds: __, ...afterAtHq } = after;
  assert.deepEqual(await hqFigures(), afterAtHq);
  assert.ok((after.handedOver as number) >= (before.handedOver as number));
});
