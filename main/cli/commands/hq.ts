// madoguchi hq …: headquarters pulls every station's files, reports the ward's consolidation, lists the
// residents who never came (未受領) for the re-issue notices, and records J-LIS's count per shipment.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { VENUE_IDS, VENUES } from '../../../shared/venues/venues';
import { tokyoDate } from '../../../shared/tokyo-date';
import { writeFileAtomic } from '../../files/atomic-write';
import { readSetting } from '../../store/settings';
import { inboxKey } from '../../sync/sync-keys';
import { pullAndIngest, pullSources } from '../../sync/pull';
import { cardsNamed, consolidate, FIGURES, type WardConsolidation } from '../../hq/consolidation';
import { wardReportText } from '../hq-report-text';
import { asOfText } from '../text';
import { stationName } from '../../counter/names';
import { count } from '../../../shared/numbers';
import { FIGURE_LABELS, UNCOLLECTED_LABEL } from '../../../shared/glossary';
import { uncollectedCsv } from '../../hq/uncollected-csv';
import { recordJlisCount } from '../../hq/jlis';
import { hqLedgers } from '../../hq/hq-ledgers';
import { openHqFolder } from '../data-folder';
import { printPullResults, sourceArgument } from '../pull-output';
import { recordAccess } from '../../access/access-record';
import { actingStaff, namedReader } from '../acting-staff';
import { actorOf } from '../../auth/staff';
import { CliError, dateArgument, type CliIo } from '../io';

/** The report for a reader not named: each venue's cards that do not add up as counts, not reservation numbers. */
function countedCards(report: WardConsolidation) {
  return {
    ...report,
    venues: report.venues.map(({ breakers, conflicts, ...v }) => ({
      ...v,
      breakerCount: breakers.length,
      conflictCount: conflicts.length,
    })),
  };
}

const dateOption = (io: CliIo, date: string | undefined) => (date === undefined ? tokyoDate(io.clock.now()) : dateArgument(date));

