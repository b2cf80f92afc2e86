// `madoguchi venue daily` and `venue close-day` as text: the same words and numbers as the printed 日報 (1,234
// with separators, 本庁舎 窓口1, 会場　責任者, 2026/12/02 19:42 in Tokyo time), so a lead reading a terminal and a
// lead reading paper see one report. The ids stay in `--json`, for support and automation.
import { dayText, tokyoDate, tokyoDateTime } from '../../shared/tokyo-date';
import { num } from '../../shared/numbers';
import { FIGURE_LABELS, FIGURE_ORDER, figureLabel, figureValueText, INVARIANTS, type FigureKey } from '../../shared/glossary';
import type { StaffOnPaper } from '../../shared/print/print-html';
import { asOfText, staffText } from './text';
import type { DailyReport } from '../day-close/day-close';

type Totals = DailyReport['current']['totals'];

const value = (t: Totals, k: string) => figureValueText(t[k]);
const figure = (t: Totals, k: FigureKey) => `${FIGURE_LABELS[k]} ${value(t, k)}`;

/** What `venue close-day` prints once the day is closed: the day, who closed it, and where it stands. */
export function closeDayText(date: string, closedBy: string, totals: Totals): string {
  return [
    `${dayText(date)}を締めました（${closedBy}）`,
    `${figure(totals, 'handedOver')}  ${figure(totals, 'outstanding')}  ${totals.holds === true ? '成立' : '不成立'}`,
  ]
    .map((l) => `${l}\n`)
    .join('');
}

export interface DailyReportNames {
  readonly venueName: string;
  /** An event's actor (lead:lead1) as people name them. */
  readonly staff: (actor: string) => StaffOnPaper;
  /** A station id as people name it (本庁舎 窓口1). */
  readonly station: (stationId: string) => string;
}

/** A change between two counts, signed: +3, -1,234. */
const signed = (d: number) => `${d > 0 ? '+' : ''}${num(d)}`;

/** The day's report as the printed 日報 reads: the close, the figures, the invariants, corrections, stations. */
export function dailyReportText(report: DailyReport, names: DailyReportNames, now: Date): string {
  const closed = report.closed;
  const shown = closed?.figures ?? report.current;
  const t = shown.totals;
  const lines = [`${names.venueName} 日報 ${dayText(report.date)}`];
  lines.push(
    closed === null
      ? // Today's figures are everything held now; a past day's are that day's end, as the records now stand.
        `締め: 未締め（下の数字は${report.date >= tokyoDate(now) ? asOfText(now, report.date) : `${asOfText(now, report.date)}、${tokyoDateTime(now.toISOString())} に再計算`}の集計です）`
      : `締め: 締め済み ${tokyoDateTime(closed.at)}・${staffText(names.staff(closed.by))}（下の数字は締めた時点で固定した値です）`,
  );
  lines.push(`集計: ${FIGURE_ORDER.map((k) => figure(t, k)).join('  ')}`);
  for (const inv of INVARIANTS) lines.push(`  ${figure(t, inv.left)} = ${inv.right.map((k) => figure(t, k)).join(' + ')}`);
  if (closed !== null) {
    if (report.correctedSinceClose.length === 0) lines.push('締め後の訂正: なし（締めた時点から数字は変わっていません）');
    else {
      lines.push('締め後の訂正（締め時点 → 現在）:');
      for (const c of report.correctedSinceClose) {
        const diff = typeof c.frozen === 'number' && typeof c.now === 'number' ? `（${signed(c.now - c.frozen)}）` : '';
        lines.push(`  ${figureLabel(c.figure)} ${figureValueText(c.frozen)} → ${figureValueText(c.now)}${diff}`);
      }
    }
  }
  lines.push(`端末ごと${closed === null ? '' : '（締め時点）'}:`);
  if (shown.byStation.length === 0) lines.push('  （この日の記録はありません）');
  const row = (name: string, handedOver: number, refusals: number) =>
    `  ${name}  ${FIGURE_LABELS.handedOver} ${num(handedOver)}  ${FIGURE_LABELS.refusals} ${num(refusals)}`;
  for (const s of shown.byStation) lines.push(row(names.station(s.stationId), s.handedOver, s.refusals));
  if (shown.byStation.length > 1)
    lines.push(
      row(
        '合計',
        shown.byStation.reduce((a, s) => a + s.handedOver, 0),
        shown.byStation.reduce((a, s) => a + s.refusals, 0),
      ),
    );
  return lines.map((l) => `${l}\n`).join('');
}
