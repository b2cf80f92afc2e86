// Test helpers for printed documents: one Chromium per test file, HTML to PDF through the print path
// (page.pdf, as printToPDF does in Electron), and what poppler reads back. Never imported by production code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './chromium';

export { CHROMIUM, ARGS };
export const NO_CHROMIUM: string | false = !existsSync(CHROMIUM) && 'Chromium not installed';

export interface Printed {
  readonly pages: number;
  readonly a4: boolean;
  /** pdftotext -layout output. */
  readonly text: string;
}

/** A lazily launched browser shared by a file's tests; close() in an after() hook. */
export function sharedBrowser(): { print(html: string, dir: string, name: string): Promise<Printed>; close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    async print(html, dir, name) {
      browser ??= chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      const page = await (await browser).newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = join(dir, `${name}.pdf`);
        writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
        const a4 = /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/.test(info);
        return { pages, a4, text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }) };
      } finally {
        await page.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
    },
  };
}

/** What the CSP (style-src by the one <style> block's hash, no script) needs of every printed document. */
export function assertCspSafe(html: string): void {
  assert.equal(html.match(/<style[\s>]/gi)?.length ?? 0, 1, 'exactly one <style> element');
  assert.doesNotMatch(html, /<script/i, 'no script');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style="" attribute');
  assert.ok(html.indexOf('<style') < html.indexOf('</head>'), 'the <style> is in <head>');
}

/** pdftotext may render a full-width space as one or two spaces; compare with spaces squeezed. */
export function squeeze(text: string): string {
  return text.replace(/[ \u3000]+/g, ' ');
}

/**
 * What a person reads of a printed document without printing it: every text node, the <title> included (the
 * print preview and the PDF's file name show it), without the CSS and tags.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<style>[^]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!)
    .replace(/\s+/g, ' ');
}

/** Dates and timestamps as machines write them (2026-12-02, 2026-12-02T05:12:00.000Z): never for people. */
export const MACHINE_DATE = /\d{4}-\d{2}-\d{2}/;
