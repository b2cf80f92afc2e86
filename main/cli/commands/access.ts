// madoguchi access verify: the access record (個人情報取扱台帳) and the station's own events, checked link by link
// (main/access/verify-record.ts). Exits 1 naming the first row that does not hold.
import type { Command } from 'commander';
import { openAnyDataFolder } from '../data-folder';
import { checkRecords } from '../../access/verify-record';
import { CliError, type CliIo } from '../io';
import { count } from '../../../shared/numbers';

export function registerAccess(program: Command, io: CliIo): void {
  const access = program.command('access').description('個人情報取扱台帳（アクセス記録）');
  access
    .command('verify')
    .description(
      '個人情報取扱台帳とこの端末の業務記録が、記録された時のままか確かめます（削除・変更があれば最初の行を示し、終了コード 1）。個人情報は表示しません',
    )
    .option('--data <dir>', 'データフォルダ（既定: MADOGUCHI_DATA_DIR またはアプリのユーザーデータフォルダ）')
    .option('--json', 'JSONで出力')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        const r = checkRecords(store.db, store.stationId);
        if (opts.json) io.out(JSON.stringify(r, null, 2) + '\n');
        if (r.problem) {
          if (opts.json) throw new CliError('記録の改ざんが見つかりました（コード: RECORD-TAMPERED）');
          throw new CliError(r.problem.message);
        }
        if (!opts.json)
          io.out(
            `個人情報取扱台帳 ${count(r.accessRows)}、この端末の業務記録 ${count(r.ownEvents)}: どちらも記録された時のままです（削除・変更は見つかりませんでした）\n`,
          );
      } finally {
        store.close();
      }
    });
}
