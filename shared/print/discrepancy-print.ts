// 受領確認 差異報告書: when the cards scanned out of a shipment's box differ from the ledger, the venue lead
// reports every difference (a card missing from the box, or one in it that should not be) with its reason,
// and signs. One copy; the header repeats on every page and the signature box closes the report.
import type { VenueId } from '../venues/venues';
import { escapeHtml, pageHeaderHtml, printDocument, staffHtml, type StaffOnPaper } from './print-html';
import { tokyoDateTime } from '../tokyo-date';
import { count } from '../numbers';
import { flowCss, flowPages, pageSections, type FlowItem } from './page-flow';
import { RECEIPT_CHECK_LABELS as R, unexpectedKindLabel, type DifferenceReason } from '../glossary';

type DifferenceKind = 'missing' | 'unexpected';

export interface DiscrepancyRow {
  readonly code: string;
  readonly kind: DifferenceKind;
  readonly reason: DifferenceReason;
  readonly memo: string;
  /** From the ledger; null for a scanned code the ledger does not hold for this shipment. */
  readonly name: string | null;
  readonly address: string | null;
  /** Why a scanned card was unexpected: other-shipment | other-venue | not-in-ledger | malformed. */
  readonly unexpectedKind: string | null;
}

export interface DiscrepancyPrintInput {
  readonly venue: VenueId;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  readonly fontCssHref: string | null;
  readonly shipmentId: string;
  /** The check's id in the event log (rc-…): printed small, for support, never as what people read it by. */
  readonly checkId: string;
  /** Null while the check is still open (the report is then a draft). */
  readonly closedAt: string | null;
  readonly closedBy: StaffOnPaper | null;
  readonly shipped: number;
  readonly scanned: number;
  readonly differences: readonly DiscrepancyRow[];
}

const ROW_MM = 11;
const INFO_MM = 14;
const SUMMARY_MM = 16;
const SIGN_MM = 36;
const HEAD = '<tr><th>区分</th><th>予約管理番号</th><th>氏名</th><th>住所</th><th>理由</th><th>メモ</th></tr>';

const CSS = `
.info { line-height: 5mm; }
.info .ref { font-size: 7pt; line-height: 3.5mm; }
.summary { display: grid; grid-template-columns: repeat(4, 1fr); border: 0.4mm solid #000; height: 100%; }
.summary > div { border-left: 0.3mm solid #000; display: flex; justify-content: center; align-items: baseline; gap: 2mm; line-height: ${SUMMARY_MM - 1}mm; }
.summary > div:first-child { border-left: none; }
.summary .k { font-size: 10pt; } .summary .v { font-size: 14pt; font-weight: 700; }
.summary .bad .v { text-decoration: underline; }
.diff th:nth-child(1) { width: 24mm; } .diff th:nth-child(2) { width: 29mm; } .diff th:nth-child(3) { width: 28mm; }
.diff th:nth-child(5) { width: 15mm; } .diff th:nth-child(6) { width: 38mm; }
.diff td > div { font-size: 8.5pt; line-height: 3.4mm; }
.diff td.code { font-variant-numeric: tabular-nums; letter-spacing: 0.5pt; }
.diff .kind { font-weight: 700; } .diff .sub { font-size: 7.5pt; line-height: 3.2mm; }
.none { border: 0.3mm solid #000; padding: 1mm 3mm; line-height: 6mm; }
.sign { display: grid; grid-template-columns: 1fr 80mm; gap: 4mm; height: 100%; }
.sign .note { font-size: 9pt; line-height: 5mm; padding-top: 2mm; }
.sign .box { border: 0.4mm solid #000; padding: 1.5mm 3mm; line-height: 6.5mm; }
.sign .who { font-weight: 700; }
`;

function kindCell(d: DiscrepancyRow): string {
  if (d.kind === 'missing') return `<div class="kind">${R.missing}</div><div class="sub">箱になかった</div>`;
  const sub = d.unexpectedKind === null ? '' : unexpectedKindLabel(d.unexpectedKind);
  return `<div class="kind">${R.unexpected}</div><div class="sub">${escapeHtml(sub)}</div>`;
}

