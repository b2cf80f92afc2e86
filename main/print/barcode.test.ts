// Our Code128 drawing must be exactly the symbol bwip-js encodes: the same bars, at the same places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import bwipjs from 'bwip-js/node';
import fc from 'fast-check';
import { code128Bars, code128Svg } from './barcode';

/** Bars as bwip-js's own SVG draws them: vertical strokes centred on x, stroke-width = 2 × modules. */
function bwipBars(text: string): { x: number; w: number }[] {
  const svg = bwipjs.toSVG({ bcid: 'code128', text, height: 8, includetext: false, paddingwidth: 0, paddingheight: 0 });
  const bars: { x: number; w: number }[] = [];
  for (const m of svg.matchAll(/stroke-width="(\d+(?:\.\d+)?)" d="([^"]+)"/g)) {
    const width = Number(m[1]);
    for (const x of m[2]!.matchAll(/M(\d+(?:\.\d+)?) /g)) bars.push({ x: (Number(x[1]) - width / 2) / 2, w: width / 2 });
  }
  return bars.sort((a, b) => a.x - b.x);
}

test('the bars drawn are bwip-js\'s Code128 encoding of the reservation number', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Z0-9]{3}-\d{6}$/), (no) => {
      assert.deepEqual(code128Bars(no), bwipBars(no));
    }),
    { numRuns: 300 },
  );
});

test('one path, no style attribute (the print CSP), the number as its accessible name', () => {
  const svg = code128Svg('RA0-200000');
  assert.equal(svg.match(/<path/g)!.length, 1);
  assert.doesNotMatch(svg, /style\s*=/i);
  assert.match(svg, /aria-label="RA0-200000"/);
  // Start + 10 characters' worth + check + stop: 11 modules per symbol, 13 for stop, 2 quiet-free ends.
  const bars = code128Bars('RA0-200000');
  const width = bars.at(-1)!.x + bars.at(-1)!.w;
  assert.equal((width - 13) % 11, 0);
});
