// The printed shipment ledger at scale: 5,000 rows with a Code128 barcode each, from the rows to PDF bytes
// through Chromium's print path (what printToPDF does in Electron), with the bundled font. Baseline: the
// same document without barcodes, same pipeline, same run. Chromium's start-up is not counted: in the app
// the print window's browser is already running.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import { generateRoster } from '../main/demo/synthetic-roster';
import { ledgerPageCount, ledgerPrintHtml, type PrintRow } from '../shared/print/ledger-print';
import { code128Barcode } from '../main/print/barcode';
import { PRINT_FONTS_CSS } from '../main/print/printer';

import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../main/testing/chromium';

const ROOT = new URL('..', import.meta.url).pathname;
const RENDERER = join(ROOT, 'dist/renderer');

export async function measureLedgerPdf(rowCount: number, runs: number): Promise<{ pdfMs: number; baselineMs: number; pages: number }> {
  // `npm run bench` builds the renderer first; the test suite's --quick run may come before any build.
  const fontCssHref = existsSync(join(RENDERER, PRINT_FONTS_CSS)) ? `/${PRINT_FONTS_CSS}` : null;
  const rows: PrintRow[] = generateRoster({ residents: rowCount, seed: 11, today: '2026-11-25', shippedOn: '2026-11-20' }).map((r) => ({
    reservationNo: r.reservationNo,
    name: r.name,
    address: r.address,
    town: r.town,
    chome: r.chome,
  }));
  // The document and the bundled font from one loopback origin, as browser mode serves them.
  let current = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ledger') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(current);
    const file = normalize(join(RENDERER, decodeURIComponent(path)));
    if (!file.startsWith(RENDERER)) return void res.writeHead(404).end();
    readFile(file).then(
      (data) =>
        res
          .writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : file.endsWith('.ttf') ? 'font/ttf' : 'font/woff2' })
          .end(data),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const once = async (barcode: (text: string) => string) => {
    const t = performance.now();
    current = ledgerPrintHtml({
      venue: 'toyosu',
      shipmentId: 'BENCH',
      rows,
      order: 'town',
      printedAt: '2026-11-25T01:00:00.000Z',
      barcode,
      fontCssHref,
    });
    const page = await browser.newPage();
    await page.goto(`${base}/ledger`, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
    if (pdf.length < 1000) throw new Error('no PDF');
    return performance.now() - t;
  };
  try {
    const withBarcodes: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < runs; i++) {
      withBarcodes.push(await once(code128Barcode));
      without.push(await once(() => ''));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { pdfMs: median(withBarcodes), baselineMs: median(without), pages: 2 * ledgerPageCount(rows.length) };
  } finally {
    await browser.close();
    server.close();
  }
}
