// madoguchi ledger build: HQ turns the roster into per-venue ledgers. With --hq-data, HQ's own data folder
// keeps every row it shipped (to print each venue's ledger with its 控え, and to account for every card);
// a shipment id or a card already shipped is refused there before any file is written.
import { count } from '../../../shared/numbers';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { VENUE_IDS, VENUES, type VenueId } from '../../../shared/venues/venues';
import { buildLedgers, type BuiltLedger, type RoutingReport } from '../../ledger/build-ledgers';
import { sha256 } from '../../ledger/ledger-file';
import { commitStaged, discardStaged, stageFile, type StagedFile } from '../../files/atomic-write';
import type { PublicKeyHandle } from '../../crypto/key-files';
import { checkShipmentIsNew, recordBuiltLedgers, type LedgerToRecord, type RecordProblem } from '../../hq/hq-ledgers';
import type { HqStore } from '../../store/data-folder';
import { loadPrivateKey, loadPublicKey } from '../load-keys';
import { openOrCreateHqFolder } from '../data-folder';
import { revokedVenueKeyProblem } from '../../hq/venue-key-revocation';
import { recordAccess } from '../../access/access-record';
import { folderAdministrator } from '../acting-staff';
import { CliError, readInput, type CliIo, whyUnreadable } from '../io';

const ROUTING_REPORT_FILE = 'routing-report.json';

interface BuildOptions {
  roster: string;
  shipment: string;
  hqKey: string;
  venuePubs: string;
  out: string;
  hqData?: string;
  force?: boolean;
  staff?: string;
  json?: boolean;
}

export function registerLedgerBuild(ledger: Command, io: CliIo, setExit: (code: number) => void): void {
  ledger
    .command('build')
    .description('名簿CSVから会場ごとの暗号化・署名済み台帳 DIR/<venue>.ledger と振分レポートを作成')
    .requiredOption('--roster <file>', '名簿CSV（UTF-8 / UTF-8 BOM / Shift_JIS(CP932)）')
    .requiredOption('--shipment <id>', '出荷ID（英数字と . _ -）')
    .requiredOption('--hq-key <file>', '事務センターの秘密鍵 hq.key')
    .requiredOption('--venue-pubs <dir>', '会場の公開鍵 <venue>.pub のあるフォルダ')
    .requiredOption('--out <dir>', '出力先フォルダ')
    .option('--hq-data <dir>', '事務センターのデータフォルダ（作成した台帳の行を暗号化して保管。初回に作成）')
    .option('--force', '既存の台帳ファイルを上書きする')
    .option(
      '--staff <id>',
      '作成する事務センター職員の職員ID（--hq-data のとき。PINは端末で入力、または MADOGUCHI_PIN。職員がまだいない最初の作成では不要）',
    )
    .option('--json', '結果をJSONで出力')
    .action(async (opts: BuildOptions) => {
      const roster = readInput(io, opts.roster, '名簿');
      const venueKeys = loadVenuePubs(io, opts.venuePubs);
      const hqKey = await loadPrivateKey(io, opts.hqKey, 'hq');
      const built = buildLedgers({ roster, shipmentId: opts.shipment, hqKey, venueKeys, clock: io.clock });
      if (!built.ok) {
        if (opts.json) io.out(JSON.stringify({ ok: false, error: built.error }, null, 2) + '\n');
        const lines =
          built.error.code === 'invalid-roster'
            ? built.error.problems.map((p) => `  ${p.line}行目 [${p.column}] 「${p.value}」: ${p.reason}`)
            : [];
        throw new CliError([built.error.message, ...lines].join('\n'));
      }
      const { ledgers, report } = built.value;
      const out = resolve(io.cwd, opts.out);
      const targets = [...ledgers.map((l) => join(out, `${l.venue}.ledger`)), join(out, ROUTING_REPORT_FILE)];
      const clobbered = targets.filter((t) => existsSync(t));
      if (clobbered.length > 0 && !opts.force) throw new CliError(`既にあります（上書きするには --force）: ${clobbered.join(', ')}`);

      const hq = opts.hqData === undefined ? null : await openOrCreateHqFolder(io, opts.hqData);
      try {
        // The roster's residents go into HQ's record: HQ's staff, named (issue 14).
        const actor = hq ? await folderAdministrator(io, hq.db, opts.staff, '台帳の作成') : 'cli';
        const toRecord = ledgers.map((l) => ({ venue: l.venue, fileSha256: sha256(l.bytes), cards: l.cards }));
        // A venue re-keyed: its old key, revoked at HQ, is never sealed to again.
        const revoked =
          hq &&
          revokedVenueKeyProblem(
            hq.db,
            ledgers.map((l) => venueKeys[l.venue]!),
          );
        if (revoked) throw new CliError(revoked);
        if (hq) refuseIfShipped(io, opts, hq, toRecord);
        mkdirSync(out, { recursive: true });
        // Stage every file before any appears, so a failure leaves no partial set of ledgers behind.
        const staged: StagedFile[] = [];
        try {
          for (const l of ledgers) staged.push(stageFile(join(out, `${l.venue}.ledger`), l.bytes));
          // Reservation numbers and the address fragments that did not route: for HQ's eyes only (owner-only).
          staged.push(stageFile(join(out, ROUTING_REPORT_FILE), JSON.stringify(report, null, 2) + '\n', { mode: 0o600 }));
          if (hq) {
            const recorded = recordBuiltLedgers({ store: hq, clock: io.clock }, actor, report.shipmentId, report.createdAt, toRecord);
            if (!recorded.ok) throw new CliError(describeRefusal(recorded.error));
            // The report leaves HQ's folder as a plain file: where to, and whose rows, in HQ's access record.
            recordAccess(hq.db, io.clock, {
              stationId: hq.stationId,
              actor,
              action: 'export',
              subject: report.shipmentId,
              detail: {
                document: 'routing-report',
                rows: report.unrouted.length,
                destination: join(out, ROUTING_REPORT_FILE),
                subjects: report.unrouted.map((u) => u.reservationNo),
              },
            });
          }
        } catch (e) {
          discardStaged(staged);
          throw e;
        }
        commitStaged(staged);
      } finally {
        hq?.close();
      }
      printResult(io, opts, out, ledgers, report, hq);
      // Without HQ's folder there is no access record to hold where the plain file went, nor a retention plan to
      // list it until erased: the person is told instead.
      if (!hq && report.unrouted.length > 0)
        io.err(
          `注意: --hq-data がないため、振分レポート ${join(out, ROUTING_REPORT_FILE)}（予約管理番号 ${report.unrouted.length}件）の書き出しは個人情報取扱台帳に記録されず、保存期間の計画（retention plan）にも載りません。確認が済んだら消去してください\n`,
        );
      // Ledgers are written, but a person must still deal with the rows no venue received.
      if (report.unrouted.length > 0) setExit(3);
    });
}

