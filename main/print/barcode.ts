// Code128 barcodes for printed documents. bwip-js encodes (start code, code sets, check digit, stop); we
// draw its bar widths as ONE path of filled rectangles. bwip-js's own SVG costs ~1.2 ms and several
// stroked paths per code; a 5,000-row ledger with its 控え holds 10,000 of them, and both the drawing and
// Chromium's printing of them dominated the ledger PDF's time. Same bars, one element, a tenth of the cost.
import bwipjs from 'bwip-js/node';

interface RawSymbol {
  /** Alternating bar and space widths in modules, starting with a bar. */
  readonly sbs: readonly number[];
}
const raw = (bwipjs as unknown as { raw(options: { bcid: string; text: string }): RawSymbol[] }).raw;

/** The bars of a Code128 symbol: left edge and width, in modules. */
export function code128Bars(text: string): { x: number; w: number }[] {
  const sbs = raw({ bcid: 'code128', text })[0]!.sbs;
  const bars: { x: number; w: number }[] = [];
  let x = 0;
  sbs.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, w });
    x += w;
  });
  return bars;
}

/** SVG markup (no style attributes: the print CSP forbids them), stretched to the box CSS gives it. */
export function code128Svg(text: string): string {
  const bars = code128Bars(text);
  const last = bars.at(-1)!;
  const d = bars.map((b) => `M${b.x} 0h${b.w}v10h-${b.w}z`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${last.x + last.w} 10" preserveAspectRatio="none" role="img" aria-label="${text.replace(/[^A-Z0-9-]/g, '')}"><path fill="#000" d="${d}"/></svg>`;
}
