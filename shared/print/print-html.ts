// What every printed document shares: escaping, the A4 page and font stack, the page frame (header with
// title, venue and who printed it; footer with the page number) and the document wrapper.
// Documents are served under a CSP whose style-src admits the one <style> block by its hash: so all CSS sits
// in that one block, and no template emits <script> or a style="" attribute (SVG presentation attributes
// such as fill= are not styles and are fine).
import { siteName, VENUES, type SiteId } from '../venues/venues';
import { tokyoDateTime } from '../tokyo-date';

/**
 * A staff member on paper: the display name people know (会場　責任者), and the staff id printed small beside
 * it, because the event log and the access record name staff by id and an auditor matches the paper to them.
 * staffId is null when the name already says the id (an account this station does not know: `clerk1（窓口職員）`).
 */
export interface StaffOnPaper {
  readonly name: string;
  readonly staffId: string | null;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values alike: every name, address and memo goes through this. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The app's bundled Noto Sans JP first (fontCssHref declares it), then the system's CJK fonts, so a
 * printout looks the same on every station and still prints if the bundled font is missing.
 */
// No `monospace` anywhere: on the build machine the system's is a CFF CJK font, which Chromium's PDF output
// embeds as slow Type 3 glyphs; numbers use the bundled font's tabular figures instead.
const FONT_STACK = '"Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic", YuGothic, "Hiragino Sans", Meiryo, sans-serif';

// Page geometry in mm. A4 is 297 mm tall; the margins leave 275 mm, and a page section is a little shorter
// so rounding in Chromium's layout never pushes a section onto a second sheet.
export const PAGE_MM = 273;
export const HEADER_MM = 22;
export const FOOTER_MM = 7;

const BASE_CSS = `
@page { size: A4; margin: 10mm 10mm 12mm 10mm; }
html { font-family: ${FONT_STACK}; font-size: 10pt; color: #000; }
body { margin: 0; }
* { box-sizing: border-box; }
.page { break-after: page; height: ${PAGE_MM}mm; position: relative; }
.page:last-child { break-after: auto; }
footer { position: absolute; bottom: 0; width: 100%; height: ${FOOTER_MM}mm; line-height: ${FOOTER_MM}mm; text-align: center; font-size: 9pt; }
.doc-head { height: ${HEADER_MM}mm; overflow: hidden; display: grid; grid-template-columns: 1fr auto; align-content: start; border-bottom: 0.4mm solid #000; margin: 0; }
.doc-head h1 { font-size: 15pt; line-height: 9mm; margin: 0; grid-column: 1; }
.doc-head .meta { grid-column: 1; font-size: 9pt; line-height: 5mm; white-space: nowrap; overflow: hidden; }
.sid { font-size: 7pt; font-weight: 400; }
.doc-head .copy { grid-column: 2; grid-row: 1 / span 3; align-self: center; border: 2px solid #000; padding: 1mm 4mm; font-size: 14pt; font-weight: 700; }
`;

export interface PrintDocumentParts {
  readonly title: string;
  /** The template's own CSS, appended to BASE_CSS in the one <style> element. */
  readonly css: string;
  readonly body: string;
  /** URL of a stylesheet with the bundled Noto Sans JP @font-face rules, or null to use system fonts. */
  readonly fontCssHref: string | null;
}

export function printDocument(parts: PrintDocumentParts): string {
  // A second <style> (or a script) smuggled in through CSS would break the one-hash CSP; refuse it loudly.
  if (/<\/?(style|script)/i.test(parts.css)) throw new Error('print CSS must not contain <style> or <script>');
  const font = parts.fontCssHref === null ? '' : `<link rel="stylesheet" href="${escapeHtml(parts.fontCssHref)}">`;
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(parts.title)}</title>${font}
<style>${BASE_CSS}${parts.css}</style></head><body>
${parts.body}
</body></html>`;
}

export interface PageHeader {
  readonly title: string;
  /** Where it was printed: a venue, or HQ (事務センター, for its own 個人情報取扱台帳). */
  readonly venue: SiteId;
  readonly printedAt: string;
  readonly printedBy: StaffOnPaper;
  /** An extra line under the venue (the date, the shipment), already escaped HTML. */
  readonly subtitleHtml?: string;
  readonly copy?: '正本' | '控え';
}

/** The header every page repeats: what the document is, for which venue, and who printed it when. */
export function pageHeaderHtml(h: PageHeader): string {
  const where = h.venue === 'hq' ? siteName('hq') : `${VENUES[h.venue].name}（${VENUES[h.venue].place}）`;
  return `<header class="doc-head"><h1>${escapeHtml(h.title)}</h1>
<div class="meta">${escapeHtml(where)}${h.subtitleHtml ? `・${h.subtitleHtml}` : ''}</div>
<div class="meta">印刷日時 ${escapeHtml(tokyoDateTime(h.printedAt))}・印刷者 ${staffHtml(h.printedBy)}</div>
${h.copy ? `<div class="copy">${h.copy}</div>` : ''}</header>`;
}

/** A staff member's name with their id in small print: 会場　責任者（lead1）. */
export function staffHtml(s: StaffOnPaper): string {
  return `${escapeHtml(s.name)}${s.staffId === null ? '' : `<span class="sid">（${escapeHtml(s.staffId)}）</span>`}`;
}

/** 'n / N ページ', with the copy in front when a document prints more than one. */
export function pageFooterHtml(page: number, pages: number, copy?: '正本' | '控え'): string {
  return `<footer>${copy ? `${copy} ` : ''}${page} / ${pages} ページ</footer>`;
}
