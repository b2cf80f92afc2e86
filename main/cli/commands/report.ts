// madoguchi report handling | incident: how residents' data was handled over a period (別紙⑦ 第13条 定期報告), and
// a draft incident report for a time range (第15条 緊急時報告), both from the access record and the retention
// plan (main/retention/handling-report.ts): counts, staff ids and places, never a resident's name.
import type { Command } from 'commander';
import { openAnyDataFolder } from '../data-folder';
import { handlingReport, type HandlingReport } from '../../retention/handling-report';
import { dayText, tokyoDateTime, tokyoDayEnd, tokyoDayStart, tokyoInstant } from '../../../shared/tokyo-date';
import { stationName } from '../../counter/names';
import { num } from '../../../shared/numbers';
import { CliError, dateArgument, type CliIo } from '../io';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { HandlingReportRequest, IncidentReportRequest } from '../../../shared/ipc/contract/data-life';
import type { HqStore, VenueStore } from '../../store/data-folder';
import { reportDocument } from '../../retention/report-print';
import { recordAccess } from '../../access/access-record';
import { actorOf } from '../../auth/staff';
import { actingStaff, adminRoleOf } from '../acting-staff';
import { writeFileAtomic } from '../../files/atomic-write';
import type { PdfMaker } from '../../print/pdf-maker';
import { cliPdfMaker, refuseOutputPlace } from '../pdf-output';

export function registerReport(program: Command, io: CliIo): void {
  const report = program.command('report').description('個人情報の取扱いの報告（別紙⑦ 第13条・第15条）');

  outputOptions(
    report
      .command('handling')
      .description('期間中の取扱い（定期報告）: 保有している個人情報と場所、誰が何回利用したか、対象の住民の数、バックアップ、書き出し')
      .requiredOption('--from <date>', '最初の日（YYYY-MM-DD、東京時間）')
      .requiredOption('--to <date>', '最後の日（YYYY-MM-DD、この日を含む）'),
    'A4 の報告書を PDF で書き出す（印刷して区に提出。--staff の会場責任者・事務センター職員の名前入り）',
  ).action(async (opts: ReportOptions) => {
    const from = dateArgument(opts.from, '--from');
    const to = dateArgument(opts.to, '--to');
    if (to < from) throw new CliError('--to は --from 以後の日です', 2);
    // The same rules as the app's page (a year at most): one request never reads years of records.
    samePeriodRules(HandlingReportRequest, { document: 'handling-report', from, to });
    await print(
      opts,
      { document: 'handling-report', from, to },
      tokyoDayStart(from),
      tokyoDayEnd(to),
      `${dayText(from)}〜${dayText(to)}`,
      '個人情報の取扱状況報告（定期報告）',
      null,
    );
  });

  outputOptions(
    report
      .command('incident')
      .description('事故の報告（緊急時報告）の下書き: 時間帯の中で扱われた個人情報の種類、住民の数、場所、誰が何をしたか')
      .requiredOption('--from <time>', '始まり（2026-12-03T09:00 または "2026-12-03 09:00"、東京時間）')
      .requiredOption('--to <time>', '終わり（同じ形、東京時間。この時刻は含まない）'),
    'A4 の下書きを PDF で書き出す（記入欄つき。--staff の名前入り）',
  ).action(async (opts: ReportOptions) => {
    const fromIso = wallTime(opts.from, '--from');
    const toIso = wallTime(opts.to, '--to');
    if (toIso <= fromIso) throw new CliError('--to は --from より後の時刻です', 2);
    const request = { document: 'incident-report', from: wallText(opts.from), to: wallText(opts.to) } as const;
    samePeriodRules(IncidentReportRequest, request);
    await print(
      opts,
      request,
      fromIso,
      toIso,
      `${tokyoDateTime(fromIso)} 〜 ${tokyoDateTime(toIso)}`,
      '個人情報に係る事故の報告（下書き）',
      ['発生した事実（いつ・どこで・何が）: ', '原因: ', '講じた措置・今後の対策: '],
    );
  });

  async function print(
    opts: ReportOptions,
    request: ReportRequest,
    fromIso: string,
    toIso: string,
    period: string,
    title: string,
    blanks: string[] | null,
  ) {
    // The browser is found before anything is asked or recorded.
    const maker = opts.pdf === undefined ? null : cliPdfMaker(io, '報告書');
    const { store } = await openAnyDataFolder(io, opts.data, { share: true });
    try {
      if (maker && opts.pdf !== undefined) return await printPdf(store, maker, request, resolve(io.cwd, opts.pdf), opts.staff);
      const r = handlingReport(store, fromIso, toIso);
      if (opts.json) return void io.out(JSON.stringify(r, null, 2) + '\n');
      io.out(reportText(r, { title, period, station: stationName(store, store.stationId) }, blanks));
    } finally {
      store.close();
    }
  }

  /** The same A4 document the lead's 保管・報告 page prints, as a PDF; the print recorded as the app records it. */
  async function printPdf(store: VenueStore | HqStore, maker: PdfMaker, request: ReportRequest, path: string, staffId: string | undefined) {
    refuseOutputPlace(store.dir, path, '報告書');
    const staff = await actingStaff(io, store.db, staffId, [adminRoleOf(store.db)], '報告書のPDFの作成');
    const doc = reportDocument(store, { staff, fontCssHref: maker.fontCssHref, printedAt: io.clock.now().toISOString() }, request);
    const pdf = await maker.make(doc.html);
    if (!pdf.ok) throw new CliError(`報告書の PDF を作れませんでした: ${pdf.error}`);
    recordAccess(store.db, io.clock, {
      stationId: store.stationId,
      actor: actorOf(staff),
      action: 'print',
      subject: doc.subject,
      detail: { document: request.document, from: request.from, to: request.to, rows: doc.rows, pages: doc.pages, subjects: [] },
    });
    store.noteCommitted();
    writeFileAtomic(path, pdf.value, { mode: 0o600 });
    io.out(`${doc.title}: ${path}（A4 ${doc.pages}ページ）\n`);
  }
}

