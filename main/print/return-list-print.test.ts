// The printed 返戻リスト through Chromium's print path: A4, 正本 then 控え with the page count predicted for
// 1,000 cards, every reservation number in both copies, the count and signature boxes, and names escaped.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { returnListHtml, returnListPageCount, type ReturnListPrintInput, type ReturnListRow } from '../../shared/print/return-list-print';
import { code128Barcode } from './barcode';
import { tempDir } from '../testing/fixtures';
import { assertCspSafe, MACHINE_DATE, NO_CHROMIUM, sharedBrowser, squeeze, visibleText } from '../testing/pdf';

const browser = sharedBrowser();
after(() => browser.close());

const rows = (n: number): ReturnListRow[] =>
  Array.from({ length: n }, (_, i) => ({
    reservationNo: `R${String.fromCharCode(65 + (i % 26))}${i % 10}-${String(200000 + i)}`,
    name: i === 0 ? '返戻　確認子' : `江東　花子${i}`,
    // Some addresses are long enough to wrap: a row must still keep its height.
    address:
      i % 7 === 0
        ? `東京都江東区東雲${(i % 2) + 1}丁目${(i % 9) + 1}番${(i % 30) + 1}号 東雲キャナルコートCODAN${(i % 20) + 1}号棟 ${1000 + i}号室`
        : `東京都江東区大島${(i % 9) + 1}丁目1番2号`,
    shippedOn: '2026-08-01',
    deadline: '2026-11-30',
  }));

const input = (over: Partial<ReturnListPrintInput>): ReturnListPrintInput => ({
  venue: 'sogo',
  printedAt: '2026-12-01T01:05:00.000Z',
  printedBy: { name: '会場　責任者', staffId: 'lead1' },
  fontCssHref: null,
  number: '20261201-1',
  recordedAtStation: '総合区民センター 窓口1',
  recordedAt: '2026-12-01T00:30:00.000Z',
  recordedBy: { name: '会場　責任者', staffId: 'lead1' },
  reason: '受取期限切れ',
  barcode: code128Barcode,
  rows: rows(3),
  ...over,
});

test('names and addresses are escaped, and the HTML holds to the print CSP', () => {
  const html = returnListHtml(
    input({
      rows: [
        {
          reservationNo: 'RA0-200000',
          name: '<script>alert(1)</script>',
          address: '江東区 A&B棟',
          shippedOn: '2026-08-01',
          deadline: '2026-11-30',
        },
      ],
    }),
  );
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('A&amp;B棟'));
  assertCspSafe(html);
  // The barcode markup must not bring style="" attributes with it (the CSP would drop them): checked on real output.
  assert.doesNotMatch(code128Barcode('RA0-200000'), /style\s*=/i);
});

test('the list reads as the screens do: days as 2026年12月2日, times in Tokyo, the count as 1,234件', () => {
  const html = returnListHtml(
    input({
      rows: rows(1234).map((r) => ({ ...r, shippedOn: '2026-09-03', deadline: '2026-12-02' })),
      recordedAt: '2026-12-02T05:12:00.000Z',
      printedAt: '2026-12-02T05:20:00.000Z',
    }),
  );
  const text = visibleText(html);
  assert.ok(text.includes('2026年9月3日'), 'shipped on');
  assert.ok(text.includes('2026年12月2日'), 'deadline');
  // Recorded at 05:12 UTC is 14:12 in Tokyo.
  assert.ok(text.includes('記録 2026/12/02 14:12'));
  assert.ok(text.includes('印刷日時 2026/12/02 14:20'));
  assert.doesNotMatch(text, MACHINE_DATE);
  assert.ok(text.includes('返戻件数 1,234件'));
  assert.ok(text.includes('合計 1,234件'));
  assert.ok(text.includes('・1,234件'), 'in every page header');
});

test('the font stylesheet is linked in <head> when given, and Noto Sans JP comes first', () => {
  const html = returnListHtml(input({ fontCssHref: 'app://fonts/noto-sans-jp.css' }));
  assert.match(html, /<head>[^]*<link rel="stylesheet" href="app:\/\/fonts\/noto-sans-jp.css">[^]*<\/head>/);
  assert.match(html, /font-family: "Noto Sans JP", "Noto Sans CJK JP"/);
  assert.doesNotMatch(returnListHtml(input({ fontCssHref: null })), /<link/);
});

test(
  '1,000 returned cards: A4, 正本 then 控え at the predicted page count, every number in both copies',
  { skip: NO_CHROMIUM, timeout: 240_000 },
  async (t) => {
    const all = rows(1000);
    const html = returnListHtml(input({ rows: all }));
    const perCopy = returnListPageCount(all.length);
    assert.ok(perCopy > 50, `a thousand 13 mm rows need many pages (got ${perCopy})`);
    const pdf = await browser.print(html, tempDir(t), 'returns');
    assert.ok(pdf.a4);
    assert.equal(pdf.pages, 2 * perCopy);
    const text = squeeze(pdf.text);
    for (const r of all) assert.equal(text.split(r.reservationNo).length - 1, 2, `${r.reservationNo} once in each copy`);
    assert.ok(text.includes('返戻　確認子'.replace('　', ' ')));
    assert.ok(text.includes('返戻リスト（控え・会場保管）'));
    assert.ok(text.includes(`正本 1 / ${perCopy} ページ`));
    assert.ok(text.includes(`控え ${perCopy} / ${perCopy} ページ`));
    assert.equal(text.split('合計 1,000件').length - 1, 2, 'the total closes each copy');
    assert.equal(text.split('受領者（事務センター）').length - 1, 2);
    assert.ok(text.includes('総合区民センター'));
    assert.match(text, /会場 責任者 ?（lead1）/);
    // Printed at 01:05 UTC is 10:05 in Tokyo.
    assert.ok(text.includes('2026/12/01 10:05'));
  },
);

test('a short list fits on one sheet per copy, signature boxes included', { skip: NO_CHROMIUM, timeout: 60_000 }, async (t) => {
  assert.equal(returnListPageCount(3), 1);
  const pdf = await browser.print(returnListHtml(input({})), tempDir(t), 'short');
  assert.equal(pdf.pages, 2);
  assert.ok(squeeze(pdf.text).includes('送付者（会場）'));
});
