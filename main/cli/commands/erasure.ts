// madoguchi erasure apply | run | verify (別紙⑦ 第12条): the written application (items, media, quantities,
// method, planned date) for the ward to approve; the erasure itself with the approval's reference, ending in a
// signed 消去報告書 (JSON and an A4 PDF); and the report's check, at HQ against the key the station registered.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { openAnyDataFolder, openHqFolder } from '../data-folder';
import { actingStaff, adminRoleOf } from '../acting-staff';
import { actorOf } from '../../auth/staff';
import { retentionPlan } from '../../retention/retention-plan';
import { eraseFolder } from '../../erasure/erase-folder';
import { verifyErasureReport } from '../../erasure/verify-erasure';
import { erasureApplicationHtml, erasureReportHtml } from '../../../shared/print/erasure-print';
import { cliPdfMaker, refuseOutputPlace, writePdf } from '../pdf-output';
import { writeFileAtomic } from '../../files/atomic-write';
import { num } from '../../../shared/numbers';
import { dayText, tokyoDate, tokyoDateTime } from '../../../shared/tokyo-date';
import { CliError, dateArgument, readInput, type CliIo } from '../io';
import { isWithin } from '../../files/within';

export function registerErasure(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const erasure = program.command('erasure').description('個人情報の消去（別紙⑦ 第12条）: 申請書、承認後の消去と消去報告書、報告書の確認');

  erasure
    .command('apply')
    .description('消去の申請書（項目・媒体名・数量・方法・処理予定日）を PDF（A4）と JSON で書き出す')
    .requiredOption('--out <dir>', '申請書を書き出すフォルダ')
    .requiredOption('--planned <date>', '処理予定日（2027-04-01、令和9年4月1日 など）')
    .option('--data <dir>', 'データフォルダ')
    .option('--staff <id>', '申請する会場責任者（事務センターでは職員）の職員ID（PINは端末で入力、または MADOGUCHI_PIN）')
    .action(async (opts: { out: string; planned: string; data?: string; staff?: string }) => {
      const plannedOn = dateArgument(opts.planned, '--planned');
      if (plannedOn < tokyoDate(io.clock.now()))
        throw new CliError(`処理予定日 ${dayText(plannedOn)} は過ぎています。これからの日付を指定してください`, 2);
      const pdf = cliPdfMaker(io, '申請書');
      const { site, store } = await openAnyDataFolder(io, opts.data, { share: true });
      try {
        const staff = await actingStaff(io, store.db, opts.staff, [adminRoleOf(store.db)], '消去の申請');
        const plan = retentionPlan(store);
        const application = {
          format: 'madoguchi-erasure-application',
          site,
          stationId: store.stationId,
          dataDir: plan.dataDir,
          appliedAt: io.clock.now().toISOString(),
          applicant: { actor: actorOf(staff), name: staff.displayName },
          plannedOn,
          // Each item, and the places of it not found here (a medium taken away): the ward approves those too.
          items: plan.categories.map(({ places, id: _, ...c }) => ({ ...c, away: places.filter((p) => !p.present).map((p) => p.path) })),
        };
        const out = resolve(io.cwd, opts.out);
        const base = join(out, `erasure-application-${store.stationId}-${plannedOn}`);
        // Checked before the folder is made: never a new folder inside the data folder, then a refusal.
        if (isWithin(out, store.dir)) refuseOutputPlace(store.dir, `${base}.pdf`, '申請書');
        mkdirSync(out, { recursive: true });
        const failed = await writePdf(pdf, erasureApplicationHtml(application, pdf.fontCssHref), `${base}.pdf`);
        if (failed !== null) throw new CliError(`申請書の PDF を作れませんでした: ${failed}`);
        writeFileAtomic(`${base}.json`, JSON.stringify(application, null, 2) + '\n', { mode: 0o600 });
        io.out(`消去の申請書を書き出しました: ${base}.pdf（印刷して区の承認を受けてください）、${base}.json\n`);
        for (const c of application.items) {
          io.out(`  ${c.item}: ${num(c.count)}${c.unit}\n`);
          for (const p of c.away) io.out(`    この端末から見当たらないもの（媒体が外されている）: ${p}\n`);
        }
      } finally {
        store.close();
      }
    });

  erasure
    .command('run')
    .description(
      '承認を受けた消去を行う: バックアップ・書き出したファイル・送信した同期ファイル・データフォルダ（鍵から）を消去し、消去報告書を書く。元に戻せません',
    )
    .requiredOption('--approval <ref>', '区の承認番号')
    .requiredOption('--report <dir>', '消去報告書を書き出すフォルダ（データフォルダの外）')
    .requiredOption('--confirm <stationId>', '消去する端末の端末ID（取り違え防止のため、もう一度）')
    .option('--data <dir>', 'データフォルダ')
    .option('--staff <id>', '消去する会場責任者（事務センターでは職員）の職員ID（PINは端末で入力、または MADOGUCHI_PIN）')
    .action(async (opts: { approval: string; report: string; confirm: string; data?: string; staff?: string }) => {
      // The report must be printable before anything goes: no PDF maker here, nothing erased.
      const pdf = cliPdfMaker(io, '消去報告書', '何も消去していません');
      const { store } = await openAnyDataFolder(io, opts.data);
      let closed = false;
      try {
        if (opts.confirm !== store.stationId)
          throw new CliError(
            `--confirm ${opts.confirm} は、このデータフォルダの端末ID（${store.stationId}）と違います。何も消去していません`,
          );
        const staff = await actingStaff(io, store.db, opts.staff, [adminRoleOf(store.db)], '消去');
        closed = true;
        const erased = eraseFolder(store, io.clock, {
          approval: opts.approval,
          reportDir: resolve(io.cwd, opts.report),
          actor: actorOf(staff),
          actorName: staff.displayName,
        });
        if (!erased.ok) {
          closed = false;
          throw new CliError(erased.error.message);
        }
        const b = erased.value.body;
        io.out(`消去しました（${tokyoDateTime(b.erasedAt)}、承認番号 ${b.approval}）\n`);
        for (const i of b.items)
          io.out(`  ${i.item}: ${num(i.count)}${i.unit}${i.erased.length > 0 ? `（${i.erased.length}か所を消去）` : ''}\n`);
        const byHand = b.items.flatMap((i) => i.byHand);
        for (const p of byHand) io.err(`  手作業で破壊・消去するもの（媒体が見つかりません）: ${p}\n`);
        // The erasure is done and its signed JSON written: a PDF that fails now leaves the HTML to print instead.
        const html = erasureReportHtml(b, pdf.fontCssHref);
        const failed = await writePdf(pdf, html, erased.value.pdf);
        let printable = erased.value.pdf;
        if (failed !== null) {
          printable = erased.value.pdf.replace(/\.pdf$/, '.html');
          writeFileAtomic(printable, erasureReportHtml(b, null));
          io.err(`消去報告書の PDF を作れませんでした（${failed}）。代わりに ${printable} をブラウザで開いて印刷してください\n`);
          setExit(3);
        }
        io.out(`消去報告書: ${printable}（印刷して区に提出）、${erased.value.json}（署名付き。事務センターで erasure verify）\n`);
        if (!b.checkedUnreadable || byHand.length > 0) setExit(3);
      } finally {
        if (!closed) store.close();
      }
    });

  erasure
    .command('verify <report>')
    .description(
      '消去報告書（JSON）の署名を確かめる。--hq-data で、端末が登録した鍵か、記録が最後の同期ファイルより後退していないかも確かめる',
    )
    .option('--hq-data <dir>', '事務センターのデータフォルダ')
    .action(async (report: string, opts: { hqData?: string }) => {
      const text = readInput(io, report, '消去報告書').toString('utf8');
      const hq = opts.hqData === undefined ? null : await openHqFolder(io, opts.hqData, { share: true });
      try {
        const r = verifyErasureReport(text, hq?.db ?? null);
        if (!r.ok) throw new CliError(`消去報告書を確かめられません: ${r.error}`);
        const b = r.value.body;
        io.out(
          `消去報告書は正しく署名されています${r.value.registered ? '（端末が登録した鍵）' : '（鍵の照合は --hq-data で）'}: ${b.stationId}、${tokyoDateTime(b.erasedAt)}、承認番号 ${b.approval}、${b.erasedBy.name}\n`,
        );
      } finally {
        hq?.close();
      }
    });
}
