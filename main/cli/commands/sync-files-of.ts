// madoguchi sync files-of: the sync files this folder took in from one station, written out as they were received
// (sealed and signed by that station; nothing readable is added). What a station restored from a backup takes
// back from HQ or a sibling with `restore --sync-files`.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { openAnyDataFolder } from '../data-folder';
import { stationFileBytes } from '../../db/queries/sync-files';
import { syncFileName } from '../../sync/export';
import { writeFileAtomic } from '../../files/atomic-write';
import { count } from '../../../shared/numbers';
import { CliError, type CliIo } from '../io';

export function registerSyncFilesOf(sync: Command, io: CliIo): void {
  sync
    .command('files-of')
    .description('取り込んだ端末の同期ファイルを、受け取ったままの形で書き出す（バックアップから復元した端末に渡すため）')
    .requiredOption('--station <id>', '端末ID')
    .requiredOption('--out <dir>', '書き出すフォルダ')
    .option('--data <dir>', 'データフォルダ（事務センター、または同じ会場の端末）')
    .option('--after <n>', 'この番号より後のファイルだけ', '0')
    .action(async (opts: { station: string; out: string; data?: string; after: string }) => {
      const after = Number(opts.after);
      if (!Number.isInteger(after) || after < 0) throw new CliError('--after は 0 以上の整数です', 2);
      const { store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        const held = stationFileBytes(store.db, opts.station, after);
        if (held.length === 0) throw new CliError(`端末 ${opts.station} の同期ファイル（#${after} より後）は、このフォルダにありません`);
        const out = resolve(io.cwd, opts.out);
        mkdirSync(out, { recursive: true });
        const written = held.filter((f) => f.bytes !== null);
        for (const f of written) writeFileAtomic(join(out, syncFileName(opts.station, f.seq)), f.bytes!, { mode: 0o600 });
        io.out(
          `${count(written.length)}のファイルを書き出しました（#${written[0]?.seq ?? '-'}〜#${written.at(-1)?.seq ?? '-'}）: ${out}\n`,
        );
        const bare = held.filter((f) => f.bytes === null).map((f) => `#${f.seq}`);
        // Files taken in before this version kept only what they said, not their bytes.
        if (bare.length > 0) io.err(`${bare.join('、')} は、受け取った時のファイルを保管していない版で取り込んだため書き出せません\n`);
      } finally {
        store.close();
      }
    });
}
