// madoguchi ledger build|inspect|import: HQ makes per-venue shipment ledgers; a venue checks and loads one.
import { count } from '../../../shared/numbers';
import type { Command } from 'commander';
import { VENUES } from '../../../shared/venues/venues';
import { openLedgerFile, verifyLedgerFile } from '../../ledger/ledger-file';
import { importLedger } from '../../ledger/import-ledger';
import { loadPrivateKey, loadPublicKey } from '../load-keys';
import { openExistingDataFolder, openOrCreateDataFolder } from '../data-folder';
import { loadRotation, pinnedText } from '../hq-trust-text';
import { folderAdministrator } from '../acting-staff';
import { CliError, readInput, type CliIo } from '../io';
import { registerLedgerBuild } from './ledger-build';
import { tokyoDateTime } from '../../../shared/tokyo-date';

export function registerLedger(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const ledger = program.command('ledger').description('各会場送付台帳（出荷台帳）の作成・確認・取込');

  registerLedgerBuild(ledger, io, setExit);

  ledger
    .command('inspect')
    .description('台帳ファイルの署名を検証し、ヘッダー（個人情報なし）を表示。--venue-key があれば本体も復号して検証')
    .argument('<file>', '台帳ファイル')
    .requiredOption('--hq-pub <file>', '事務センターの公開鍵 hq.pub')
    .option('--venue-key <file>', '会場の秘密鍵（本体まで検証する）')
    .option('--json', 'JSONで出力')
    .action(async (file: string, opts: { hqPub: string; venueKey?: string; json?: boolean }) => {
      const bytes = readInput(io, file, '台帳');
      const hqKey = loadPublicKey(io, opts.hqPub, 'hq');
      const verified = verifyLedgerFile(bytes, hqKey);
      if (!verified.ok) throw new CliError(`${file}: ${verified.error.message}`);
      let bodyChecked = false;
      if (opts.venueKey) {
        const venueKey = await loadPrivateKey(io, opts.venueKey, 'venue');
        const opened = openLedgerFile(bytes, { venueKey, hqKey });
        if (!opened.ok) throw new CliError(`${file}: ${opened.error.message}`);
        bodyChecked = true;
      }
      const { header, fileSha256 } = verified.value;
      if (opts.json) {
        io.out(JSON.stringify({ verified: true, bodyChecked, fileSha256, header }, null, 2) + '\n');
        return;
      }
      io.out(
        [
          `署名: 検証済み（事務センター鍵ID ${header.hqKeyId}）`,
          `本体: ${bodyChecked ? `復号・検証済み（${count(header.rowCount)}）` : '未確認（--venue-key で復号して検証）'}`,
          `形式: ${header.format} v${header.version}`,
          `会場: ${VENUES[header.venue].name}（${header.venue}、会場鍵ID ${header.venueKeyId}）`,
          `出荷ID: ${header.shipmentId}`,
          `作成日時: ${tokyoDateTime(header.createdAt)}`,
          `件数: ${count(header.rowCount)}`,
          `本体ハッシュ: sha256:${header.bodySha256}`,
          `ファイルハッシュ: sha256:${fileSha256}`,
        ].join('\n') + '\n',
      );
    });

  ledger
    .command('import')
    .description(
      '台帳を会場のデータフォルダに取り込む（署名検証→復号→検証→1トランザクションで全件）。初回の hq.pub をデータフォルダに登録し、以後はその鍵の署名だけを受け入れる',
    )
    .argument('<file>', '台帳ファイル')
    .option('--data <dir>', 'データフォルダ（既定: MADOGUCHI_DATA_DIR またはアプリのユーザーデータフォルダ）')
    .requiredOption('--venue-key <file>', '会場の秘密鍵 <venue>.key')
    .option('--hq-pub <file>', '事務センターの公開鍵 hq.pub（初回は必須。以後は登録済みの鍵で検証）')
    .option('--rotation <file...>', '事務センター鍵の切り替え通知（古い順に。登録済みの鍵で署名されたものだけ）')
    .option(
      '--staff <id>',
      '取り込む会場責任者の職員ID（PINは端末で入力、または MADOGUCHI_PIN。データフォルダに会場責任者がまだいない最初の取込では不要）',
    )
    .option('--json', 'JSONで出力')
    .action(
      async (
        file: string,
        opts: { data?: string; venueKey: string; hqPub?: string; rotation?: string[]; staff?: string; json?: boolean },
      ) => {
        const bytes = readInput(io, file, '台帳');
        const hqKey = opts.hqPub === undefined ? null : loadPublicKey(io, opts.hqPub, 'hq');
        const rotations = (opts.rotation ?? []).map((f) => loadRotation(io, f));
        const venueKey = await loadPrivateKey(io, opts.venueKey, 'venue');
        // Check the file before touching the data folder, so a bad ledger never leaves a new, empty one behind.
        if (hqKey) {
          const precheck = openLedgerFile(bytes, { venueKey, hqKey });
          if (!precheck.ok) throw new CliError(`${file}: ${precheck.error.message}`);
        }
        // Without hq.pub only a folder that already pinned HQ's key can check the ledger: never make one then.
        const store = hqKey ? await openOrCreateDataFolder(io, opts.data, venueKey.venue!) : await openExistingDataFolder(io, opts.data);
        try {
          // Residents' data comes into the folder: a lead, named in the record (issue 14).
          const actor = await folderAdministrator(io, store.db, opts.staff, '台帳の取込');
          const r = importLedger({ store, clock: io.clock, actor }, bytes, { venueKey, hqKey, rotations });
          if (!r.ok) {
            if (opts.json) io.out(JSON.stringify({ ok: false, error: r.error }, null, 2) + '\n');
            const detail =
              r.error.code === 'conflict'
                ? r.error.conflicts.map((c) => `  ${c.reservationNo}（取込済みの出荷 ${c.existingShipmentId}）`)
                : [];
            throw new CliError([`${file}: ${r.error.message}`, ...detail].join('\n'));
          }
          if (opts.json) io.out(JSON.stringify({ ok: true, ...r.value }, null, 2) + '\n');
          else if (r.value.status === 'already-imported') io.out(`出荷 ${r.value.shipmentId} は取込済みです（変更なし）\n`);
          else
            io.out(
              `出荷 ${r.value.shipmentId} を取り込みました: ${count(r.value.rowCount)}（${VENUES[store.venue].name}、${store.dir}）\n`,
            );
          if (r.value.pinned) io.err(pinnedText(r.value.pinned));
        } finally {
          store.close();
        }
      },
    );
}
