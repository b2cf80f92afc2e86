// A printed document, as the lead gets it: the print preview's document rendered through Chromium's print
// path (page.pdf — what printToPDF does in Electron), then read back with poppler's pdfinfo/pdftotext/pdffonts.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { expect } from './fixtures';

export interface PrintedPdf {
  readonly file: string;
  readonly pages: number;
  readonly a4: boolean;
  /** The text, with runs of spaces (pdftotext's layout) collapsed to one. */
  readonly text: string;
  readonly fonts: string;
}

export async function printPreviewToPdf(page: Page, testInfo: TestInfo, name: string): Promise<PrintedPdf> {
  const preview = page.getByTestId('print-preview');
  await expect(preview.getByTestId('print-frame')).toBeVisible();
  const src = await preview.getByTestId('print-frame').getAttribute('src');
  // The page count main promised before printing (fixed row heights make it knowable): the PDF must match it.
  const promised = Number(/全 (\d+) ページ/.exec((await preview.getByTestId('print-pages').textContent()) ?? '')?.[1] ?? NaN);
  expect(src).toMatch(/^\/__print\/[0-9a-f]{32}$/);
  // The same document in its own tab of the same session (the cookie), printed as the browser would.
  const doc = await page.context().newPage();
  try {
    const response = await doc.goto(new URL(src!, page.url()).href, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).not.toContain('script-src');
    // Wait until the bundled font has loaded (a PDF with fallback glyphs would still pass the text checks).
    await doc.waitForFunction('document.fonts.status === "loaded"');
    const file = testInfo.outputPath(`${name}.pdf`);
    writeFileSync(file, await doc.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1] ?? NaN);
    expect(pages, 'the pages main announced are the pages printed').toBe(promised);
    return {
      file,
      pages,
      a4: /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/.test(info),
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \u3000]+/g, ' '),
      fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    };
  } finally {
    await doc.close();
  }
}