function refuseIfShipped(io: CliIo, opts: BuildOptions, hq: HqStore, toRecord: readonly LedgerToRecord[]): void {
  const fresh = checkShipmentIsNew(hq.db, opts.shipment, toRecord);
  if (fresh.ok) return;
  if (opts.json) io.out(JSON.stringify({ ok: false, error: fresh.error }, null, 2) + '\n');
  throw new CliError(describeRefusal(fresh.error));
}

function describeRefusal(problem: RecordProblem): string {
  if (problem.code !== 'already-shipped') return problem.message;
  const shown = problem.cards.slice(0, 50).map((c) => `  ${c.reservationNo}（出荷 ${c.shipmentId}、${VENUES[c.venue].name}）`);
  const more = problem.cards.length > shown.length ? [`  …ほか ${count(problem.cards.length - shown.length)}`] : [];
  return [problem.message, ...shown, ...more].join('\n');
}

function printResult(
  io: CliIo,
  opts: BuildOptions,
  out: string,
  ledgers: readonly BuiltLedger[],
  report: RoutingReport,
  hq: HqStore | null,
): void {
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          ok: true,
          ledgers: ledgers.map((l) => ({ venue: l.venue, rows: l.rowCount, file: join(out, `${l.venue}.ledger`) })),
          report,
          hqData: hq?.dir ?? null,
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  io.out(`出荷 ${report.shipmentId}: 名簿 ${count(report.rosterRows)}（${report.rosterEncoding}）\n`);
  for (const v of VENUE_IDS)
    io.out(
      `  ${VENUES[v].name.padEnd(12, '　')} ${count(report.perVenue[v]).padStart(8)}${report.perVenue[v] > 0 ? `  → ${join(out, `${v}.ledger`)}` : ''}\n`,
    );
  io.out(`  振分不能           ${count(report.unrouted.length).padStart(8)}\n`);
  for (const u of report.unrouted) io.out(`    ${u.line}行目 ${u.reservationNo}: ${u.reason}\n`);
  io.out(`振分レポート: ${join(out, ROUTING_REPORT_FILE)}\n`);
  io.out(
    hq
      ? `事務センターのデータフォルダに記録しました: ${hq.dir}\n`
      : '（--hq-data がないため、事務センターのデータフォルダには記録していません）\n',
  );
}

function loadVenuePubs(io: CliIo, dir: string): Partial<Record<VenueId, PublicKeyHandle>> {
  const full = resolve(io.cwd, dir);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch (e) {
    throw new CliError(`会場公開鍵フォルダ ${dir} を読めません: ${whyUnreadable(e)}`);
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
