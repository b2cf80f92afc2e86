// The day's handovers per 30 minutes as an inline SVG bar chart for the printed 日報. Only presentation
// attributes (fill=, font-size=), never style="", so it holds under the print CSP; each non-zero bar has
// its number written above it, so the figure can be read off paper (and by pdftotext).
import { num } from '../numbers';

const SLOTS_PER_DAY = 48;
/** The counter's usual hours, 08:00–19:00, as slot indices [from, to). */
const OPEN_FROM = 16;
const OPEN_TO = 38;

const W = 180;
const H = 50;
const LEFT = 4;
const RIGHT = 4;
const TOP = 6;
const BOTTOM = 7;

/** The slots shown: 08:00–19:00, widened to whole hours to include any handover outside it. */
export function chartRange(slots: readonly number[]): { from: number; to: number } {
  let from = OPEN_FROM;
  let to = OPEN_TO;
  for (let i = 0; i < SLOTS_PER_DAY; i++) {
    if (count(slots, i) === 0) continue;
    from = Math.min(from, i - (i % 2));
    to = Math.max(to, i + 1 + ((i + 1) % 2));
  }
  return { from, to };
}

function count(slots: readonly number[], i: number): number {
  const v = Number(slots[i]);
  return Number.isFinite(v) && v > 0 ? Math.round(v) : 0;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** SVG markup, 180 mm × 50 mm. Slot i covers i*30 minutes after Tokyo midnight. */
export function halfHourChartSvg(slots: readonly number[]): string {
  const { from, to } = chartRange(slots);
  const n = to - from;
  const slotW = (W - LEFT - RIGHT) / n;
  const baseline = H - BOTTOM;
  const plotH = baseline - TOP;
  const max = Math.max(1, ...Array.from({ length: n }, (_, k) => count(slots, from + k)));
  const parts: string[] = [];
  for (let k = 0; k < n; k++) {
    const v = count(slots, from + k);
    if (v === 0) continue;
    const h = (v / max) * plotH;
    const x = LEFT + k * slotW;
    parts.push(`<rect x="${fmt(x + slotW * 0.15)}" y="${fmt(baseline - h)}" width="${fmt(slotW * 0.7)}" height="${fmt(h)}" fill="#555"/>`);
    // Small enough that a three-digit number stays within its own bar's width.
    const label = num(v);
    const size = Math.min(3, (slotW * 0.95) / (label.length * 0.6));
    parts.push(
      `<text x="${fmt(x + slotW / 2)}" y="${fmt(baseline - h - 0.8)}" font-size="${fmt(size)}" text-anchor="middle">${label}</text>`,
    );
  }
  for (let i = from; i <= to; i += 2) {
    const x = LEFT + (i - from) * slotW;
    parts.push(`<line x1="${fmt(x)}" y1="${fmt(baseline)}" x2="${fmt(x)}" y2="${fmt(baseline + 1.5)}" stroke="#000" stroke-width="0.3"/>`);
    parts.push(`<text x="${fmt(x)}" y="${fmt(baseline + 5)}" font-size="2.8" text-anchor="middle">${i / 2}時</text>`);
  }
  parts.push(`<line x1="${LEFT}" y1="${baseline}" x2="${W - RIGHT}" y2="${baseline}" stroke="#000" stroke-width="0.3"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}mm" height="${H}mm" role="img" aria-label="30分ごとの交付件数">${parts.join('')}</svg>`;
}
