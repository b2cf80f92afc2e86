// 日報: one venue's business day on paper. Whether the day is closed (締め済み, with the figures frozen at
// that moment) or not (未締め, figures as of printing); the reconciliation figures and the two invariants
// written out with their numbers; every figure that moved after the close, marked 締め後の訂正, never
// silently replacing the frozen one; per station and per shipment; the cards that break the invariants;
// and handovers per 30 minutes. One copy.
import type { VenueId } from '../venues/venues';
import { formatWareki } from '../roster/japanese-date';
import { escapeHtml, pageHeaderHtml, printDocument, staffHtml, type StaffOnPaper } from './print-html';
import { dayText, tokyoDateTime } from '../tokyo-date';
import { flowCss, flowPages, pageSections, type FlowItem } from './page-flow';
import { count, num as plain } from '../numbers';
import {
  breakReasonLabel,
  FIGURE_LABELS,
  FIGURE_ORDER,
  figureLabel,
  figureValueText,
  INVARIANTS,
  invariantText,
  type FigureKey,
} from '../glossary';
import { halfHourChartSvg } from './half-hour-chart';
import type { DayFiguresView } from '../ipc/contract/reconciliation';

export { halfHourChartSvg } from './half-hour-chart';

/** A day's figures as frozen at its close or computed now: one shape, the contract's. */
export type DayFigures = DayFiguresView;

interface ShipmentFigures {
  readonly shipmentId: string;
  readonly shipped: number;
  readonly received: number;
  readonly notReceived: number;
  readonly handedOver: number;
  readonly outstanding: number;
  readonly returned: number;
  readonly refusals: number;
  readonly damaged: number;
  readonly holds: boolean;
}

export interface DailyReportPrintInput {
  readonly venue: VenueId;
  /** The business day, YYYY-MM-DD (Tokyo). */
  readonly date: string;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  readonly fontCssHref: string | null;
  /** The close: when (ISO), by whom (the lead by name) and the figures frozen then; null if not closed. */
  readonly closed: { readonly at: string; readonly by: StaffOnPaper; readonly figures: DayFigures } | null;
  /** The same day recomputed now. */
  readonly current: DayFigures;
  readonly correctedSinceClose: readonly { readonly figure: string; readonly frozen: number | boolean; readonly now: number | boolean }[];
  readonly shipments: readonly ShipmentFigures[];
  readonly breakers: readonly { readonly reservationNo: string; readonly reason: string }[];
  /** Each station in words (本庁舎 窓口1), by id: the paper names stations as the screens do. */
  readonly stationNames: Readonly<Record<string, string>>;
  /** 48 slots: handovers per 30 minutes (index*30 minutes after Tokyo midnight), all stations. */
  readonly halfHours: readonly number[];
}

const STATUS_MM = 13;
const FIGURES_MM = 24;
const INVARIANTS_MM = 26;
const CHART_MM = 58;
const NONE_MM = 8;
const ROW_MM = 6.5;

const SHIPMENT_COLUMNS: readonly Exclude<FigureKey, 'holds'>[] = [
  'shipped',
  'received',
  'notReceived',
  'handedOver',
  'outstanding',
  'returned',
  'refusals',
  'damaged',
];

const CSS = `
.status { border: 0.4mm solid #000; padding: 1mm 3mm; height: 100%; line-height: 5mm; }
.status .state { font-weight: 700; font-size: 11pt; }
.cap { height: 7mm; line-height: 7mm; font-weight: 700; font-size: 10.5pt; }
.figs { width: 100%; border-collapse: collapse; table-layout: fixed; }
.figs th, .figs td { border: 0.3mm solid #000; text-align: center; padding: 0 0.5mm; }
.figs th { background: #eee; font-size: 8pt; height: 7mm; }
.figs td { font-size: 12pt; font-weight: 700; height: 9mm; }
.figs .bad, .inv .bad { text-decoration: underline; }
.mark { font-size: 8pt; font-weight: 400; }
.inv .line { height: 6mm; line-height: 6mm; display: grid; grid-template-columns: 62mm 1fr 30mm; }
.inv .eq { font-variant-numeric: tabular-nums; font-size: 10.5pt; }
.inv .ok { font-weight: 700; }
.none { height: 100%; line-height: ${NONE_MM}mm; }
.chart svg { display: block; }
.ship th { font-size: 7.5pt; white-space: normal; line-height: 3mm; }
/* A shipment id is an id to be read whole (DEMO-2026-12-03-2 is another shipment than DEMO-2026-12-03): room for
   24 characters in a narrower face, never cut off. */
.ship th:first-child { width: 46mm; }
.ship td:first-child { font-size: 8.5pt; letter-spacing: 0; }
.sta th:first-child { width: 60mm; }
.brk th:first-child { width: 50mm; }
.brk td:first-child { font-variant-numeric: tabular-nums; letter-spacing: 0.5pt; }
.corr th:first-child { width: 50mm; } .corr th:last-child { width: 30mm; }
tr.sum td { font-weight: 700; }
`;