function items(input: DiscrepancyPrintInput, rowHtml: (d: DiscrepancyRow) => string): FlowItem[] {
  const missing = input.differences.filter((d) => d.kind === 'missing').length;
  const unexpected = input.differences.length - missing;
  const state =
    input.closedAt === null
      ? '確認中（未終了: この報告書は下書きです）'
      : `確認終了 ${escapeHtml(tokyoDateTime(input.closedAt))}${input.closedBy === null ? '' : ` ${staffHtml(input.closedBy)}`}`;
  const cell = (k: string, v: string, bad = false) =>
    `<div${bad ? ' class="bad"' : ''}><div class="k">${k}</div><div class="v">${v}</div></div>`;
  const sign = `<div class="sign"><div class="note">上記のとおり、出荷 ${escapeHtml(input.shipmentId)} の受領確認で差異を確認しました。</div>
<div class="box"><div class="who">確認者</div><div>日付　　　年　　月　　日</div><div>氏名</div><div>印</div></div></div>`;
  return [
    {
      kind: 'block',
      mm: INFO_MM,
      // People know a check by its shipment, when it ended and who did it; the check's id (rc-…) only ties the
      // paper to the event log, so it is printed small, as a reference for support.
      html: `<div class="info"><div>出荷 ${escapeHtml(input.shipmentId)} の受領確認</div><div>${state}</div><div class="ref">記録の参照番号 ${escapeHtml(input.checkId)}</div></div>`,
    },
    {
      kind: 'block',
      mm: SUMMARY_MM,
      html: `<div class="summary">${cell(R.shipped, count(input.shipped))}${cell(R.scanned, count(input.scanned))}${cell(R.missing, count(missing), missing > 0)}${cell(R.unexpected, count(unexpected), unexpected > 0)}</div>`,
    },
    input.differences.length === 0
      ? { kind: 'block', mm: 8, html: '<div class="none">差異はありません。</div>' }
      : { kind: 'table', caption: '差異の一覧', head: HEAD, rows: input.differences.map(rowHtml), rowMm: ROW_MM, className: 'diff' },
    { kind: 'block', mm: SIGN_MM, html: sign },
  ];
}

/** Pages of the report for a number of differences. */
export function discrepancyPageCount(rows: number): number {
  const blank: DiscrepancyRow = { code: '', kind: 'missing', reason: 'その他', memo: '', name: null, address: null, unexpectedKind: null };
  const input: DiscrepancyPrintInput = {
    venue: 'honchosha',
    printedAt: '',
    printedBy: { name: '', staffId: null },
    fontCssHref: null,
    shipmentId: '',
    checkId: '',
    closedAt: null,
    closedBy: null,
    shipped: 0,
    scanned: 0,
    differences: Array.from({ length: rows }, () => blank),
  };
  return flowPages(items(input, () => '')).length;
}

export function discrepancyReportHtml(input: DiscrepancyPrintInput): string {
  const row = (d: DiscrepancyRow) =>
    `<tr><td>${kindCell(d)}</td><td class="code">${escapeHtml(d.code)}</td><td class="wrap"><div>${escapeHtml(d.name ?? '—')}</div></td>` +
    `<td class="wrap"><div>${escapeHtml(d.address ?? '—')}</div></td><td>${escapeHtml(d.reason)}</td><td class="wrap"><div>${escapeHtml(d.memo)}</div></td></tr>`;
  const flow = items(input, row);
  const header = pageHeaderHtml({
    title: '受領確認 差異報告書',
    venue: input.venue,
    printedAt: input.printedAt,
    printedBy: input.printedBy,
    subtitleHtml: `出荷 ${escapeHtml(input.shipmentId)}`,
  });
  return printDocument({
    title: `受領確認 差異報告書 ${input.shipmentId}`,
    css: flowCss(flow) + CSS,
    body: pageSections(flowPages(flow), header),
    fontCssHref: input.fontCssHref,
  });
}
