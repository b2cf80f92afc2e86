// 返戻リスト: the cards nobody collected, sent back to HQ (事務センター) in one batch. Each row carries the
// reservation number as a Code128 barcode so HQ can scan the list against the box; the list prints twice,
// 正本 (goes with the box) then 控え (the venue keeps it), each with signature boxes for who sent and who
// received. Pure: the barcode encoding is injected (code-128-encoder in main).
import type { VenueId } from '../venues/venues';
import { escapeHtml, pageHeaderHtml, printDocument, staffHtml, type StaffOnPaper } from './print-html';
import { dayText, tokyoDateTime } from '../tokyo-date';
import { count } from '../numbers';
import { flowCss, flowPages, pageSections, type FlowItem } from './page-flow';

export interface ReturnListRow {
  readonly reservationNo: string;
  readonly name: string;
  readonly address: string;
  /** YYYY-MM-DD; printed as 2026年12月2日. */
  readonly shippedOn: string;
  readonly deadline: string;
}

export interface ReturnListPrintInput {
  readonly venue: VenueId;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  readonly fontCssHref: string | null;
  /** 返戻番号 as people say it (20261202-1), not the batch's internal id. */
  readonly number: string;
  /** The station that recorded it, in words (本庁舎 窓口1). */
  readonly recordedAtStation: string;
  /** When and by whom the return was recorded (ISO timestamp; the lead by name). */
  readonly recordedAt: string;
  readonly recordedBy: StaffOnPaper;
  readonly reason: string;
  /** A Code128 barcode of the text for the `.bc` cell: its characters in the bundled Libre Barcode 128 font (no tags, no style="": the CSP forbids them). */
  readonly barcode: (text: string) => string;
  readonly rows: readonly ReturnListRow[];
}

const ROW_MM = 13;
const INFO_MM = 17;
const SIGN_MM = 42;
const HEAD = '<tr><th class="num">No.</th><th>予約管理番号</th><th>氏名</th><th>住所</th><th>発送日</th><th>受取期限</th></tr>';

const CSS = `
.info { border: 0.3mm solid #000; padding: 1.5mm 3mm; line-height: 4.6mm; }
.info .count { font-weight: 700; font-size: 11pt; }
/* A day reads 2026年11月30日 (22.3 mm at 8.5pt): its columns fit it on one line. */
.ret th:nth-child(1) { width: 10mm; } .ret th:nth-child(2) { width: 50mm; } .ret th:nth-child(3) { width: 30mm; } .ret th:nth-child(n+5) { width: 26mm; }
.ret td.date { font-size: 8.5pt; text-overflow: clip; }
.ret td.no { text-align: center; padding: 0.6mm 1mm; }
.bc { font-family: "Libre Barcode 128"; font-size: 10mm; line-height: 6.5mm; white-space: pre; text-align: center; }
.txt { font-size: 9pt; letter-spacing: 0.5pt; font-variant-numeric: tabular-nums; line-height: 4mm; }
.ret td.wrap > div { font-size: 9pt; line-height: 4mm; }
.sign .total { font-size: 12pt; font-weight: 700; height: 9mm; line-height: 9mm; }
.sign .boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.sign .box { border: 0.4mm solid #000; height: 30mm; padding: 1.5mm 3mm; line-height: 6.5mm; }
.sign .box .who { font-weight: 700; }
`;

function items(input: ReturnListPrintInput, rowHtml: (r: ReturnListRow, i: number) => string): FlowItem[] {
  const total = input.rows.length;
  const info = `<div class="info"><div>返戻番号 ${escapeHtml(input.number)}・記録 ${escapeHtml(tokyoDateTime(input.recordedAt))} ${escapeHtml(input.recordedAtStation)} ${staffHtml(input.recordedBy)}</div>
<div>理由 ${escapeHtml(input.reason)}</div><div class="count">返戻件数 ${count(total)}</div></div>`;
  const box = (who: string) =>
    `<div class="box"><div class="who">${who}</div><div>日付　　　年　　月　　日</div><div>氏名</div><div>印</div></div>`;
  const sign = `<div class="sign"><div class="total">合計 ${count(total)}</div><div class="boxes">${box('送付者（会場）')}${box('受領者（事務センター）')}</div></div>`;
  return [
    { kind: 'block', mm: INFO_MM, html: info },
    {
      kind: 'table',
      caption: null,
      head: HEAD,
      rows: input.rows.map(rowHtml),
      rowMm: ROW_MM,
      className: 'ret',
    },
    { kind: 'block', mm: SIGN_MM, html: sign },
  ];
}

/** Pages of ONE copy; the document holds two (正本 and 控え), so it prints twice this many sheets. */
export function returnListPageCount(rows: number): number {
  const NOBODY = { name: '', staffId: null };
  const blank: ReturnListRow = { reservationNo: '', name: '', address: '', shippedOn: '', deadline: '' };
  const input: ReturnListPrintInput = {
    venue: 'honchosha',
    printedAt: '',
    printedBy: NOBODY,
    fontCssHref: null,
    number: '',
    recordedAtStation: '',
    recordedAt: '',
    recordedBy: NOBODY,
    reason: '',
    barcode: () => '',
    rows: Array.from({ length: rows }, () => blank),
  };
  return flowPages(items(input, () => '')).length;
}

export function returnListHtml(input: ReturnListPrintInput): string {
  const row = (r: ReturnListRow, i: number) =>
    `<tr><td class="num">${i + 1}</td><td class="no"><div class="bc">${input.barcode(r.reservationNo)}</div><div class="txt">${escapeHtml(r.reservationNo)}</div></td>` +
    `<td class="wrap"><div>${escapeHtml(r.name)}</div></td><td class="wrap"><div>${escapeHtml(r.address)}</div></td>` +
    `<td class="date">${escapeHtml(dayText(r.shippedOn))}</td><td class="date">${escapeHtml(dayText(r.deadline))}</td></tr>`;
  const flow = items(input, row);
  // The same rows, barcodes and all, appear in both copies: draw them once.
  const pages = flowPages(flow);
  const copy = (label: '正本' | '控え') =>
    pageSections(
      pages,
      pageHeaderHtml({
        title: label === '控え' ? '返戻リスト（控え・会場保管）' : '返戻リスト',
        venue: input.venue,
        printedAt: input.printedAt,
        printedBy: input.printedBy,
        subtitleHtml: `返戻番号 ${escapeHtml(input.number)}・${count(input.rows.length)}`,
        copy: label,
      }),
      label,
    );
  return printDocument({
    title: `返戻リスト ${input.number}`,
    css: flowCss(flow) + CSS,
    body: `${copy('正本')}\n${copy('控え')}`,
    fontCssHref: input.fontCssHref,
  });
}
