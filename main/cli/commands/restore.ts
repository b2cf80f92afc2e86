// madoguchi restore: a backup becomes a new data folder on a replacement PC (main/backup/restore.ts), taking back
// the sync files the station published after the backup, and saying plainly what could not come back.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { restoreFolder } from '../../backup/restore';
import { actingStaff, adminRoleOf } from '../acting-staff';
import { actorOf } from '../../auth/staff';
import { askPassphrase } from '../passphrase';
import { loadPrivateKey } from '../load-keys';
import { tokyoDateTime } from '../../../shared/tokyo-date';
import { count } from '../../../shared/numbers';
import { CliError, type CliIo, whyUnreadable } from '../io';

const PLACE_NAMES = { 'backup-folder': 'バックアップ先', 'sync-outbox': '同期ファイルの送信フォルダ' } as const;

export function registerRestore(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('restore')
    .description(
      'バックアップを新しいデータフォルダに復元する（使っているフォルダには上書きしない）。バックアップの後に送った同期ファイルを取り戻し、番号を二度と使わない',
    )
    .requiredOption('--from <backup>', 'バックアップのフォルダ（madoguchi-backup-…）')
    .requiredOption('--data <dir>', '復元先の新しい空のフォルダ')
    .option(
      '--sync-files <dir...>',
      'この端末が送った同期ファイルのあるフォルダ（事務センター・同じ会場の端末の sync files-of で書き出したもの、または元の送信フォルダ）',
    )
    .option('--nothing-sent', 'バックアップの後に同期ファイルを一度も送っていない（--sync-files の代わりに）')
    .option('--venue-key <file>', '会場の秘密鍵（端末が会場の鍵を保管していない場合）')
    .option(
      '--staff <id>',
      '復元する会場責任者（事務センターでは職員）の職員ID（バックアップにある職員。PINは端末で入力、または MADOGUCHI_PIN）',
    )
    .action(
      async (opts: { from: string; data: string; syncFiles?: string[]; nothingSent?: boolean; venueKey?: string; staff?: string }) => {
        if (opts.syncFiles !== undefined && opts.nothingSent)
          throw new CliError('--sync-files と --nothing-sent は一緒に指定できません（どちらか一方です）', 2);
        if (opts.syncFiles === undefined && !opts.nothingSent)
          throw new CliError(
            'バックアップの後にこの端末が送った同期ファイルを取り戻すため、--sync-files で、それを置いたフォルダを指定してください（事務センターで madoguchi sync files-of --station 端末ID で書き出せます）。一度も送っていなければ --nothing-sent',
            2,
          );
        const files = opts.syncFiles === undefined ? null : opts.syncFiles.flatMap((d) => syncFilesIn(resolve(io.cwd, d)));
        const key = opts.venueKey === undefined ? undefined : await loadPrivateKey(io, opts.venueKey, 'venue');
        const passphrase = await askPassphrase(io, 'バックアップのパスフレーズ（作った時点のデータフォルダのもの）');
        const restored = await restoreFolder(io.clock, {
          from: resolve(io.cwd, opts.from),
          to: resolve(io.cwd, opts.data),
          passphrase,
          syncFiles: files,
          ...(key ? { venueKey: key } : {}),
          actor: async (opened) =>
            actorOf(await actingStaff(io, opened.store.db, opts.staff, [adminRoleOf(opened.store.db)], 'バックアップからの復元')),
        });
        if (!restored.ok) throw new CliError(restored.error.message);
        const r = restored.value;
        io.out(`復元しました: ${r.dir}（${tokyoDateTime(r.body.createdAt)} のバックアップから）\n`);
        const got = r.reclaimed;
        if (got && got.files.length > 0)
          io.out(`  同期ファイル ${numbers(got.files)} を取り戻しました（この端末の記録 ${count(got.events)}）\n`);
        else if (r.body.site !== 'hq') io.out('  取り戻した同期ファイルはありません（バックアップの時点から続けます）\n');
        for (const f of got?.refused ?? []) io.err(`  取り込まなかったファイル ${f.name}: ${f.why}\n`);
        if (got?.missing) io.err(`  #${got.missing} が見つからないため、それより後のファイルは取り戻していません\n`);
        if (got && (got.missing || got.refused.length > 0)) {
          // The next file this station writes takes the next number, which HQ may already hold from before the loss.
          io.err(
            '  事務センターは、取り戻せなかった番号のファイルをすでに持っている可能性があります。日締め・同期の前に、事務センターからその番号のファイル（sync files-of）を受け取り、この復元をやり直してください\n',
          );
          setExit(3);
        }
        if (r.lostAccess)
          io.err(
            `  個人情報取扱台帳の${count(r.lostAccess.from)}目${r.lostAccess.to > r.lostAccess.from ? `から${count(r.lostAccess.to)}目まで` : ''}は故障で失われました（同期ファイルには件数と要約だけが載ります）。事務センターに事故として報告してください\n`,
          );
        // Settings came with the folder: where they point on this PC, a relative one now beside the new folder.
        for (const p of r.places)
          io.out(
            `  ${PLACE_NAMES[p.setting]}: ${p.resolved}${
              p.relative
                ? `（設定 ${p.setting} は「${p.value}」、データフォルダからの相対パス。元のPCと違う場所なら madoguchi settings ${p.setting} で直してください）`
                : `（設定 ${p.setting}。このPCでもその場所か確かめてください）`
            }\n`,
          );
        io.out(
          r.body.site === 'hq'
            ? '  バックアップの後に受け取った同期ファイルは、madoguchi hq pull でもう一度取り込めます\n'
            : '  最後に送った同期ファイルより後に記録したもの（送る前の交付など）は戻りません。台帳と照合してください\n',
        );
      },
    );
}

const numbers = (seqs: readonly number[]) => (seqs.length === 1 ? `#${seqs[0]}` : `#${seqs[0]}〜#${seqs.at(-1)}`);

function syncFilesIn(dir: string): { name: string; bytes: Uint8Array }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.sync'));
  } catch (e) {
    throw new CliError(`${dir} を読めません: ${whyUnreadable(e)}`);
  }
  return names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}
