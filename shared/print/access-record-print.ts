// 個人情報取扱台帳 on paper: the uses of residents' data the lead's (or HQ's) page shows for one filter (a day, a
// person, a resident), newest first, one line each, for an audit or the ward. Pure: rows come from main.
import type { SiteId } from '../venues/venues';
import { escapeHtml, pageHeaderHtml, printDocument, type StaffOnPaper } from './print-html';
import { tokyoDateTime } from '../tokyo-date';
import { count, num } from '../numbers';
import { flowCss, flowPages, pageSections, type FlowItem } from './page-flow';

export interface AccessRecordPrintRow {
  readonly at: string;
  readonly station: string;
  readonly staff: string;
  readonly staffId: string;
  readonly what: string;
  /** The one resident it was about, or null for a list (see `listed`). */
  readonly subject: string | null;
  /** How many residents a list showed (a search's hits, a print's rows); 0 for a look at one. */
  readonly listed: number;
  readonly note: string;
}

export interface AccessRecordPrintInput {
  /** Whose record: a venue's station, or HQ's own. */
  readonly venue: SiteId;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  readonly fontCssHref: string | null;
  /** The filter in words (2026年12月3日・職員 clerk1), already plain text. */
  readonly filter: string;
  /** More matched than were printed (the newest are printed). */
  readonly capped: boolean;
  readonly rows: readonly AccessRecordPrintRow[];
}

const ROW_MM = 6;
const INFO_MM = 9;
const HEAD = '<tr><th>日時</th><th>端末</th><th>職員</th><th>利用</th><th>対象</th><th>内容</th></tr>';
const CSS = `
.info { line-height: 4.6mm; }
/* 端末 wide enough for 豊洲シビックセンター 窓口2: 窓口1 and 窓口2 must be told apart on paper. */
.acc th:nth-child(1) { width: 27mm; } .acc th:nth-child(2) { width: 44mm; } .acc th:nth-child(3) { width: 34mm; }
.acc th:nth-child(4) { width: 27mm; } .acc th:nth-child(5) { width: 27mm; }
.acc td { font-size: 8.5pt; }
`;

function items(input: AccessRecordPrintInput, rowHtml: (r: AccessRecordPrintRow) => string): FlowItem[] {
  const info = `<div class="info">${escapeHtml(input.filter)}・${count(input.rows.length)}${input.capped ? '（新しい順に印刷。これより前の記録もあります）' : ''}</div>`;
  return [
    { kind: 'block', mm: INFO_MM, html: info },
    { kind: 'table', caption: null, head: HEAD, rows: input.rows.map(rowHtml), rowMm: ROW_MM, className: 'acc' },
  ];
}

const rowOf = (r: AccessRecordPrintRow) =>
  `<tr><td>${escapeHtml(tokyoDateTime(r.at))}</td><td>${escapeHtml(r.station)}</td><td>${escapeHtml(r.staff)}（${escapeHtml(r.staffId)}）</td>` +
  `<td>${escapeHtml(r.what)}</td><td>${escapeHtml(r.subject ?? (r.listed > 0 ? `${num(r.listed)}人分の一覧` : ''))}</td><td>${escapeHtml(r.note)}</td></tr>`;

export function accessRecordPageCount(rows: readonly AccessRecordPrintRow[]): number {
  return flowPages(
    items(
      { venue: 'honchosha', printedAt: '', printedBy: { name: '', staffId: null }, fontCssHref: null, filter: '', capped: false, rows },
      () => '',
    ),
  ).length;
}

export function accessRecordHtml(input: AccessRecordPrintInput): string {
  const flow = items(input, rowOf);
  const header = pageHeaderHtml({
    title: '個人情報取扱台帳',
    venue: input.venue,
    printedAt: input.printedAt,
    printedBy: input.printedBy,
    subtitleHtml: escapeHtml(input.filter),
  });
  return printDocument({
    title: `個人情報取扱台帳 ${input.filter}`,
    css: flowCss(flow) + CSS,
    body: pageSections(flowPages(flow), header),
    fontCssHref: input.fontCssHref,
  });
}