/** Where both reports go: the folder read, and text, JSON or a PDF printed by a named person. */
function outputOptions(command: Command, pdfHelp: string): Command {
  return command
    .option('--data <dir>', 'データフォルダ')
    .option('--json', 'JSONで出力')
    .option('--pdf <file>', pdfHelp)
    .option('--staff <id>', '--pdf のとき、印刷する職員の職員ID（PINは端末で入力、または MADOGUCHI_PIN）');
}

type ReportRequest =
  | { readonly document: 'handling-report'; readonly from: string; readonly to: string }
  | { readonly document: 'incident-report'; readonly from: string; readonly to: string };

interface ReportOptions {
  readonly from: string;
  readonly to: string;
  readonly data?: string;
  readonly json?: boolean;
  readonly pdf?: string;
  readonly staff?: string;
}

/** 2026-12-03T09:00, with a space for the T as people write it. */
function wallText(text: string): string {
  return text.trim().replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/, '$1T$2');
}

/** The period against the app's own rules (shared/ipc/contract/data-life.ts), said as a usage error. */
function samePeriodRules(schema: z.ZodType, request: ReportRequest): void {
  const checked = schema.safeParse(request);
  if (!checked.success) throw new CliError(checked.error.issues[0]!.message, 2);
}

function wallTime(raw: string, option: string): string {
  const text = wallText(raw);
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(text);
  if (!m) throw new CliError(`${option} は YYYY-MM-DDTHH:MM（東京時間）で指定してください: ${text}`, 2);
  try {
    return tokyoInstant(m[1]!, m[2]!);
  } catch {
    throw new CliError(`${option} の日時が正しくありません: ${text}`, 2);
  }
}

function reportText(r: HandlingReport, head: { title: string; period: string; station: string }, blanks: string[] | null): string {
  const lines = [head.title, `端末 ${head.station}　期間 ${head.period}`, '', '■ 保有している個人情報'];
  for (const c of r.held.categories) lines.push(`  ${c.item}: ${num(c.count)}${c.unit}（${c.medium}）`);
  lines.push(
    '',
    `■ 利用 ${num(r.totalUses)}回、対象の住民 ${num(r.residents)}人（ほかにサインイン・画面ロック等 ${num(r.accountEvents)}回）`,
  );
  for (const u of r.uses) lines.push(`  ${u.staff}  ${u.label}  ${num(u.times)}回`);
  if (r.uses.length === 0) lines.push('  （この期間の利用はありません）');
  lines.push(
    '',
    `■ バックアップ 作成 ${num(r.backups.made)}回、確認 正常 ${num(r.backups.checked)}回・異常 ${num(r.backups.failedChecks)}回`,
  );
  lines.push('', `■ 書き出したファイル ${num(r.exports.length)}件`);
  for (const e of r.exports)
    lines.push(`  ${tokyoDateTime(e.at)} ${e.staff} ${e.destination}${e.rows === null ? '' : `（${num(e.rows)}件）`}`);
  for (const x of r.restores)
    lines.push(
      '',
      `■ バックアップからの復元 ${tokyoDateTime(x.at)}（${tokyoDateTime(x.backupCreatedAt)} のバックアップから）: ${
        x.lost
          ? `個人情報取扱台帳の${num(x.lost.from)}件目${x.lost.to > x.lost.from ? `から${num(x.lost.to)}件目まで` : ''}を故障で消失`
          : '失われた記録はありません'
      }`,
    );
  if (blanks) lines.push('', '■ 記入してください', ...blanks.map((b) => `  ${b}`));
  return lines.map((l) => `${l}\n`).join('');
}
