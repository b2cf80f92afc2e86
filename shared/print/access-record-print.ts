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
const CSS = `
.info { line-height: 4.6mm; }
/* 日時 wide enough for its minutes (27 mm cut 22:04 to 22:…); 端末 for 豊洲シビックセンター 窓口2: 窓口1 and 窓口2
   must be told apart on paper; 職員 for 会場　責任者（lead1）. */
.acc th:nth-child(1) { width: 30mm; } .acc th:nth-child(2) { width: 44mm; } .acc th:nth-child(3) { width: 36mm; }
.acc th:nth-child(4) { width: 25mm; } .acc th:nth-child(5) { width: 24mm; }
/* HQ's record has one station, named in the header: 内容 gets its width (送付台帳（豊洲シビックセンター）). */
.acc-hq th:nth-child(1) { width: 30mm; } .acc-hq th:nth-child(2) { width: 46mm; } .acc-hq th:nth-child(3) { width: 25mm; }
.acc-hq th:nth-child(4) { width: 24mm; }
.acc td, .acc-hq td { font-size: 8.5pt; }
`;

const cell = (text: string) => `<td>${escapeHtml(text)}</td>`;

/** The row's cells; HQ's print leaves out 端末, the same 事務センター on every row. */
function cells(r: AccessRecordPrintRow, withStation: boolean): string {
  const listed = r.subject ?? (r.listed > 0 ? `${num(r.listed)}人分の一覧` : '');
  return [tokyoDateTime(r.at), ...(withStation ? [r.station] : []), `${r.staff}（${r.staffId}）`, r.what, listed, r.note]
    .map(cell)
    .join('');
}

function items(input: AccessRecordPrintInput, rowHtml: (r: AccessRecordPrintRow) => string): FlowItem[] {
  const withStation = input.venue !== 'hq';
  const head = `<tr><th>日時</th>${withStation ? '<th>端末</th>' : ''}<th>職員</th><th>利用</th><th>対象</th><th>内容</th></tr>`;
  const info = `<div class="info">${escapeHtml(input.filter)}・${count(input.rows.length)}${input.capped ? '（新しい順に印刷。これより前の記録もあります）' : ''}</div>`;
  return [
    { kind: 'block', mm: INFO_MM, html: info },
    { kind: 'table', caption: null, head, rows: input.rows.map(rowHtml), rowMm: ROW_MM, className: withStation ? 'acc' : 'acc-hq' },
  ];
}

export function accessRecordPageCount(rows: readonly AccessRecordPrintRow[]): number {
  return flowPages(
    items(
      { venue: 'honchosha', printedAt: '', printedBy: { name: '', staffId: null }, fontCssHref: null, filter: '', capped: false, rows },
      () => '',
    ),
  ).length;
}

export function accessRecordHtml(input: AccessRecordPrintInput): string {
  const flow = items(input, (r) => `<tr>${cells(r, input.venue !== 'hq')}</tr>`);
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