const num = (v: number | boolean | undefined) => escapeHtml(figureValueText(v));
/** A change between two counts, signed: +3, -1,234. */
const signed = (d: number) => `${d > 0 ? '+' : ''}${plain(d)}`;

function invariantLine(formula: string, left: number | undefined, right: readonly (number | undefined)[]): string {
  const known = left !== undefined && right.every((v) => v !== undefined);
  const sum = right.reduce<number>((a, v) => a + (v ?? 0), 0);
  const holds = known && left === sum;
  const verdict = !known ? '判定できません' : holds ? '成立' : `不成立（差 ${signed(left - sum)}）`;
  return `<div class="line"><div>${formula}</div><div class="eq">${num(left)} = ${right.map(num).join(' + ')}</div><div class="ok${holds ? '' : ' bad'}">${verdict}</div></div>`;
}

function items(input: DailyReportPrintInput): FlowItem[] {
  const shown = input.closed?.figures ?? input.current;
  const t = shown.totals;
  const figure = (k: FigureKey): number | undefined => (typeof t[k] === 'number' ? (t[k] as number) : undefined);
  const corrected = new Set(input.closed === null ? [] : input.correctedSinceClose.map((c) => c.figure));
  const out: FlowItem[] = [];

  const status =
    input.closed === null
      ? `<div class="state">締め: 未締め</div><div>この日はまだ締めていません。下の数字は印刷時点（${escapeHtml(tokyoDateTime(input.printedAt))}）の集計です。</div>`
      : `<div class="state">締め: 締め済み ${escapeHtml(tokyoDateTime(input.closed.at))}・${staffHtml(input.closed.by)}</div><div>下の数字は締めた時点で固定した値です。締めた後に変わった数字は「締め後の訂正」に示します。</div>`;
  out.push({ kind: 'block', mm: STATUS_MM, html: `<div class="status">${status}</div>` });

  const figCell = (k: FigureKey) => {
    const v = t[k];
    const bad = k === 'holds' && v !== true;
    return `<td${bad ? ' class="bad"' : ''}>${num(v)}${corrected.has(k) ? '<span class="mark"> ※</span>' : ''}</td>`;
  };
  out.push({
    kind: 'block',
    mm: FIGURES_MM,
    html: `<div class="cap">${input.closed === null ? '集計（印刷時点）' : '集計（締め時点）'}${corrected.size > 0 ? '<span class="mark">　※ 締め後の訂正あり</span>' : ''}</div>
<table class="figs"><tr>${FIGURE_ORDER.map((k) => `<th>${escapeHtml(FIGURE_LABELS[k])}</th>`).join('')}</tr><tr>${FIGURE_ORDER.map(figCell).join('')}</tr></table>`,
  });

  const L = FIGURE_LABELS;
  // 全体の整合 is the shown figures' own verdict (frozen at close, if closed). The cards breaking it are always
  // today's: for a closed day, a change since shows up as a correction of 整合 as well.
  const allHold = t.holds === true && (input.closed !== null || input.breakers.length === 0);
  const breakNote =
    input.breakers.length === 0
      ? ''
      : `${input.closed === null ? '' : '印刷時点で'}整合を崩している番号 ${count(input.breakers.length)}（下の一覧）`;
  out.push({
    kind: 'block',
    mm: INVARIANTS_MM,
    html: `<div class="inv"><div class="cap">整合の確認</div>
${INVARIANTS.map((inv) => invariantLine(escapeHtml(invariantText(inv)), figure(inv.left), inv.right.map(figure))).join('\n')}
<div class="line"><div>全体の${L.holds}</div><div>${escapeHtml(breakNote)}</div><div class="ok${allHold ? '' : ' bad'}">${allHold ? '成立' : '不成立'}</div></div></div>`,
  });

  if (input.closed !== null) {
    if (input.correctedSinceClose.length === 0)
      out.push({
        kind: 'block',
        mm: NONE_MM,
        html: '<div class="none"><b>締め後の訂正</b>: なし（締めた時点から数字は変わっていません）</div>',
      });
    else {
      const rank = (f: string) => {
        const i = (FIGURE_ORDER as readonly string[]).indexOf(f);
        return i < 0 ? FIGURE_ORDER.length : i;
      };
      const diff = (a: number | boolean, b: number | boolean) => (typeof a === 'number' && typeof b === 'number' ? signed(b - a) : '—');
      out.push({
        kind: 'table',
        caption: '締め後の訂正（締めた後に変わった数字: 締め時点 → 現在）',
        head: '<tr><th>項目</th><th>締め時点 → 現在</th><th class="num">差</th></tr>',
        rows: [...input.correctedSinceClose]
          .sort((a, b) => rank(a.figure) - rank(b.figure))
          .map(
            (c) =>
              `<tr><td>${escapeHtml(figureLabel(c.figure))}</td><td>${num(c.frozen)} → ${num(c.now)}</td><td class="num">${diff(c.frozen, c.now)}</td></tr>`,
          ),
        rowMm: ROW_MM,
        className: 'corr',
      });
    }
  }

  const total = input.halfHours.reduce((a, v) => a + (Number.isFinite(v) && v > 0 ? Math.round(v) : 0), 0);
  out.push({
    kind: 'block',
    mm: CHART_MM,
    html: `<div class="chart"><div class="cap">30分ごとの交付件数（全端末・合計 ${count(total)}）</div>${halfHourChartSvg(input.halfHours)}</div>`,
  });

  const stations = shown.byStation;
  const sum = (f: (s: (typeof stations)[number]) => number) => stations.reduce((a, s) => a + f(s), 0);
  out.push({
    kind: 'table',
    caption: `端末ごと${input.closed === null ? '' : '（締め時点）'}`,
    head: `<tr><th>端末</th><th class="num">${L.handedOver}</th><th class="num">${L.refusals}</th></tr>`,
    rows: [
      ...stations.map(
        (s) =>
          `<tr><td>${escapeHtml(input.stationNames[s.stationId] ?? s.stationId)}</td><td class="num">${num(s.handedOver)}</td><td class="num">${num(s.refusals)}</td></tr>`,
      ),
      `<tr class="sum"><td>合計</td><td class="num">${num(sum((s) => s.handedOver))}</td><td class="num">${num(sum((s) => s.refusals))}</td></tr>`,
    ],
    rowMm: ROW_MM,
    className: 'sta',
  });

  if (input.shipments.length > 0)
    out.push({
      kind: 'table',
      caption: '出荷ごと',
      head: `<tr><th>出荷</th>${SHIPMENT_COLUMNS.map((k) => `<th class="num">${L[k]}</th>`).join('')}<th>${L.holds}</th></tr>`,
      rows: input.shipments.map(
        (s) =>
          `<tr><td>${escapeHtml(s.shipmentId)}</td>${SHIPMENT_COLUMNS.map((k) => `<td class="num">${num(s[k])}</td>`).join('')}<td>${num(s.holds)}</td></tr>`,
      ),
      rowMm: ROW_MM,
      className: 'ship',
    });

  if (input.breakers.length > 0)
    out.push({
      kind: 'table',
      caption: `整合を崩している番号（${input.closed === null ? '' : '印刷時点・'}${count(input.breakers.length)}）`,
      head: '<tr><th>予約管理番号</th><th>理由</th></tr>',
      rows: input.breakers.map((b) => `<tr><td>${escapeHtml(b.reservationNo)}</td><td>${escapeHtml(breakReasonLabel(b.reason))}</td></tr>`),
      rowMm: ROW_MM,
      className: 'brk',
    });
  return out;
}

/** Pages of the report: they depend on how many corrections, stations, shipments and breakers there are. */
export function dailyReportPageCount(input: DailyReportPrintInput): number {
  return flowPages(items(input)).length;
}

/** What the report is called on screen, in the PDF's name and in its <title>: 日報 2026年12月2日. */
export function dailyReportTitle(date: string): string {
  return `日報 ${dayText(date)}`;
}

export function dailyReportHtml(input: DailyReportPrintInput): string {
  const flow = items(input);
  const day = formatWareki(input.date) ?? input.date;
  const header = pageHeaderHtml({
    title: '日報',
    venue: input.venue,
    printedAt: input.printedAt,
    printedBy: input.printedBy,
    subtitleHtml: `${escapeHtml(day)}（${escapeHtml(dayText(input.date))}）`,
  });
  return printDocument({
    title: dailyReportTitle(input.date),
    css: flowCss(flow) + CSS,
    body: pageSections(flowPages(flow), header),
    fontCssHref: input.fontCssHref,
  });
}
