// madoguchi retention plan: what residents' data this folder holds or has put elsewhere, how much, where, until
// when and how it goes (main/retention/retention-plan.ts). Counts and places only: no resident is named.
import type { Command } from 'commander';
import { openAnyDataFolder } from '../data-folder';
import { retentionPlan } from '../../retention/retention-plan';
import { dayText, tokyoDateTime } from '../../../shared/tokyo-date';
import { num } from '../../../shared/numbers';
import type { CliIo } from '../io';

export function registerRetention(program: Command, io: CliIo): void {
  const retention = program.command('retention').description('個人情報の保管と消去（別紙⑦ 第12条）');
  retention
    .command('plan')
    .description('このフォルダが持つ・外に書き出した個人情報の種類ごとの件数・場所・消去の時期と方法（個人情報は表示しません）')
    .option('--data <dir>', 'データフォルダ')
    .option('--json', 'JSONで出力')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        const plan = retentionPlan(store);
        if (opts.json) return void io.out(JSON.stringify(plan, null, 2) + '\n');
        const lines = [`個人情報の保管と消去の計画: ${plan.dataDir}`];
        lines.push(
          plan.contractEnd === null
            ? '委託業務の終了日: 未設定（madoguchi settings contract-end YYYY-MM-DD）。終了後は、区の承認を経てすべて消去します'
            : `委託業務の終了日: ${dayText(plan.contractEnd)}。この日の後、消去の申請（madoguchi erasure apply）が承認されたら、すべて消去します`,
        );
        for (const c of plan.categories) {
          lines.push(`■ ${c.item}: ${num(c.count)}${c.unit}`, `    場所 ${c.medium}`, `    消去 ${c.method}`);
          for (const p of c.places) lines.push(`    ${tokyoDateTime(p.at)} ${p.path}（${p.present ? 'あり' : '見当たりません'}）`);
        }
        io.out(lines.map((l) => `${l}\n`).join(''));
      } finally {
        store.close();
      }
    });
}
