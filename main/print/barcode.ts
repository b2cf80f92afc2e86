// Code128 barcodes for printed documents, as TEXT in the bundled Libre Barcode 128 font: code-128-encoder
// encodes (start code, code sets, check digit, stop) into that font's characters, and the document's `.bc`
// style sets the font. Text is what Chromium's print path handles fastest: 10,000 drawn (SVG) barcodes in a
// 5,000-row ledger and its 控え cost ≈13 s, as text they cost next to nothing. The test checks the bars
// against bwip-js's encoding and against what Chromium actually draws.
import Code128Generator from 'code-128-encoder';
import { escapeHtml } from '../../shared/print/print-html';

interface Encoder {
  encode(text: string, options: { output: 'ascii' | 'weights'; mapping: 0 }): string;
}
/** Mapping 0: the common one, which Libre Barcode 128 (Google Fonts) uses. */
const encoder = new (Code128Generator as unknown as new () => Encoder)();

/** The symbol's bar and space widths in modules, alternating from the first bar. */
export function code128Widths(text: string): number[] {
  return [...encoder.encode(text, { output: 'weights', mapping: 0 })].map(Number);
}

/** Markup for a template's `.bc` cell: the encoded characters, escaped (they include < & and quotes). */
export function code128Barcode(text: string): string {
  return escapeHtml(encoder.encode(text, { output: 'ascii', mapping: 0 }));
}
