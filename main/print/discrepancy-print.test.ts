// The printed 受領確認 差異報告書 through Chromium's print path: the summary counts, each difference with its
// reason, the signature box, pagination of a long list, and escaping of what came from the ledger or a memo.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  discrepancyPageCount,
  discrepancyReportHtml,
  type DiscrepancyPrintInput,
  type DiscrepancyRow,
} from '../../shared/print/discrepancy-print';
import { tempDir } from '../testing/fixtures';
import { assertCspSafe, MACHINE_DATE, NO_CHROMIUM, sharedBrowser, squeeze, visibleText } from '../testing/pdf';

const browser = sharedBrowser();
after(() => browser.close());

const missing = (i: number): DiscrepancyRow => ({
  code: `PB1-${String(300000 + i)}`,
  kind: 'missing',
  reason: '未着',
  memo: i === 0 ? '箱の底まで確認済み' : '',
  name: `深川　次郎${i}`,
  address: `東京都江東区深川${(i % 2) + 1}丁目3番4号`,
  unexpectedKind: null,
});

const input = (over: Partial<DiscrepancyPrintInput>): DiscrepancyPrintInput => ({
  venue: 'honchosha',
  printedAt: '2026-11-20T06:00:00.000Z',
  printedBy: { name: '会場　責任者', staffId: 'lead1' },
  fontCssHref: null,
  shipmentId: 'S2026-11-20',
  checkId: 'RC-0001',
  closedAt: '2026-11-20T05:45:00.000Z',
  closedBy: { name: '会場　責任者', staffId: 'lead1' },
  shipped: 100,
  scanned: 99,
  differences: [
    missing(0),
    { ...missing(1), reason: '破損', memo: '角が折れていた' },
    {
      code: 'PZ9-999999',
      kind: 'unexpected',
      reason: '誤配送',
      memo: '豊洲へ転送',
      name: null,
      address: null,
      unexpectedKind: 'other-venue',
    },
  ],
  ...over,
});

test('the report reads as the screens do: closed in Tokyo time, counts as 1,234件', () => {
  const many = Array.from({ length: 1234 }, (_, i) => missing(i));
  // Closed at 15:10 UTC is 00:10 the next day in Tokyo.
  const html = discrepancyReportHtml(
    input({ shipmentId: 'S1', shipped: 12345, scanned: 11111, closedAt: '2026-11-20T15:10:00.000Z', differences: many }),
  );
  const text = visibleText(html);
  assert.ok(text.includes('確認終了 2026/11/21 00:10'));
  assert.doesNotMatch(text, MACHINE_DATE);
  for (const s of ['12,345件', '11,111件', '1,234件']) assert.ok(text.includes(s), s);
});

test('people read the check by its shipment, when it ended and who did it; its id (rc-…) only in small print', () => {
  const html = discrepancyReportHtml(input({ checkId: 'rc-0123456789abcdef' }));
  const text = visibleText(html);
  // Closed at 05:45 UTC is 14:45 in Tokyo.
  assert.match(text, /出荷 S2026-11-20 の受領確認 確認終了 2026\/11\/20 14:45 会場 責任者 ?（lead1）/);
  assert.ok(!text.includes('確認番号'), 'the id is not what the check is called');
  assert.equal(html.split('rc-0123456789abcdef').length - 1, 1, 'the id is printed once');
  assert.ok(html.includes('<div class="ref">記録の参照番号 rc-0123456789abcdef</div>'), 'as a reference, in small print');
  assert.match(html, /\.info \.ref \{ font-size: 7pt;/);
});

test('ledger names and memos are escaped, and the HTML holds to the print CSP', () => {
  const html = discrepancyReportHtml(input({ differences: [{ ...missing(0), name: '<script>alert(1)</script>', memo: 'A&B <b>' }] }));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('A&amp;B &lt;b&gt;'));
  assertCspSafe(html);
});

test('one page: the counts, every difference with its reason, and the signature box', { skip: NO_CHROMIUM, timeout: 60_000 }, async (t) => {
  const html = discrepancyReportHtml(input({}));
  assertCspSafe(html);
  assert.equal(discrepancyPageCount(3), 1);
  const pdf = await browser.print(html, tempDir(t), 'diff');
  assert.ok(pdf.a4);
  assert.equal(pdf.pages, 1);
  const text = squeeze(pdf.text);
  for (const re of [/送付\s*100\s*件/, /読取\s*99\s*件/, /不足\s*2\s*件/, /余剰\s*1\s*件/]) assert.match(text, re);
  for (const s of [
    '受領確認 差異報告書',
    '本庁舎',
    'PB1-300000',
    'PB1-300001',
    'PZ9-999999',
    '深川 次郎0',
    '別の会場のカード',
    '破損',
    '角が折れていた',
    '誤配送',
    '確認者',
    '1 / 1 ページ',
  ])
    assert.ok(text.includes(s), `${s} is printed`);
  // Closed at 05:45 UTC is 14:45 in Tokyo.
  assert.match(text, /確認終了 2026\/11\/20 14:45 会場 責任者 ?（lead1）/);
  assert.match(text, /記録の参照番号 RC-0001/);
});

test('a check still open prints as a draft, and no differences says so', { skip: NO_CHROMIUM, timeout: 60_000 }, async (t) => {
  const pdf = await browser.print(
    discrepancyReportHtml(input({ closedAt: null, closedBy: null, scanned: 100, differences: [] })),
    tempDir(t),
    'draft',
  );
  const text = squeeze(pdf.text);
  assert.ok(text.includes('下書き'));
  assert.ok(text.includes('差異はありません'));
  assert.equal(pdf.pages, 1);
});

test(
  '150 differences run over pages at the predicted count, header and page number on each',
  { skip: NO_CHROMIUM, timeout: 120_000 },
  async (t) => {
    const many = Array.from({ length: 150 }, (_, i) => missing(i));
    const pages = discrepancyPageCount(many.length);
    assert.ok(pages >= 7, `150 rows of 11 mm need several pages (got ${pages})`);
    const pdf = await browser.print(discrepancyReportHtml(input({ shipped: 150, scanned: 0, differences: many })), tempDir(t), 'many');
    assert.equal(pdf.pages, pages);
    const text = squeeze(pdf.text);
    for (const d of many) assert.ok(text.includes(d.code), `${d.code} is printed`);
    assert.equal(text.split('受領確認 差異報告書').length - 1, pages, 'the title heads every page');
    assert.ok(text.includes(`${pages} / ${pages} ページ`));
    assert.ok(text.includes('差異の一覧（続き）'));
    assert.match(text, /不足\s*150\s*件/);
  },
);
