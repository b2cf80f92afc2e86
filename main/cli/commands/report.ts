// madoguchi report handling | incident: how residents' data was handled over a period (別紙⑦ 第13条 定期報告), and
// a draft incident report for a time range (第15条 緊急時報告), both from the access record and the retention
// plan (main/retention/handling-report.ts): counts, staff ids and places, never a resident's name.
import type { Command } from 'commander';
import { openAnyDataFolder } from '../data-folder';
import { handlingReport, type HandlingReport } from '../../retention/handling-report';
import { tokyoDateTime, tokyoDayEnd, tokyoDayStart, tokyoInstant } from '../../../shared/tokyo-date';
import { num } from '../../../shared/numbers';
import { CliError, dateArgument, type CliIo } from '../io';

export function registerReport(program: Command, io: CliIo): void {
  const report = program.command('report').description('個人情報の取扱いの報告（別紙⑦ 第13条・第15条）');

  report
    .command('handling')
    .description('期間中の取扱い（定期報告）: 保有している個人情報と場所、誰が何回利用したか、対象の住民の数、バックアップ、書き出し')
    .requiredOption('--from <date>', '最初の日（YYYY-MM-DD、東京時間）')
    .requiredOption('--to <date>', '最後の日（YYYY-MM-DD、この日を含む）')
    .option('--data <dir>', 'データフォルダ')
    .option('--json', 'JSONで出力')
    .action(async (opts: { from: string; to: string; data?: string; json?: boolean }) => {
      const from = dateArgument(opts.from, '--from');
      const to = dateArgument(opts.to, '--to');
      if (to < from) throw new CliError('--to は --from 以後の日です', 2);
      await print(opts, tokyoDayStart(from), tokyoDayEnd(to), '個人情報の取扱状況報告（定期報告）', null);
    });

  report
    .command('incident')
    .description('事故の報告（緊急時報告）の下書き: 時間帯の中で扱われた個人情報の種類、住民の数、場所、誰が何をしたか')
    .requiredOption('--from <time>', '始まり（YYYY-MM-DDTHH:MM、東京時間）')
    .requiredOption('--to <time>', '終わり（YYYY-MM-DDTHH:MM、東京時間。含まない）')
    .option('--data <dir>', 'データフォルダ')
    .option('--json', 'JSONで出力')
    .action(async (opts: { from: string; to: string; data?: string; json?: boolean }) => {
      await print(opts, wallTime(opts.from, '--from'), wallTime(opts.to, '--to'), '個人情報に係る事故の報告（下書き）', [
        '発生した事実（いつ・どこで・何が）: ',
        '原因: ',
        '講じた措置・今後の対策: ',
      ]);
    });

  async function print(opts: { data?: string; json?: boolean }, fromIso: string, toIso: string, title: string, blanks: string[] | null) {
    const { store } = await openAnyDataFolder(io, opts.data, { share: true });
    try {
      const r = handlingReport(store, fromIso, toIso);
      if (opts.json) return void io.out(JSON.stringify(r, null, 2) + '\n');
      io.out(reportText(r, title, blanks));
    } finally {
      store.close();
    }
  }
}

function wallTime(text: string, option: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(text);
  if (!m) throw new CliError(`${option} は YYYY-MM-DDTHH:MM（東京時間）で指定してください: ${text}`, 2);
  try {
    return tokyoInstant(m[1]!, m[2]!);
  } catch {
    throw new CliError(`${option} の日時が正しくありません: ${text}`, 2);
  }
}

function reportText(r: HandlingReport, title: string, blanks: string[] | null): string {
  const lines = [title, `端末 ${r.stationId}　期間 ${tokyoDateTime(r.from)} 〜 ${tokyoDateTime(r.to)}`, '', '■ 保有している個人情報'];
  for (const c of r.held.categories) lines.push(`  ${c.item}: ${num(c.count)}${c.unit}（${c.medium}）`);
  lines.push('', `■ 利用 ${num(r.totalUses)}回、対象の住民 ${num(r.residents)}人`);
  for (const u of r.uses) lines.push(`  ${u.staff}  ${u.label}  ${num(u.times)}回`);
  if (r.uses.length === 0) lines.push('  （この期間の利用はありません）');
  lines.push(
    '',
    `■ バックアップ 作成 ${num(r.backups.made)}回、確認 正常 ${num(r.backups.checked)}回・異常 ${num(r.backups.failedChecks)}回`,
  );
  lines.push('', `■ 書き出したファイル ${num(r.exports.length)}件`);
  for (const e of r.exports)
    lines.push(`  ${tokyoDateTime(e.at)} ${e.staff} ${e.destination}${e.rows === null ? '' : `（${num(e.rows)}件）`}`);
  if (blanks) lines.push('', '■ 記入してください', ...blanks.map((b) => `  ${b}`));
  return lines.map((l) => `${l}\n`).join('');
}
