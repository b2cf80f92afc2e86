// The printed 日報 through Chromium's print path: 締め status, the figures and both invariants written out,
// 不成立 with the cards that break it, corrections after close (frozen → now), per station and shipment, the
// 30-minute chart's numbers, pagination of a long breaker list, and escaping.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dailyReportHtml,
  dailyReportPageCount,
  halfHourChartSvg,
  type DailyReportPrintInput,
  type DayFigures,
} from '../../shared/print/daily-report-print';
import { chartRange } from '../../shared/print/half-hour-chart';
import { tempDir } from '../testing/fixtures';
import { assertCspSafe, MACHINE_DATE, NO_CHROMIUM, sharedBrowser, squeeze, visibleText } from '../testing/pdf';

const browser = sharedBrowser();
after(() => browser.close());

const figures = (over: Partial<Record<string, number | boolean>> = {}): DayFigures => ({
  totals: {
    shipped: 3000,
    received: 2850,
    notReceived: 150,
    handedOver: 412,
    outstanding: 2430,
    returned: 8,
    refusals: 5,
    damaged: 2,
    holds: true,
    ...over,
  } as Record<string, number | boolean>,
  byStation: [
    { stationId: 'honchosha-01', handedOver: 250, refusals: 3 },
    { stationId: 'honchosha-02', handedOver: 162, refusals: 2 },
  ],
});

const halfHours = Array.from({ length: 48 }, (_, i) => (i >= 18 && i < 34 ? 20 + i : 0));
halfHours[20] = 37; // 10:00–10:30: a number that appears nowhere else on the page

const input = (over: Partial<DailyReportPrintInput>): DailyReportPrintInput => ({
  venue: 'honchosha',
  date: '2026-11-25',
  printedAt: '2026-11-25T09:00:00.000Z',
  printedBy: { name: '会場　責任者', staffId: 'lead1' },
  fontCssHref: null,
  closed: null,
  current: figures(),
  correctedSinceClose: [],
  shipments: [
    {
      shipmentId: 'S2026-11-01',
      shipped: 2850,
      received: 2850,
      notReceived: 0,
      handedOver: 412,
      outstanding: 2430,
      returned: 8,
      refusals: 5,
      damaged: 2,
      holds: true,
    },
    {
      shipmentId: 'S2026-11-20',
      shipped: 150,
      received: 0,
      notReceived: 150,
      handedOver: 0,
      outstanding: 0,
      returned: 0,
      refusals: 0,
      damaged: 0,
      holds: true,
    },
  ],
  breakers: [],
  // The second station is a sibling whose label this station does not know: its venue and id.
  stationNames: { 'honchosha-01': '本庁舎 窓口1', 'honchosha-02': '本庁舎 honchosha-02' },
  halfHours,
  ...over,
});

test('the chart shows 08:00–19:00, widened to whole hours for handovers outside it', () => {
  assert.deepEqual(chartRange(new Array(48).fill(0)), { from: 16, to: 38 });
  const early = new Array(48).fill(0);
  early[13] = 1; // 06:30
  early[40] = 2; // 20:00
  assert.deepEqual(chartRange(early), { from: 12, to: 42 });
  const svg = halfHourChartSvg(early);
  assert.ok(svg.includes('>6時<') && svg.includes('>21時<') && !svg.includes('>5時<'));
  assert.doesNotMatch(svg, /style\s*=/);
});

test('station and shipment ids are escaped, and the HTML holds to the print CSP', () => {
  const html = dailyReportHtml(
    input({
      current: { ...figures(), byStation: [{ stationId: '<script>x</script>', handedOver: 1, refusals: 0 }] },
      shipments: [{ ...input({}).shipments[0]!, shipmentId: 'A&B' }],
    }),
  );
  assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;') && html.includes('A&amp;B'));
  assertCspSafe(html);
});

