// madoguchi venue report | daily | close-day: the venue's reconciliation, computed from the event log (for HQ
// automation and support), its daily report, and 日締め by a venue lead (the same function as the app's).
import type { Command } from 'commander';
import { venueReconciliation } from '../../reconciliation/reconciliation';
import { dailyReport } from '../../day-close/day-close';
import { closeDayAndSend } from '../../day-close/close-and-send';
import { verifyStaffPin } from '../../auth/staff';
import { askPin } from '../passphrase';
import { dayText, tokyoDate } from '../../../shared/tokyo-date';
import { breakReasonLabel, FIGURE_LABELS, INVARIANTS, invariantText } from '../../../shared/glossary';
import { openExistingDataFolder } from '../data-folder';
import { CliError, dateArgument, type CliIo } from '../io';

export function registerVenue(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const venue = program.command('venue').description('会場の集計（イベント記録から毎回計算）');
  venue
    .command('report')
    .description(
      `突合: ${(['shipped', 'received', 'notReceived', 'handedOver', 'outstanding', 'returned'] as const).map((k) => FIGURE_LABELS[k]).join('・')}の件数（出荷別・端末別・合計）、不変条件の成否、成り立たないカード。不成立なら終了コード 3`,
    )
    .option('--data <dir>', 'データフォルダ')
    .option('--date <date>', 'その日（YYYY-MM-DD、東京時間）の終わり時点で集計')
    .option('--json', 'JSONで出力')
    .action(async (opts: { data?: string; date?: string; json?: boolean }) => {
      if (opts.date !== undefined) dateArgument(opts.date);
      const store = await openExistingDataFolder(io, opts.data);
      try {
        const r = venueReconciliation(store, opts.date ? { asOf: opts.date } : {});
        if (!r.total.holds || r.conflicts.length > 0) setExit(3);
        if (opts.json) {
          io.out(JSON.stringify(r, null, 2) + '\n');
          return;
        }
        const t = r.total;
        io.out(`${r.venue.name}${r.asOf ? `（${dayText(r.asOf)} 終了時点）` : ''}\n`);
        const [shippedInvariant, receivedInvariant] = INVARIANTS.map((inv) => invariantText(inv, t));
        io.out(`${shippedInvariant}\n`);
        io.out(`${receivedInvariant}   ${t.holds ? '成立' : '不成立'}\n`);
        io.out(`${FIGURE_LABELS.refusals} ${t.refusals}  ${FIGURE_LABELS.damaged} ${t.damaged}\n`);
        for (const b of r.breakers) io.out(`  不成立: ${b.reservationNo} ${breakReasonLabel(b.reason)}\n`);
        for (const c of r.conflicts) io.out(`  複数の端末で交付: ${c.reservationNo}（${c.stations.join('、')}）\n`);
      } finally {
        store.close();
      }
    });
  venue
    .command('daily')
    .description('日報: 締めた時点の固定値、現在の再計算、締め後の訂正（JSON）')
    .option('--data <dir>', 'データフォルダ')
    .option('--date <date>', '日付（YYYY-MM-DD、既定は今日）')
    .action(async (opts: { data?: string; date?: string }) => {
      const date = opts.date === undefined ? tokyoDate(io.clock.now()) : dateArgument(opts.date);
      const store = await openExistingDataFolder(io, opts.data);
      try {
        io.out(JSON.stringify(dailyReport({ store, clock: io.clock }, date), null, 2) + '\n');
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
          io.out(`${closed.error.message}\n`);
          return;
        }
        if (!closed.ok) throw new CliError(closed.error.message);
        const t = closed.value.current.totals;
        io.out(`${dayText(date)} を締めました（${staff.value.displayName}）\n`);
        io.out(
          `${FIGURE_LABELS.handedOver} ${t.handedOver}  ${FIGURE_LABELS.outstanding} ${t.outstanding}  ${t.holds ? '成立' : '不成立'}\n`,
        );
        io.out(
          closed.value.syncFile
            ? `同期ファイル: ${closed.value.syncFile}\n`
            : `同期ファイルは書き出していません：${closed.value.syncProblem ?? '同期が未設定です'}\n`,
        );
        if (!t.holds) setExit(3);
      } finally {
        store.close();
      }
    });
}
