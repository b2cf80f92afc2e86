// madoguchi staff add|unlock|list, madoguchi settings: what a venue lead (or HQ, on its own folder) sets up on a
// station before opening.
import type { Command } from 'commander';
import { actorOf, enrollStaff, listStaff, pinProblem, unlockAccount } from '../../auth/staff';
import { actingStaff, adminRoleOf, folderAdministrator } from '../acting-staff';
import { STAFF_ROLES, ROLE_LABELS, type StaffRole } from '../../../shared/ipc/roles';
import { READ_AT_START, SETTINGS, readSetting, writeSetting, type SettingKey } from '../../store/settings';
import { openAnyDataFolder } from '../data-folder';
import { CliError, type CliIo } from '../io';
import { resolve } from 'node:path';
import { checkBackupDestination } from '../../backup/backup-destination';

const PIN_ENV = 'MADOGUCHI_STAFF_PIN';

export function registerStaff(program: Command, io: CliIo): void {
  const staff = program.command('staff').description('職員アカウント（職員ID・PIN・役割）の登録と一覧');
  staff
    .command('add')
    .description(`職員を登録（既存なら役割・氏名・PINを更新）。PINは端末で入力、自動化では ${PIN_ENV}`)
    .requiredOption('--id <staffId>', '職員ID')
    .requiredOption('--name <name>', '表示名')
    .requiredOption('--role <role>', `役割: ${STAFF_ROLES.join(' | ')}`)
    .option('--data <dir>', 'データフォルダ')
    .option('--staff <id>', '登録を行う会場責任者（事務センターでは職員）の職員ID。PINは端末で入力、または MADOGUCHI_PIN。最初の1人は不要')
    .action(async (opts: { id: string; name: string; role: string; data?: string; staff?: string }) => {
      if (!(STAFF_ROLES as readonly string[]).includes(opts.role))
        throw new CliError(`役割は ${STAFF_ROLES.join(' / ')} のいずれかです`, 2);
      const pin = io.env[PIN_ENV];
      if (!pin) throw new CliError(`PIN を環境変数 ${PIN_ENV} に設定してください（4〜8桁の数字）`);
      const problem = pinProblem(pin);
      if (problem) throw new CliError(problem);
      const { store } = await openAnyDataFolder(io, opts.data);
      try {
        const actor = await folderAdministrator(io, store.db, opts.staff, '職員の登録');
        // Which roles the folder holds (HQ's: hq only; a venue's: never hq) is enrollStaff's rule.
        enrollStaff(store.db, io.clock, store.stationId, actor, {
          staffId: opts.id,
          displayName: opts.name,
          role: opts.role as StaffRole,
          pin,
        });
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError((e as Error).message);
      } finally {
        store.close();
      }
      io.out(`職員 ${opts.id}（${opts.name}、${ROLE_LABELS[opts.role as StaffRole]}）を登録しました\n`);
    });
  staff
    .command('unlock')
    .description('PINの誤りでロックされた職員のロックを解除（事務センターでは、15回誤ったアカウントはこれでのみ解除できます）')
    .requiredOption('--id <staffId>', '職員ID')
    .option('--data <dir>', 'データフォルダ')
    .option('--staff <id>', '解除を行う会場責任者（事務センターでは職員）の職員ID。PINは端末で入力、または MADOGUCHI_PIN')
    .action(async (opts: { id: string; data?: string; staff?: string }) => {
      const { store } = await openAnyDataFolder(io, opts.data);
      try {
        const admin = actorOf(await actingStaff(io, store.db, opts.staff, [adminRoleOf(store.db)], 'ロックの解除'));
        const r = unlockAccount(store.db, io.clock, store.stationId, admin, opts.id);
        if (!r.ok) throw new CliError(`${opts.id}: ${r.error.message}`);
      } finally {
        store.close();
      }
      io.out(`職員 ${opts.id} のロックを解除しました\n`);
    });
  staff
    .command('list')
    .description('登録済みの職員')
    .option('--data <dir>', 'データフォルダ')
    .action(async (opts: { data?: string }) => {
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        for (const s of listStaff(store.db)) io.out(`${s.staffId}\t${s.displayName}\t${s.role}\n`);
      } finally {
        store.close();
      }
    });

  program
    .command('settings')
    .description(`端末の設定を表示・変更: ${Object.keys(SETTINGS).join(', ')}`)
    .argument('[key]', '設定名')
    .argument('[value]', '新しい値')
    .option('--data <dir>', 'データフォルダ')
    .action(async (key: string | undefined, value: string | undefined, opts: { data?: string }) => {
      if (key !== undefined && !Object.hasOwn(SETTINGS, key))
        throw new CliError(`設定名は ${Object.keys(SETTINGS).join(' / ')} のいずれかです`, 2);
      // Beside the running app: one setting is one row, written in one short transaction, and the app reads
      // its settings afresh each time (a lead changes the idle lock without stopping the counter).
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        if (key !== undefined && value !== undefined) {
          // The backup folder is checked as the lead's page checks it (there, writable, not the data folder nor
          // the outbox); here a relative one is read from the data folder, as the setting always is.
          if (key === 'backup-folder' && value !== '') {
            const usable = checkBackupDestination(store, resolve(store.dir, value));
            if (!usable.ok) throw new CliError(usable.error.message);
          }
          const r = writeSetting(store.db, key as SettingKey, value);
          if (!r.ok) throw new CliError(r.message);
          // Written beside a running app, which reads this one only when it starts: say so, or it looks ignored.
          if (READ_AT_START.has(key as SettingKey)) io.err('実行中のアプリには、アプリを再起動すると反映されます。\n');
        }
        for (const k of Object.keys(SETTINGS) as SettingKey[]) {
          if (key === undefined || k === key) io.out(`${k}\t${String(readSetting(store.db, k))}\t${SETTINGS[k].help}\n`);
        }
      } finally {
        store.close();
      }
    });
}
