// madoguchi ledger build|inspect|import: HQ makes per-venue shipment ledgers; a venue checks and loads one.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { VENUE_IDS, VENUES, type VenueId } from '../../../shared/venues/venues';
import { buildLedgers } from '../../ledger/build-ledgers';
import { openLedgerFile, verifyLedgerFile } from '../../ledger/ledger-file';
import { importLedger } from '../../ledger/import-ledger';
import { commitStaged, discardStaged, stageFile, type StagedFile } from '../../files/atomic-write';
import type { PublicKeyHandle } from '../../crypto/key-files';
import { loadPrivateKey, loadPublicKey } from '../load-keys';
import { openOrCreateDataFolder } from '../data-folder';
import { CliError, type CliIo } from '../io';
import { userInfo } from 'node:os';

export const ROUTING_REPORT_FILE = 'routing-report.json';

export function registerLedger(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const ledger = program.command('ledger').description('各会場送付台帳（出荷台帳）の作成・確認・取込');

  ledger
    .command('build')
    .description('名簿CSVから会場ごとの暗号化・署名済み台帳 DIR/<venue>.ledger と振分レポートを作成')
    .requiredOption('--roster <file>', '名簿CSV（UTF-8 / UTF-8 BOM / Shift_JIS(CP932)）')
    .requiredOption('--shipment <id>', '出荷ID（英数字と . _ -）')
    .requiredOption('--hq-key <file>', '事務センターの秘密鍵 hq.key')
    .requiredOption('--venue-pubs <dir>', '会場の公開鍵 <venue>.pub のあるフォルダ')
    .requiredOption('--out <dir>', '出力先フォルダ')
    .option('--force', '既存の台帳ファイルを上書きする')
    .option('--json', '結果をJSONで出力')
    .action(async (opts: { roster: string; shipment: string; hqKey: string; venuePubs: string; out: string; force?: boolean; json?: boolean }) => {
      const roster = readInput(io, opts.roster, '名簿');
      const venueKeys = loadVenuePubs(io, opts.venuePubs);
      const hqKey = await loadPrivateKey(io, opts.hqKey, 'hq');
      const built = buildLedgers({ roster, shipmentId: opts.shipment, hqKey, venueKeys, clock: io.clock });
      if (!built.ok) {
        if (opts.json) io.out(JSON.stringify({ ok: false, error: built.error }, null, 2) + '\n');
        const lines = built.error.code === 'invalid-roster'
          ? built.error.problems.map((p) => `  ${p.line}行目 [${p.column}] 「${p.value}」: ${p.reason}`)
          : [];
        throw new CliError([built.error.message, ...lines].join('\n'));
      }
      const { ledgers, report } = built.value;
      const out = resolve(io.cwd, opts.out);
      mkdirSync(out, { recursive: true });
      const targets = [...ledgers.map((l) => join(out, `${l.venue}.ledger`)), join(out, ROUTING_REPORT_FILE)];
      const clobbered = targets.filter((t) => existsSync(t));
      if (clobbered.length > 0 && !opts.force) throw new CliError(`既にあります（上書きするには --force）: ${clobbered.join(', ')}`);
      // Stage every file before any appears, so a failure leaves no partial set of ledgers behind.
      const staged: StagedFile[] = [];
      try {
        for (const l of ledgers) staged.push(stageFile(join(out, `${l.venue}.ledger`), l.bytes));
        staged.push(stageFile(join(out, ROUTING_REPORT_FILE), JSON.stringify(report, null, 2) + '\n'));
      } catch (e) {
        discardStaged(staged);
        throw e;
      }
      commitStaged(staged);
      if (opts.json) {
        io.out(JSON.stringify({ ok: true, ledgers: ledgers.map((l) => ({ venue: l.venue, rows: l.rowCount, file: join(out, `${l.venue}.ledger`) })), report }, null, 2) + '\n');
      } else {
        io.out(`出荷 ${report.shipmentId}: 名簿 ${report.rosterRows} 件（${report.rosterEncoding}）\n`);
        for (const v of VENUE_IDS) io.out(`  ${VENUES[v].name.padEnd(12, '　')} ${String(report.perVenue[v]).padStart(6)} 件${report.perVenue[v] > 0 ? `  → ${join(out, `${v}.ledger`)}` : ''}\n`);
        io.out(`  振分不能           ${String(report.unrouted.length).padStart(6)} 件\n`);
        for (const u of report.unrouted) io.out(`    ${u.line}行目 ${u.reservationNo}: ${u.reason}\n`);
        io.out(`振分レポート: ${join(out, ROUTING_REPORT_FILE)}\n`);
      }
      // Ledgers are written, but a person must still deal with the rows no venue received.
      if (report.unrouted.length > 0) setExit(3);
    });

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
          `本体: ${bodyChecked ? `復号・検証済み（${header.rowCount} 件）` : '未確認（--venue-key で復号して検証）'}`,
          `形式: ${header.format} v${header.version}`,
          `会場: ${VENUES[header.venue].name}（${header.venue}、会場鍵ID ${header.venueKeyId}）`,
          `出荷ID: ${header.shipmentId}`,
          `作成日時: ${header.createdAt}`,
          `件数: ${header.rowCount}`,
          `本体ハッシュ: sha256:${header.bodySha256}`,
          `ファイルハッシュ: sha256:${fileSha256}`,
        ].join('\n') + '\n',
      );
    });

  ledger
    .command('import')
    .description('台帳を会場のデータフォルダに取り込む（署名検証→復号→検証→1トランザクションで全件）')
    .argument('<file>', '台帳ファイル')
    .option('--data <dir>', 'データフォルダ（既定: MADOGUCHI_DATA_DIR またはアプリのユーザーデータフォルダ）')
    .requiredOption('--venue-key <file>', '会場の秘密鍵 <venue>.key')
    .requiredOption('--hq-pub <file>', '事務センターの公開鍵 hq.pub')
    .option('--actor <name>', '記録に残す実行者名', `cli:${safeUser()}`)
    .option('--json', 'JSONで出力')
    .action(async (file: string, opts: { data?: string; venueKey: string; hqPub: string; actor: string; json?: boolean }) => {
      const bytes = readInput(io, file, '台帳');
      const hqKey = loadPublicKey(io, opts.hqPub, 'hq');
      const venueKey = await loadPrivateKey(io, opts.venueKey, 'venue');
      // Check the file before touching the data folder, so a bad ledger never leaves a new, empty one behind.
      const precheck = openLedgerFile(bytes, { venueKey, hqKey });
      if (!precheck.ok) throw new CliError(`${file}: ${precheck.error.message}`);
      const store = await openOrCreateDataFolder(io, opts.data, venueKey.venue!);
      try {
        const r = importLedger({ store, clock: io.clock, actor: opts.actor }, bytes, { venueKey, hqKey });
        if (!r.ok) {
          if (opts.json) io.out(JSON.stringify({ ok: false, error: r.error }, null, 2) + '\n');
          const detail = r.error.code === 'conflict'
            ? r.error.conflicts.map((c) => `  ${c.reservationNo}（取込済みの出荷 ${c.existingShipmentId}）`)
            : [];
          throw new CliError([`${file}: ${r.error.message}`, ...detail].join('\n'));
        }
        if (opts.json) io.out(JSON.stringify({ ok: true, ...r.value }, null, 2) + '\n');
        else if (r.value.status === 'already-imported') io.out(`出荷 ${r.value.shipmentId} は取込済みです（変更なし）\n`);
        else io.out(`出荷 ${r.value.shipmentId} を取り込みました: ${r.value.rowCount} 件（${VENUES[store.venue].name}、${store.dir}）\n`);
      } finally {
        store.close();
      }
    });
}

function readInput(io: CliIo, file: string, what: string): Buffer {
  try {
    return readFileSync(resolve(io.cwd, file));
  } catch (e) {
    throw new CliError(`${what}ファイル ${file} を読めません: ${(e as Error).message}`);
  }
}

function loadVenuePubs(io: CliIo, dir: string): Partial<Record<VenueId, PublicKeyHandle>> {
  const full = resolve(io.cwd, dir);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch (e) {
    throw new CliError(`会場公開鍵フォルダ ${dir} を読めません: ${(e as Error).message}`);
  }
  const keys: Partial<Record<VenueId, PublicKeyHandle>> = {};
  for (const v of VENUE_IDS) {
    if (!names.includes(`${v}.pub`)) continue;
    const key = loadPublicKey(io, join(full, `${v}.pub`), 'venue');
    if (key.venue !== v) throw new CliError(`${v}.pub は${VENUES[key.venue!].name}の公開鍵です（ファイル名と会場が一致しません）`);
    keys[v] = key;
  }
  return keys;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