test('the report reads as the screens do: the day as 2026年11月25日, stations by name, counts as 1,234件', () => {
  const slots = new Array<number>(48).fill(0);
  slots[20] = 1234;
  const html = dailyReportHtml(
    input({
      current: figures({ handedOver: 1646, holds: false }),
      shipments: input({}).shipments.map((s, i) => ({ ...s, shipmentId: `S${i + 1}` })),
      breakers: Array.from({ length: 1234 }, (_, i) => ({ reservationNo: `XB${i % 10}-${String(500000 + i)}`, reason: 'not-in-ledger' })),
      halfHours: slots,
    }),
  );
  const text = visibleText(html);
  assert.match(html, /<title>日報 2026年11月25日<\/title>/);
  assert.ok(text.includes('（2026年11月25日）'), 'the header');
  assert.doesNotMatch(text, MACHINE_DATE);
  assert.ok(text.includes('本庁舎 窓口1') && !text.includes('honchosha-01'), 'stations by name');
  assert.ok(text.includes('整合を崩している番号 1,234件'));
  assert.ok(text.includes('整合を崩している番号（1,234件）'));
  assert.ok(text.includes('合計 1,234件'), 'the chart total');
  assert.ok(html.includes('>1,234</text>'), 'the bar of 10:00–10:30');
  // 2,850 received = 1,646 + 2,430 + 8: 1,234 too many.
  assert.ok(text.includes('不成立（差 -1,234）'));
});

test(
  'an open day: 未締め, figures as of now, both invariants 成立, stations, shipments and the chart',
  { skip: NO_CHROMIUM, timeout: 60_000 },
  async (t) => {
    const html = dailyReportHtml(input({}));
    assert.equal(dailyReportPageCount(input({})), 1);
    const pdf = await browser.print(html, tempDir(t), 'open');
    assert.ok(pdf.a4);
    assert.equal(pdf.pages, 1);
    const text = squeeze(pdf.text);
    for (const s of [
      '日報',
      '令和8年11月25日',
      '本庁舎',
      '締め: 未締め',
      '印刷時点（2026/11/25 18:00）',
      '送付',
      '受領',
      '未着',
      '交付待ち',
      '返戻',
      '交付不可（試行）',
      '破損',
      '整合',
      '本庁舎 窓口1',
      '本庁舎 honchosha-02',
      'S2026-11-20',
      '1 / 1 ページ',
      '8時',
      '19時',
    ])
      assert.ok(text.includes(s), `${s} is printed`);
    assert.match(text, /3,000 = 2,850 \+ 150\s+成立/);
    assert.match(text, /2,850 = 412 \+ 2,430 \+ 8\s+成立/);
    assert.doesNotMatch(text, /不成立/);
    assert.ok(!text.includes('締め後の訂正'), 'no corrections section for a day not closed');
    // The chart's bar values can be read off paper; 37 appears nowhere else, and the total (sum of all slots) is stated.
    assert.match(text, /(^|\s)37(\s|$)/m);
    assert.ok(text.includes(`合計 ${halfHours.reduce((a, b) => a + b, 0)}件`));
  },
);

test(
  'a broken invariant prints 不成立 with the difference, and the cards that break it with their reason',
  { skip: NO_CHROMIUM, timeout: 60_000 },
  async (t) => {
    const broken = input({
      current: figures({ handedOver: 413, holds: false }),
      breakers: [
        { reservationNo: 'PQ1-123456', reason: 'handed-over-not-received' },
        { reservationNo: 'ZZ9-000001', reason: 'not-in-ledger' },
      ],
    });
    const pdf = await browser.print(dailyReportHtml(broken), tempDir(t), 'broken');
    const text = squeeze(pdf.text);
    assert.match(text, /2,850 = 413 \+ 2,430 \+ 8\s+不成立（差 -1）/);
    assert.match(text, /3,000 = 2,850 \+ 150\s+成立/);
    assert.match(text, /PQ1-123456\s+未着のまま交付/);
    assert.match(text, /ZZ9-000001\s+台帳にない番号/);
    assert.ok(text.includes('整合を崩している番号 2件'));
  },
);

