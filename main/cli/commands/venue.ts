// madoguchi venue report | daily | close-day: the venue's reconciliation, computed from the event log (for HQ
// automation and support), its daily report, and 日締め by a venue lead (the same function as the app's).
import type { Command } from 'commander';
import { venueReconciliation } from '../../reconciliation/reconciliation';
import { dailyReport } from '../../day-close/day-close';
import { closeDayAndSend } from '../../day-close/close-and-send';
import { actorOf, verifyStaffPin } from '../../auth/staff';
import { askPin } from '../passphrase';
import { tokyoDate } from '../../../shared/tokyo-date';
import { breakReasonLabel, FIGURE_LABELS, INVARIANTS, invariantText } from '../../../shared/glossary';
import { openExistingDataFolder } from '../data-folder';
import { count, num } from '../../../shared/numbers';
import { namedReader } from '../acting-staff';
import { recordAccess } from '../../access/access-record';
import { VENUES } from '../../../shared/venues/venues';
import { stationName, staffOnPaper } from '../../counter/names';
import { closeDayText, dailyReportText } from '../venue-text';
import { closeDayBackupText } from '../backup-text';
import { asOfText, warningText } from '../text';
import { CliError, dateArgument, type CliIo } from '../io';
import { registerVenueTrust } from './venue-trust';

