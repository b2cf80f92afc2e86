// `madoguchi hq report` as text: the ward's figures as every screen and print writes them (1,234, with
// separators), each venue's stations by name (本庁舎 窓口1), and every mismatch in words.
import { VENUE_IDS, VENUES } from '../../shared/venues/venues';
import { count, num } from '../../shared/numbers';
import { FIGURE_LABELS } from '../../shared/glossary';
import { FIGURES, type WardConsolidation } from '../hq/consolidation';
import { tokyoDateTime } from '../../shared/tokyo-date';

/**
 * `asOf` says what the figures are counted up to (text.ts asOfText): a day's end with --date, or everything HQ
 * holds now; a bare date would read as that day's end when it is not.
 */
export function wardReportText(report: WardConsolidation, stationName: (stationId: string) => string, asOf: string): string {
  const figures = (f: Readonly<Record<(typeof FIGURES)[number], number>>) =>
    FIGURES.map((k) => `${FIGURE_LABELS[k]} ${num(f[k])}`).join('  ');
  const lines = [`区全体・${asOf}: ${figures(report.total)}`];
  for (const v of report.venues) {
    const stations =
      v.stations.length === 0
        ? '未登録'
        : v.stations
            .map((s) => `${stationName(s.stationId)}${s.revoked ? `（${tokyoDateTime(s.revoked.at)} 取消済み: ${s.revoked.reason}）` : ''}`)
            .join('、');
    lines.push(`  ${v.name.padEnd(12, '　')} ${figures(v.figures)}  端末 ${stations}`);
  }
  for (const s of report.shipments)
    lines.push(
      `出荷 ${s.shipmentId}: ${FIGURE_LABELS.shipped} ${count(s.shipped, '枚')}（${VENUE_IDS.map((v) => `${VENUES[v].name} ${count(s.shippedToVenues[v], '枚')}`).join('、')}）  J-LIS 受領 ${s.jlisCards === null ? '未記録' : count(s.jlisCards, '枚')}`,
    );
  lines.push(
    report.mismatches.length === 0
      ? 'すべて一致しています'
      : `要確認 ${count(report.mismatches.length)}:\n${report.mismatches.map((m) => `  ${m}`).join('\n')}`,
  );
  return lines.join('\n') + '\n';
}
