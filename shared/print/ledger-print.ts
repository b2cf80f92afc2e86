// The shipment ledger (各会場送付台帳, 別紙③ 2) as a printable A4 document: address, name and reservation
// management number with its Code128 barcode per row, in the order agreed with the ward (by 町丁目, then
// reservation number; or by reservation number), the header repeated on every page, page numbers, and a
// second copy marked 控え. One HTML+CSS template for Electron's printToPDF and Chromium's page.pdf alike.
// Pure: the barcode encoding is injected (code-128-encoder in main).
import { ASSIGNMENTS } from '../venues/assignment-table';
import { VENUES, type VenueId } from '../venues/venues';
import { escapeHtml as escape, printDocument } from './print-html';
import { tokyoDateTime } from '../tokyo-date';
import { count } from '../numbers';

export interface PrintRow {
  readonly reservationNo: string;
  readonly name: string;
  readonly address: string;
  readonly town: string;
  readonly chome: number | null;
}

export type LedgerOrder = 'town' | 'reservation';

export interface LedgerPrintInput {
  readonly venue: VenueId;
  readonly shipmentId: string;
  readonly rows: readonly PrintRow[];
  readonly order: LedgerOrder;
  /** When it is printed: an ISO timestamp, shown in Tokyo time. */
  readonly printedAt: string;
  /** A Code128 barcode of the text for the `.bc` cell: its characters in the bundled Libre Barcode 128 font (no tags, no style="": the CSP forbids them). */
  readonly barcode: (text: string) => string;
  /** URL of the stylesheet with the bundled Noto Sans JP, or null for system fonts. */
  readonly fontCssHref: string | null;
}

/** Rows per A4 page: fixed row heights make page breaks (and page counts) predictable. */
const ROWS_PER_PAGE = 18;

const TOWN_ORDER = new Map<string, number>();
ASSIGNMENTS.forEach((a, i) => {
  if (!TOWN_ORDER.has(a.town)) TOWN_ORDER.set(a.town, i);
});

export function sortForLedger(rows: readonly PrintRow[], order: LedgerOrder): PrintRow[] {
  const byNo = (a: PrintRow, b: PrintRow) => (a.reservationNo < b.reservationNo ? -1 : a.reservationNo > b.reservationNo ? 1 : 0);
  if (order === 'reservation') return [...rows].sort(byNo);
  return [...rows].sort(
    (a, b) => (TOWN_ORDER.get(a.town) ?? 999) - (TOWN_ORDER.get(b.town) ?? 999) || (a.chome ?? 0) - (b.chome ?? 0) || byNo(a, b),
  );
}

// The page, font and footer come from BASE_CSS; this is the ledger's own header and table.
const CSS = `
header { display: grid; grid-template-columns: 1fr auto; align-items: end; margin-bottom: 3mm; }
h1 { font-size: 15pt; margin: 0; }
.meta { grid-column: 1; font-size: 9pt; }
.copy { grid-column: 2; grid-row: 1 / span 2; border: 2px solid #000; padding: 1mm 4mm; font-size: 14pt; font-weight: 700; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.3mm solid #000; padding: 0.8mm 1.5mm; vertical-align: middle; }
th { background: #eee; font-size: 9pt; }
tr { height: 13mm; break-inside: avoid; }
.n { width: 10mm; text-align: right; } .name { width: 38mm; } .no { width: 52mm; text-align: center; }
.bc { font-family: "Libre Barcode 128"; font-size: 10mm; line-height: 7mm; white-space: pre; text-align: center; }
.txt { font-size: 9pt; letter-spacing: 0.5pt; font-variant-numeric: tabular-nums; }
`;

export function ledgerPageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
}

/** Both copies (正本 then 控え), each paginated on its own, as one HTML document. */
export function ledgerPrintHtml(input: LedgerPrintInput): string {
  const rows = sortForLedger(input.rows, input.order);
  const pages = ledgerPageCount(rows.length);
  const venue = VENUES[input.venue];
  const copy = (label: '正本' | '控え') =>
    Array.from({ length: pages }, (_, p) => {
      const slice = rows.slice(p * ROWS_PER_PAGE, (p + 1) * ROWS_PER_PAGE);
      return `<section class="page">
  <header><h1>各会場送付台帳${label === '控え' ? '（控え）' : ''}</h1>
    <div class="meta">${escape(venue.name)}（${escape(venue.place)}）・出荷 ${escape(input.shipmentId)}・${count(rows.length)}・${escape(tokyoDateTime(input.printedAt))} 印刷</div>
    <div class="copy copy-${label === '控え' ? 'hikae' : 'seihon'}">${label}</div></header>
  <table><thead><tr><th class="n">No.</th><th class="addr">住所</th><th class="name">氏名</th><th class="no">予約管理番号</th></tr></thead>
  <tbody>${slice
    .map(
      (r, i) =>
        `<tr><td class="n">${p * ROWS_PER_PAGE + i + 1}</td><td class="addr">${escape(r.address)}</td><td class="name">${escape(r.name)}</td><td class="no"><div class="bc">${input.barcode(r.reservationNo)}</div><div class="txt">${escape(r.reservationNo)}</div></td></tr>`,
    )
    .join('')}</tbody></table>
  <footer>${label} ${p + 1} / ${pages} ページ</footer>
</section>`;
    }).join('\n');
  return printDocument({
    title: `各会場送付台帳 ${input.shipmentId}`,
    css: CSS,
    body: `${copy('正本')}\n${copy('控え')}`,
    fontCssHref: input.fontCssHref,
  });
}
