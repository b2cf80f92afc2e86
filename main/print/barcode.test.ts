// A printed barcode must scan as the reservation number: the encoding is checked against bwip-js's
// (an independent Code128 implementation), and the bars Chromium actually draws with the bundled Libre
// Barcode 128 font are measured and checked against that encoding.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';
import fc from 'fast-check';
import { chromium, type Browser } from '@playwright/test';
import { code128Barcode, code128Widths } from './barcode';
import { ARGS, CHROMIUM, NO_CHROMIUM } from '../testing/pdf';
import { RESERVATION_NUMBER_PATTERN } from '../../shared/roster/reservation-number';

const reservationNo = fc.stringMatching(RESERVATION_NUMBER_PATTERN);
const bwipWidths = (text: string) => (bwipjs as unknown as { raw(o: object): { sbs: number[] }[] }).raw({ bcid: 'code128', text })[0]!.sbs;

test('the encoding is Code128 as bwip-js encodes it: the same bars and spaces, module for module', () => {
  fc.assert(
    fc.property(reservationNo, (no) => assert.deepEqual(code128Widths(no), bwipWidths(no))),
    { numRuns: 500 },
  );
});

test('the markup is the escaped font text, nothing else (no tags, no style attribute)', () => {
  for (const no of ['RA0-200000', 'A1B-123456', '00A-000000']) {
    const markup = code128Barcode(no);
    assert.doesNotMatch(markup, /<|style\s*=/);
  }
});

let browser: Promise<Browser> | null = null;
after(async () => {
  if (browser) await (await browser).close();
});

test('Chromium draws, with the bundled font, exactly the encoded bars', { skip: NO_CHROMIUM, timeout: 60_000 }, async () => {
  const font = readFileSync(
    createRequire(import.meta.url).resolve('@fontsource/libre-barcode-128/files/libre-barcode-128-latin-400-normal.woff2'),
  ).toString('base64');
  browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await (await browser).newPage();
  try {
    const samples = fc.sample(reservationNo, { numRuns: 40, seed: 7 });
    await page.setContent(
      `<style>@font-face{font-family:B;src:url(data:font/woff2;base64,${font})}</style><span style="font-family:B">x</span>`,
    );
    await page.evaluate('document.fonts.load("100px B")');
    for (const no of ['RA0-200000', ...samples]) {
      // The encoded characters drawn on a canvas at 100 px, one row of pixels read back as bar/space runs.
      const text = code128Barcode(no).replace(
        /&(amp|lt|gt|quot|#39);/g,
        (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!,
      );
      const runs = (await page.evaluate(`(() => {
        const c = document.createElement('canvas'); c.width = 4000; c.height = 200;
        const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 4000, 200);
        g.fillStyle = '#000'; g.font = '100px B'; g.textBaseline = 'top'; g.fillText(${JSON.stringify(text)}, 10, 20);
        const px = g.getImageData(0, 60, 4000, 1).data; const runs = []; let dark = false, n = 0, started = false;
        for (let x = 0; x < 4000; x++) { const d = px[x * 4] < 128;
          if (!started) { if (d) { started = true; dark = true; n = 1; } continue; }
          if (d === dark) n++; else { runs.push(n); dark = d; n = 1; } }
        if (dark) runs.push(n);
        return runs; })()`)) as number[];
      const widths = code128Widths(no);
      const module = runs.reduce((a, b) => a + b, 0) / widths.reduce((a, b) => a + b, 0);
      assert.deepEqual(
        runs.map((r) => Math.round(r / module)),
        widths,
        `${no}: the drawn bars are the encoded ones`,
      );
    }
  } finally {
    await page.close();
  }
});