test(
  'a closed day shows the frozen figures, who closed it, and each later correction as 締め時点 → 現在',
  { skip: NO_CHROMIUM, timeout: 60_000 },
  async (t) => {
    const closed = input({
      closed: { at: '2026-11-25T08:30:00.000Z', by: { name: '会場　責任者', staffId: 'lead1' }, figures: figures() },
      current: figures({ handedOver: 411, outstanding: 2431 }),
      correctedSinceClose: [
        { figure: 'outstanding', frozen: 2430, now: 2431 },
        { figure: 'handedOver', frozen: 412, now: 411 },
      ],
    });
    const pdf = await browser.print(dailyReportHtml(closed), tempDir(t), 'closed');
    const text = squeeze(pdf.text);
    // The lead by name, the id beside it in small print (the records name staff by id).
    assert.match(text, /締め: 締め済み 2026\/11\/25 17:30・会場 責任者 ?（lead1）/);
    assert.ok(text.includes('集計（締め時点）'));
    // The invariants are read from the frozen figures, not today's recomputation.
    assert.match(text, /2,850 = 412 \+ 2,430 \+ 8\s+成立/);
    assert.ok(text.includes('締め後の訂正（締めた後に変わった数字'));
    assert.match(text, /交付\s+412 → 411\s+-1/);
    assert.match(text, /交付待ち\s+2,430 → 2,431\s+\+1/);
    assert.ok(text.indexOf('412 → 411') < text.indexOf('2,430 → 2,431'), 'corrections in figure order');

    const untouched = await browser.print(
      dailyReportHtml({ ...closed, current: figures(), correctedSinceClose: [] }),
      tempDir(t),
      'closed-clean',
    );
    assert.ok(squeeze(untouched.text).includes('締め後の訂正: なし'));
  },
);

test(
  '300 breakers run over pages at the predicted count, header and page number on each',
  { skip: NO_CHROMIUM, timeout: 120_000 },
  async (t) => {
    const breakers = Array.from({ length: 300 }, (_, i) => ({
      reservationNo: `XB${i % 10}-${String(500000 + i)}`,
      reason: 'not-in-ledger',
    }));
    const many = input({ current: figures({ holds: false }), breakers });
    const pages = dailyReportPageCount(many);
    assert.ok(pages >= 6, `300 rows of 6.5 mm need several pages (got ${pages})`);
    const pdf = await browser.print(dailyReportHtml(many), tempDir(t), 'many');
    assert.equal(pdf.pages, pages);
    const text = squeeze(pdf.text);
    for (const b of breakers) assert.ok(text.includes(b.reservationNo), `${b.reservationNo} is printed`);
    assert.equal(text.split('令和8年11月25日').length - 1, pages, 'the header with the date heads every page');
    assert.ok(text.includes(`${pages} / ${pages} ページ`));
    assert.ok(text.includes('整合を崩している番号（300件）（続き）'));
  },
);

test(
  'a long shipment id is printed whole, never cut off (DEMO-2026-12-03-2 is not DEMO-2026-12-03)',
  { skip: NO_CHROMIUM, timeout: 60_000 },
  async (t) => {
    const base = input({});
    const long = input({
      shipments: [
        { ...base.shipments[0]!, shipmentId: 'DEMO-2026-12-03-2' },
        { ...base.shipments[1]!, shipmentId: 'KOTO-2026-12-03-BOX-0042' },
      ],
    });
    const pdf = await browser.print(dailyReportHtml(long), tempDir(t), 'long-ids');
    const text = squeeze(pdf.text);
    assert.ok(text.includes('DEMO-2026-12-03-2'), text);
    assert.ok(text.includes('KOTO-2026-12-03-BOX-0042'), text);
    assert.ok(!text.includes('…'), 'nothing ellipsized');
  },
);
