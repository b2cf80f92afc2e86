// madoguchi backup create | verify | list: a station's (or HQ's) folder copied to a medium, still encrypted, with
// a signed manifest; checked on its medium without restoring it; listed from the access record.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { actorLabel } from '../../../shared/ipc/roles';
import { openAnyDataFolder } from '../data-folder';
import { actingStaff, adminRoleOf } from '../acting-staff';
import { actorOf } from '../../auth/staff';
import { askPassphrase } from '../passphrase';
import { backUp, backupFolder } from '../../backup/back-up';
import { verifyBackup } from '../../backup/verify-backup';
import { backupHistory, backupReminder, recordBackupChecked } from '../../backup/backup-record';
import { readSetting } from '../../store/settings';
import { backupBodyText, backupHistoryText } from '../backup-text';
import { CliError, type CliIo } from '../io';
import { staffOnPaper } from '../../counter/names';
import { staffText } from '../text';

export function registerBackup(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const backup = program.command('backup').description('バックアップ: 作成（暗号化したまま媒体へ）・確認（復元せずに検査）・一覧');

  backup
    .command('create')
    .description('データフォルダのバックアップを作る（アプリが動いていても可）。作ったバックアップのフォルダを表示')
    .option('--data <dir>', 'データフォルダ')
    .option('--to <dir>', 'バックアップ先のフォルダ（既定: 設定 backup-folder）')
    .option(
      '--staff <id>',
      '会場責任者（事務センターでは職員）の職員ID（PINは端末で入力、または MADOGUCHI_PIN。環境変数 MADOGUCHI_STAFF も可）',
    )
    .action(async (opts: { data?: string; to?: string; staff?: string }) => {
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        // Every resident's data onto a medium: only a named person, in the record.
        const staff = await actingStaff(io, store.db, opts.staff, [adminRoleOf(store.db)], 'バックアップの作成');
        const made = await backUp(store, io.clock, actorOf(staff), {
          ...(opts.to ? { to: resolve(io.cwd, opts.to) } : {}),
          reason: 'manual',
        });
        if (!made.ok) throw new CliError(made.error.message);
        io.out(
          `バックアップを作りました: ${made.value.path}\n${backupBodyText(made.value.body, staffText(staffOnPaper(store, made.value.body.createdBy)))}`,
        );
        for (const r of made.value.removed) io.out(`  古いバックアップを消しました: ${r}\n`);
        if (made.value.recordsProblem) {
          io.err(`${made.value.recordsProblem}\n`);
          setExit(3);
        }
      } finally {
        store.close();
      }
    });

  backup
    .command('verify <backup>')
    .description(
      'バックアップを復元せずに検査する（各ファイルのsha256、全ページの暗号の検証、記録の連鎖、目録の署名）。--data を付けると、その端末の個人情報取扱台帳に確認を記録',
    )
    .option('--data <dir>', '確認を記録するデータフォルダ（そのバックアップを作った端末）')
    .option('--staff <id>', '確認した職員の職員ID（--data のとき。PINは端末で入力、または MADOGUCHI_PIN）')
    .option('--json', 'JSONで出力')
    .action(async (path: string, opts: { data?: string; staff?: string; json?: boolean }) => {
      const dir = resolve(io.cwd, path);
      const opened = opts.data === undefined ? null : await openAnyDataFolder(io, opts.data, { share: true });
      try {
        const staff = opened && (await actingStaff(io, opened.store.db, opts.staff, [adminRoleOf(opened.store.db)], 'バックアップの確認'));
        const passphrase = await askPassphrase(io, 'バックアップのパスフレーズ（作った時点のデータフォルダのもの）');
        const checked = verifyBackup(dir, { passphrase });
        if (opened && staff) {
          if (!checked.ok && checked.error.code === 'wrong-passphrase') throw new CliError(checked.error.message);
          if (checked.ok && checked.value.body.stationId !== opened.store.stationId)
            throw new CliError(
              `このバックアップは ${checked.value.body.stationId} のもので、${opened.store.stationId} のものではありません`,
            );
          const outcome = checked.ok
            ? { ok: true as const, createdAt: checked.value.body.createdAt }
            : { ok: false as const, problem: checked.error.message };
          recordBackupChecked(opened.store.db, io.clock, opened.store.stationId, actorOf(staff), dir, outcome);
          opened.store.noteCommitted();
        }
        if (!checked.ok) throw new CliError(checked.error.message);
        if (opts.json)
          io.out(JSON.stringify({ path: dir, ...checked.value.body, recordsProblem: checked.value.recordsProblem }, null, 2) + '\n');
        else
          io.out(
            `バックアップは正常です（復元に使えます）: ${dir}\n${backupBodyText(
              checked.value.body,
              // By name where the station's staff are at hand (--data), else the id the manifest keeps.
              opened ? staffText(staffOnPaper(opened.store, checked.value.body.createdBy)) : actorLabel(checked.value.body.createdBy),
            )}`,
          );
        if (checked.value.recordsProblem) {
          io.err(`${checked.value.recordsProblem}\n`);
          setExit(3);
        }
      } finally {
        opened?.store.close();
      }
    });

  backup
    .command('list')
    .description('この端末のバックアップ（個人情報取扱台帳の記録から）: いつ・誰が・どこへ、最後に確認した日時と結果、いま媒体にあるか')
    .option('--data <dir>', 'データフォルダ')
    .option('--json', 'JSONで出力')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        const list = backupHistory(store.db).map((b) => ({ ...b, present: existsSync(b.path) }));
        // Who, as people name them (会場　責任者（lead1）); the JSON keeps the ids.
        const named = list.map((b) => ({ ...b, by: staffText(staffOnPaper(store, b.by)) }));
        const reminder = backupReminder(store.db, io.clock.now(), readSetting(store.db, 'backup-check-days'));
        if (opts.json) io.out(JSON.stringify({ folder: backupFolder(store), ...reminder, backups: list }, null, 2) + '\n');
        else io.out(backupHistoryText(named, { folder: backupFolder(store), ...reminder }));
      } finally {
        store.close();
      }
    });
}
