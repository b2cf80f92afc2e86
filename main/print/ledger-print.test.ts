// The printed shipment ledger, rendered by Chromium's print path (page.pdf, as printToPDF does in Electron):
// A4, both copies, the page count right for 1,000 rows, and the text a person would search for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ledgerPageCount, ledgerPrintHtml, sortForLedger, type PrintRow } from '../../shared/print/ledger-print';
import { code128Barcode } from './barcode';
import { tempDir } from '../testing/fixtures';
import { ARGS, assertCspSafe, CHROMIUM, MACHINE_DATE, visibleText } from '../testing/pdf';

const rows: PrintRow[] = Array.from({ length: 1000 }, (_, i) => ({
  reservationNo: `P${String.fromCharCode(65 + (i % 26))}${i % 10}-${String(100000 + i).padStart(6, '0')}`,
  name: i === 0 ? '印刷　確認子' : `江東　太郎${i}`,
  address: i % 2 ? `東京都江東区豊洲${(i % 6) + 1}丁目${(i % 9) + 1}番1号` : `東京都江東区亀戸${(i % 9) + 1}丁目2番3号`,
  town: i % 2 ? '豊洲' : '亀戸',
  chome: i % 2 ? (i % 6) + 1 : (i % 9) + 1,
}));

test('the agreed order: by 町丁目 in the ward table order, then reservation number', () => {
  const sorted = sortForLedger(rows.slice(0, 40), 'town');
  // 亀戸 comes after 豊洲 in 別紙①'s order.
  assert.equal(sorted[0]!.town, '豊洲');
  assert.equal(sorted.at(-1)!.town, '亀戸');
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.town === b.town && a.chome === b.chome) assert.ok(a.reservationNo < b.reservationNo);
  }
  const byNo = sortForLedger(rows.slice(0, 40), 'reservation').map((r) => r.reservationNo);
  assert.deepEqual(byNo, [...byNo].sort());
});

test('names are escaped, the bundled font is linked, and the HTML holds to the print CSP', () => {
  const html = ledgerPrintHtml({
    venue: 'honchosha',
    shipmentId: 'S1',
    order: 'reservation',
    printedAt: '2026-11-25T01:00:00.000Z',
    barcode: code128Barcode,
    fontCssHref: 'fonts/noto-sans-jp.css',
    rows: [{ ...rows[0]!, name: '<script>x</script>', address: '江東区 A&B' }],
  });
  assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;') && html.includes('A&amp;B'));
  assert.match(html, /<head>[^]*<link rel="stylesheet" href="fonts\/noto-sans-jp.css">[^]*<\/head>/);
  assertCspSafe(html);
});

test('the header reads as the screens do: printed in Tokyo time, the rows counted as 1,000件', () => {
  const html = ledgerPrintHtml({
    venue: 'sogo',
    shipmentId: 'S1',
    order: 'town',
    // 15:30 UTC is half past midnight the next day in Tokyo.
    printedAt: '2026-12-01T15:30:00.000Z',
    barcode: code128Barcode,
    fontCssHref: null,
    rows,
  });
  const text = visibleText(html);
  assert.ok(text.includes('・1,000件・2026/12/02 00:30 印刷'), text.slice(0, 300));
  assert.doesNotMatch(text, MACHINE_DATE);
});

test(
  '1,000 rows print as A4 pages, 正本 then 控え, with names, numbers and page numbers',
  { skip: !existsSync(CHROMIUM) && 'Chromium not installed', timeout: 180_000 },
  async (t) => {
    const dir = tempDir(t);
    const html = ledgerPrintHtml({
      venue: 'toyosu',
      shipmentId: 'S2026-11-20',
      rows,
      order: 'town',
      printedAt: '2026-11-25T01:00:00.000Z',
      barcode: code128Barcode,
      fontCssHref: null,
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = join(dir, 'ledger.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const expectedPages = 2 * ledgerPageCount(rows.length);
      assert.match(info, new RegExp(`^Pages:\\s+${expectedPages}$`, 'm'));
      assert.match(info, /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      assert.ok(text.includes('印刷　確認子') || text.includes('印刷 確認子'), 'a resident name is in the text');
      assert.ok(text.includes(rows[0]!.reservationNo));
      assert.ok(text.includes('各会場送付台帳（控え）'));
      assert.ok(text.includes(`正本 1 / ${expectedPages / 2} ページ`));
      assert.ok(text.includes(`控え ${expectedPages / 2} / ${expectedPages / 2} ページ`));
      assert.ok(text.includes('豊洲シビックセンター'));
    } finally {
      await browser.close();
    }
  },
);