export function registerVenue(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const venue = program.command('venue').description('会場の集計（イベント記録から毎回計算）、日締め、事務センター鍵の登録');
  registerVenueTrust(venue, io);
  venue
    .command('report')
    .description(
      `突合: ${(['shipped', 'received', 'notReceived', 'handedOver', 'outstanding', 'returned'] as const).map((k) => FIGURE_LABELS[k]).join('・')}の件数（出荷別・端末別・合計）、不変条件の成否、成り立たないカード。不成立なら終了コード 3`,
    )
    .option('--data <dir>', 'データフォルダ')
    .option('--date <date>', 'その日（YYYY-MM-DD、東京時間）の終わり時点で集計')
    .option('--json', 'JSONで出力')
    .option(
      '--staff <id>',
      `成り立たないカードを予約管理番号で表示する会場責任者の職員ID（PINは端末で入力、または MADOGUCHI_PIN。環境変数 MADOGUCHI_STAFF も可）。なければ件数のみ`,
    )
    .action(async (opts: { data?: string; date?: string; json?: boolean; staff?: string }) => {
      if (opts.date !== undefined) dateArgument(opts.date);
      const store = await openExistingDataFolder(io, opts.data, { share: true });
      try {
        const reader = await namedReader(io, store.db, opts.staff, ['lead'], '予約管理番号の表示');
        const r = venueReconciliation(store, opts.date ? { asOf: opts.date } : {});
        if (!r.total.holds || r.conflicts.length > 0) setExit(3);
        const subjects = [...new Set([...r.breakers, ...r.conflicts].map((c) => c.reservationNo))];
        // The numbers are residents' records: shown to a named lead, and noted in the access record with whose.
        if (reader !== null && subjects.length > 0)
          recordAccess(store.db, io.clock, {
            stationId: store.stationId,
            actor: actorOf(reader),
            action: 'record-view',
            subject: opts.date ?? null,
            detail: { document: 'reconciliation', subjects },
          });
        const counts = { breakerCount: r.breakers.length, conflictCount: r.conflicts.length };
        if (opts.json) {
          const { breakers: _b, conflicts: _c, ...figures } = r;
          io.out(JSON.stringify(reader === null ? { ...figures, ...counts } : { ...r, ...counts }, null, 2) + '\n');
          return;
        }
        const t = r.total;
        io.out(`${r.venue.name} ${asOfText(io.clock.now(), opts.date)}\n`);
        const [shippedInvariant, receivedInvariant] = INVARIANTS.map((inv) => invariantText(inv, t));
        io.out(`${shippedInvariant}\n`);
        io.out(`${receivedInvariant}   ${t.holds ? '成立' : '不成立'}\n`);
        io.out(`${FIGURE_LABELS.refusals} ${num(t.refusals)}  ${FIGURE_LABELS.damaged} ${num(t.damaged)}\n`);
        if (reader === null) {
          if (r.breakers.length > 0) io.out(`  成り立たないカード ${count(r.breakers.length)}\n`);
          if (r.conflicts.length > 0) io.out(`  複数の端末で交付されたカード ${count(r.conflicts.length)}\n`);
          if (subjects.length > 0) io.out(`  （予約管理番号は --staff 会場責任者の職員ID で表示し、個人情報取扱台帳に記録します）\n`);
          return;
        }
        for (const b of r.breakers) io.out(`  不成立: ${b.reservationNo} ${breakReasonLabel(b.reason)}\n`);
        for (const c of r.conflicts)
          io.out(`  複数の端末で交付: ${c.reservationNo}（${c.stations.map((id) => stationName(store, id)).join('、')}）\n`);
      } finally {
        store.close();
      }
    });
  venue
    .command('daily')
    .description('日報: 締めた時点の固定値（または現時点の集計）、端末ごとの件数、締め後の訂正')
    .option('--data <dir>', 'データフォルダ')
    .option('--date <date>', '日付（YYYY-MM-DD、既定は今日）')
    .option('--json', 'JSONで出力（職員・端末はID、時刻はUTC）')
    .action(async (opts: { data?: string; date?: string; json?: boolean }) => {
      const date = opts.date === undefined ? tokyoDate(io.clock.now()) : dateArgument(opts.date);
      const store = await openExistingDataFolder(io, opts.data, { share: true });
      try {
        const report = dailyReport({ store, clock: io.clock }, date);
        if (opts.json) return void io.out(JSON.stringify(report, null, 2) + '\n');
        const names = {
          venueName: VENUES[store.venue].name,
          staff: (actor: string) => staffOnPaper(store, actor),
          station: (id: string) => stationName(store, id),
        };
        io.out(dailyReportText(report, names, io.clock.now()));
      } finally {
        store.close();
      }
    });
  venue
    .command('close-day')
    .description(
      '日締め（アプリの日締めと同じ処理）: ほかの端末の記録を取り込み、その日を締め、同期ファイルを送信フォルダに書き出す。会場責任者のPINが必要',
    )
    .requiredOption('--staff <id>', '会場責任者の職員ID（PINは端末で入力、または環境変数 MADOGUCHI_PIN）')
    .option('--data <dir>', 'データフォルダ')
    .option('--date <date>', '日付（YYYY-MM-DD、既定は今日）')
    .action(async (opts: { staff: string; data?: string; date?: string }) => {
      const date = opts.date === undefined ? tokyoDate(io.clock.now()) : dateArgument(opts.date);
      const store = await openExistingDataFolder(io, opts.data);
      try {
        const pin = await askPin(io, opts.staff);
        const staff = verifyStaffPin(store.db, io.clock, opts.staff, pin);
        if (!staff.ok) throw new CliError(staff.error.message);
        const closed = await closeDayAndSend({ store, clock: io.clock }, staff.value, date);
        // Closed already (here or at a sibling): this station's records still went out, which is what was asked.
        if (!closed.ok && closed.error.code === 'already-closed' && closed.error.syncFile) {
          io.out(`${closed.error.message}\n${warningText(closed.error.freeSpace ?? null)}`);
          return;
        }
        if (!closed.ok) throw new CliError(closed.error.message);
        const t = closed.value.current.totals;
        io.out(closeDayText(date, staff.value.displayName, t));
        io.out(
          closed.value.syncFile
            ? `同期ファイル: ${closed.value.syncFile}\n`
            : `同期ファイルは書き出していません：${closed.value.syncProblem ?? '同期が未設定です'}\n`,
        );
        io.out(closeDayBackupText(closed.value));
        io.out(warningText(closed.value.freeSpace));
        if (!t.holds) setExit(3);
      } finally {
        store.close();
      }
    });
}