export function registerHq(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const hq = program.command('hq').description(`事務センター: 各端末の同期ファイルの取得・取込、区全体の集計、${UNCOLLECTED_LABEL}者一覧`);

  hq.command('pull')
    .description('登録した全端末（または --from）から同期ファイルを取得して取り込む。取込済みは変更なし')
    .requiredOption('--hq-data <dir>', '事務センターのデータフォルダ')
    .option('--from <folderOrUrl...>', '取得元（共有フォルダ、または https://host:port）')
    .action(async (opts: { hqData: string; from?: string[] }) => {
      const store = await openHqFolder(io, opts.hqData);
      try {
        const recipient = inboxKey(store.db);
        if (!recipient)
          throw new CliError(
            '事務センターの同期鍵がありません（madoguchi sync identity --data <hq-data> --hq-key hq.key で作成してください）',
          );
        const sources = pullSources(
          store.db,
          (opts.from ?? []).map((f) => sourceArgument(io, f)),
        );
        if (sources.length === 0)
          throw new CliError('取得元がありません（--from を指定するか、sync register --source で登録してください）');
        printPullResults(io, await pullAndIngest({ db: store.db, clock: io.clock, recipient }, sources), setExit);
      } finally {
        store.close();
      }
    });

  hq.command('report')
    .description(
      `区全体と会場ごとの集計（${FIGURES.map((f) => FIGURE_LABELS[f]).join('・')}）、申告と再計算の照合、同期ファイルが届いていない端末`,
    )
    .requiredOption('--hq-data <dir>', '事務センターのデータフォルダ')
    .option('--date <YYYY-MM-DD>', 'その日（東京時間）の終わり時点で集計（既定: 現時点で持っているすべて）')
    .option('--stale-days <n>', '何日同期ファイルが届かなければ知らせるか', '1')
    .option('--json', 'JSONで出力')
    .option(
      '--staff <id>',
      `合わないカードを予約管理番号で表示する事務センター職員の職員ID（PINは端末で入力、または MADOGUCHI_PIN。環境変数 MADOGUCHI_STAFF も可）。なければ件数のみ`,
    )
    .action(async (opts: { hqData: string; date?: string; staleDays: string; json?: boolean; staff?: string }) => {
      const asOf = dateOption(io, opts.date);
      const staleDays = Number(opts.staleDays);
      if (!Number.isInteger(staleDays) || staleDays < 0) throw new CliError('--stale-days は 0 以上の整数です', 2);
      const store = await openHqFolder(io, opts.hqData, { share: true });
      try {
        const reader = await namedReader(io, store.db, opts.staff, ['hq'], '予約管理番号の表示');
        // --date D: the ward at the end of business day D, as `venue report --date D` counts a venue.
        const report = consolidate(store.db, {
          asOf,
          staleDays,
          ...(opts.date === undefined ? {} : { through: asOf }),
          cards: reader === null ? 'counted' : 'named',
        });
        const subjects = cardsNamed(report);
        // The numbers are residents' records: shown to a named person, and noted in HQ's access record with whose.
        if (reader !== null && subjects.length > 0)
          recordAccess(store.db, io.clock, {
            stationId: store.stationId,
            actor: actorOf(reader),
            action: 'record-view',
            subject: asOf,
            detail: { document: 'ward-report', subjects },
          });
        // Each ledger HQ built, with its venue's 預り証 (the import its signed sync file carried) or still awaited.
        const receipts = hqLedgers(store.db).map(({ shipmentId, venue, rowCount, receipt }) => ({ shipmentId, venue, rowCount, receipt }));
        if (opts.json) io.out(JSON.stringify({ ...(reader === null ? countedCards(report) : report), receipts }, null, 2) + '\n');
        else {
          io.out(wardReportText(report, (id) => stationName(store, id), asOfText(io.clock.now(), opts.date)));
          if (reader === null && subjects.length > 0)
            io.out('（合わないカードの予約管理番号は --staff 事務センター職員の職員ID で表示し、個人情報取扱台帳に記録します）\n');
          const awaited = receipts.filter((r) => r.receipt === null);
          io.out(
            awaited.length === 0
              ? `預り証: 作成した台帳 ${count(receipts.length)}すべて受領済み\n`
              : `預り証待ち ${count(awaited.length)}: ${awaited.map((r) => `${r.shipmentId} ${VENUES[r.venue].name}`).join('、')}\n`,
          );
        }
        if (report.mismatches.length > 0) setExit(3);
      } finally {
        store.close();
      }
    });

  hq.command('uncollected')
    .description(`${UNCOLLECTED_LABEL}者一覧（受取期限を過ぎても受け取りに来ていない人）を再発行用のCSVで出力`)
    .requiredOption('--hq-data <dir>', '事務センターのデータフォルダ')
    .requiredOption('--out <file>', '出力するCSVファイル')
    .option('--encoding <enc>', 'utf8（BOM付き） | cp932', 'utf8')
    .option('--date <YYYY-MM-DD>', '基準日（既定: 今日）')
    .option('--staff <id>', '出力する事務センター職員の職員ID（PINは端末で入力、または MADOGUCHI_PIN。環境変数 MADOGUCHI_STAFF も可）')
    .action(async (opts: { hqData: string; out: string; encoding: string; date?: string; staff?: string }) => {
      if (opts.encoding !== 'utf8' && opts.encoding !== 'cp932') throw new CliError('--encoding は utf8 か cp932 です', 2);
      const asOf = dateOption(io, opts.date);
      const store = await openHqFolder(io, opts.hqData);
      try {
        // Names, birth dates and addresses leave the encrypted folder: only a person, named in the record.
        const staff = await actingStaff(io, store.db, opts.staff, ['hq'], `${UNCOLLECTED_LABEL}者一覧の出力`);
        const deadlineDays = readSetting(store.db, 'collection-deadline-days');
        const r = uncollectedCsv(store.db, { asOf, deadlineDays, encoding: opts.encoding });
        if (!r.ok)
          throw new CliError(
            [r.error.message, ...r.error.rows.slice(0, 50).map((b) => `  ${b.line}行目 ${b.reservationNo} [${b.column}]`)].join('\n'),
          );
        const out = resolve(io.cwd, opts.out);
        writeFileAtomic(out, r.value.bytes, { mode: 0o600 });
        // A list of residents' names leaves the encrypted folder: noted in HQ's access record (別紙⑦).
        recordAccess(store.db, io.clock, {
          stationId: store.stationId,
          actor: actorOf(staff),
          action: 'export',
          subject: asOf,
          // Where the list went and whose rows it holds: the file leaves the encrypted folder (written owner-only).
          detail: { document: 'uncollected', rows: r.value.rows, encoding: opts.encoding, destination: out, subjects: r.value.subjects },
        });
        io.out(
          `${UNCOLLECTED_LABEL} ${count(r.value.rows)}（${VENUE_IDS.map((v) => `${VENUES[v].name} ${count(r.value.perVenue[v])}`).join('、')}、受取期限 ${deadlineDays}日）: ${out}\n`,
        );
      } finally {
        store.close();
      }
    });

  hq.command('jlis')
    .description('J-LIS から受け取ったカードの枚数を出荷ごとに記録（各会場への送付の合計と照合）')
    .requiredOption('--hq-data <dir>', '事務センターのデータフォルダ')
    .requiredOption('--shipment <id>', '出荷ID')
    .requiredOption('--cards <n>', '受け取った枚数')
    .action(async (opts: { hqData: string; shipment: string; cards: string }) => {
      const cards = Number(opts.cards);
      if (!Number.isInteger(cards) || cards < 0) throw new CliError('--cards は 0 以上の整数です', 2);
      const store = await openHqFolder(io, opts.hqData);
      try {
        const r = recordJlisCount(store.db, io.clock, 'cli', opts.shipment, cards);
        if (!r.ok) throw new CliError(r.error.message);
        io.out(
          `出荷 ${opts.shipment}: J-LIS から ${count(cards, '枚')}（送付の合計 ${count(r.value.shipped, '枚')}${r.value.shipped === cards ? '、一致' : '、不一致'}）\n`,
        );
        if (r.value.shipped !== cards) setExit(3);
      } finally {
        store.close();
      }
    });
}
