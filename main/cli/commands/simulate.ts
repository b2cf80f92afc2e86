// madoguchi simulate: days of realistic venue activity through the app's own services (demos, tests, benchmarks).
import type { Command } from 'commander';
import { simulate } from '../../demo/simulate';
import { latestEventTime } from '../../db/queries/events';
import { openExistingDataFolder } from '../data-folder';
import { CliError, dateArgument, type CliIo } from '../io';
import { addDays, tokyoDateOf } from '../../../shared/tokyo-date';

export function registerSimulate(program: Command, io: CliIo): void {
  program
    .command('simulate')
    .description(
      '会場の業務を模擬（受領確認・交付・交付不可・取消・返戻・日締め）。アプリと同じサービスで記録する（デモ・テスト・性能測定用）',
    )
    .option('--data <dir>', 'データフォルダ')
    .requiredOption('--days <n>', '日数')
    .option('--stations <k>', '窓口（端末）の数', '1')
    .option('--seed <s>', '乱数の種', '1')
    .option('--start <date>', '初日（YYYY-MM-DD、既定は最後の記録の翌日）')
    .action(async (opts: { data?: string; days: string; stations: string; seed: string; start?: string }) => {
      const days = Number(opts.days);
      const stations = Number(opts.stations);
      const seed = Number(opts.seed);
      if (!Number.isInteger(days) || days < 1 || days > 400) throw new CliError('--days は 1〜400 の整数です', 2);
      if (!Number.isInteger(stations) || stations < 1 || stations > 9) throw new CliError('--stations は 1〜9 の整数です', 2);
      if (!Number.isInteger(seed)) throw new CliError('--seed は整数です', 2);
      const start = opts.start === undefined ? undefined : dateArgument(opts.start, '--start');
      const store = await openExistingDataFolder(io, opts.data);
      try {
        const last = latestEventTime(store.db);
        const startDate = start ?? addDays(tokyoDateOf(last ?? io.clock.now().toISOString()), 1);
        const summary = await simulate(store, { days, stations, seed, startDate });
        io.out(JSON.stringify({ startDate, ...summary }, null, 2) + '\n');
      } finally {
        store.close();
      }
    });
}
