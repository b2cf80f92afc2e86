// Pagination by arithmetic, not by the browser: every piece of a printed document has a fixed height in mm
// (fixed blocks, and tables with a fixed caption, header and row height), and pieces are packed onto pages
// here. So the page count is known before printing (the ...PageCount functions), a table split over pages
// repeats its caption and header, and Chromium never breaks a page on its own.
import { FOOTER_MM, HEADER_MM, PAGE_MM, pageFooterHtml } from './print-html';

/** A piece that never splits: its HTML must fit in `mm` (it is clipped, never stretched). */
interface FlowBlock {
  readonly kind: 'block';
  readonly mm: number;
  readonly html: string;
}

/** A table that splits between rows; each part repeats the caption (marked 続き) and the header row. */
interface FlowTable {
  readonly kind: 'table';
  readonly caption: string | null;
  /** The <tr> of the header, escaped HTML. */
  readonly head: string;
  /** One <tr> per row, escaped HTML. Cells that may wrap put their text in a <div> (clipped to the row). */
  readonly rows: readonly string[];
  readonly rowMm: number;
  /** Class for the template's column widths. */
  readonly className: string;
}

export type FlowItem = FlowBlock | FlowTable;

const CAPTION_MM = 7;
const TABLE_HEAD_MM = 7;
/** Space after every piece. */
const GAP_MM = 3;
/** Below the header, above the first piece. */
const BODY_TOP_MM = 3;
/** Held back from every page, so a fraction of a mm of rounding per row never adds up to an extra sheet. */
const SLACK_MM = 6;
const BODY_MM = PAGE_MM - HEADER_MM - FOOTER_MM - BODY_TOP_MM - SLACK_MM;

const EPS = 1e-6;
const tenths = (mm: number) => Math.round(mm * 10);

/** The pieces on each page, as HTML (at least one page, even for nothing). */
export function flowPages(items: readonly FlowItem[]): string[][] {
  const pages: string[][] = [[]];
  let used = 0;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  const place = (html: string, mm: number) => {
    pages[pages.length - 1]!.push(html);
    used += mm + GAP_MM;
  };
  for (const item of items) {
    if (item.kind === 'block') {
      if (used > 0 && used + item.mm > BODY_MM + EPS) newPage();
      place(`<div class="fb fb-${tenths(item.mm)}">${item.html}</div>`, item.mm);
      continue;
    }
    const fixed = (item.caption === null ? 0 : CAPTION_MM) + TABLE_HEAD_MM;
    let from = 0;
    do {
      const fit = Math.floor((BODY_MM - used - fixed + EPS) / item.rowMm);
      // A caption and header never end a page on their own: at least one row goes with them.
      if (fit < Math.min(1, item.rows.length) && used > 0) {
        newPage();
        continue;
      }
      const n = Math.max(Math.min(fit, item.rows.length - from), Math.min(1, item.rows.length - from));
      const caption = item.caption === null ? '' : `<div class="ft-cap">${item.caption}${from > 0 ? '（続き）' : ''}</div>`;
      place(
        `<div class="ft ft-r${tenths(item.rowMm)} ${item.className}">${caption}<table><thead>${item.head}</thead><tbody>${item.rows.slice(from, from + n).join('')}</tbody></table></div>`,
        fixed + n * item.rowMm,
      );
      from += n;
      if (from < item.rows.length) newPage();
    } while (from < item.rows.length);
  }
  return pages;
}

/** CSS for the heights the items use, so the mm in the items and on paper are the same numbers. */
export function flowCss(items: readonly FlowItem[]): string {
  const blocks = new Set<number>();
  const rows = new Set<number>();
  for (const i of items) (i.kind === 'block' ? blocks : rows).add(tenths(i.kind === 'block' ? i.mm : i.rowMm));
  return `
.body { padding-top: ${BODY_TOP_MM}mm; }
.fb, .ft { margin-bottom: ${GAP_MM}mm; }
.fb { overflow: hidden; }
.ft-cap { height: ${CAPTION_MM}mm; line-height: ${CAPTION_MM}mm; font-weight: 700; font-size: 10.5pt; overflow: hidden; }
.ft table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.ft th, .ft td { border: 0.3mm solid #000; padding: 0 1.5mm; vertical-align: middle; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.ft th { background: #eee; font-size: 9pt; font-weight: 700; }
.ft thead tr { height: ${TABLE_HEAD_MM}mm; }
.ft td.wrap { white-space: normal; }
.ft td.num, .ft th.num { text-align: right; }
${[...blocks].map((t) => `.fb-${t} { height: ${t / 10}mm; }`).join('\n')}
${[...rows].map((t) => `.ft-r${t} tbody tr { height: ${t / 10}mm; } .ft-r${t} td > div { max-height: ${t / 10 - 0.8}mm; overflow: hidden; }`).join('\n')}
`;
}

/** The pages as <section>s, each with the same header and its own 'n / N ページ' footer. */
export function pageSections(pages: readonly (readonly string[])[], headerHtml: string, copy?: '正本' | '控え'): string {
  return pages
    .map(
      (p, i) =>
        `<section class="page">${headerHtml}<div class="body">${p.join('\n')}</div>${pageFooterHtml(i + 1, pages.length, copy)}</section>`,
    )
    .join('\n');
}
