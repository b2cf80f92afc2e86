// madoguchi demo: a complete, synthetic demo world for newcomers and tests.
import { count } from '../../../shared/numbers';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { VENUE_IDS, VENUES } from '../../../shared/venues/venues';
import { createDemoWorld, DEMO_PASSPHRASE, DEMO_STAFF } from '../../demo/demo-world';
import { ROLE_LABELS } from '../../../shared/ipc/roles';
import { SHIPMENT_RECEIPT_LABELS } from '../../../shared/glossary';
import { PASSPHRASE_ENV } from '../passphrase';
import { CliError, type CliIo } from '../io';

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('デモ環境を作成: 鍵、架空の住民名簿、会場別台帳、台帳取込済みの各会場データフォルダ（架空データのみ）')
    .requiredOption('--dir <dir>', '作成先フォルダ（空または存在しないこと）')
    .option('--residents <n>', '架空住民の人数', '3000')
    .option('--seed <n>', '乱数の種（同じ種なら同じ名簿）', '1')
    .option('--json', '結果をJSONで出力')
    .action((opts: { dir: string; residents: string; seed: string; json?: boolean }) => {
      const residents = Number(opts.residents);
      const seed = Number(opts.seed);
      if (!Number.isInteger(residents) || residents < 1 || residents > 200_000)
        throw new CliError('--residents は 1〜200000 の整数です', 2);
      if (!Number.isInteger(seed)) throw new CliError('--seed は整数です', 2);
      const passphrase = io.env[PASSPHRASE_ENV] || DEMO_PASSPHRASE;
      let world;
      try {
        world = createDemoWorld({ dir: resolve(io.cwd, opts.dir), residents, seed, passphrase, clock: io.clock });
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      if (opts.json) {
        io.out(JSON.stringify(world, null, 2) + '\n');
        return;
      }
      const r = world.report;
      io.out(`デモ環境を作成しました: ${world.dir}\n`);
      io.out(`  鍵: ${world.keysDir}（パスフレーズ: ${io.env[PASSPHRASE_ENV] ? `環境変数 ${PASSPHRASE_ENV}` : DEMO_PASSPHRASE}）\n`);
      io.out(
        `  名簿: ${world.rosterFile}（${count(r.rosterRows)}、Shift_JIS）\n  台帳: ${world.ledgersDir}（出荷 ${world.shipmentId} ${SHIPMENT_RECEIPT_LABELS.checked}${world.lateShipmentId ? `、${world.lateShipmentId} ${SHIPMENT_RECEIPT_LABELS.unchecked}` : ''}${world.earlyShipmentId ? `、${world.earlyShipmentId} 受取期限切れ（返戻の対象）` : ''}）\n`,
      );
      for (const v of VENUE_IDS)
        io.out(
          `  ${VENUES[v].name}: ${count(r.perVenue[v])} → ${world.stations
            .filter((s) => s.venue === v)
            .map((s) => `${s.dir}（${s.stationId}）`)
            .join('、')}\n`,
        );
      io.out(`  事務センター: ${world.hqDataDir}（作成した台帳の記録。hq1 / PIN 8888）\n`);
      io.out(`  職員（各会場）: ${DEMO_STAFF.map((s) => `${s.staffId} / PIN ${s.pin}（${ROLE_LABELS[s.role]}）`).join('、')}\n`);
      io.out(`  試しにスキャンする番号: ${world.scanSheetFile}（結果の種類ごとに1つ）\n`);
      io.out(`確認: madoguchi status --data ${world.venueDataDirs.honchosha}\n`);
    });
}
