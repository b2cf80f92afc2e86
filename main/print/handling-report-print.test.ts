// The 定期報告 (第13条) and the incident draft (第15条) on paper through Chromium's print path: A4, the page count
// promised, what a reader checks (the period, the station, the data held and where, the uses per person, the
// residents counted, backups, files written out, a restore's lost rows, the boxes to fill) and no resident named.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { handlingReportPrint, incidentReportPrint, type HandlingReportPrintInput } from '../../shared/print/handling-report-print';
import { tempDir } from '../testing/fixtures';
import { assertCspSafe, MACHINE_DATE, NO_CHROMIUM, sharedBrowser, squeeze, visibleText } from '../testing/pdf';

const browser = sharedBrowser();
after(() => browser.close());

const lead = { name: '会場　責任者', staffId: 'lead1' };
const clerk = { name: '窓口　一郎', staffId: 'clerk1' };

const input = (over: Partial<HandlingReportPrintInput> = {}): HandlingReportPrintInput => ({
  venue: 'honchosha',
  printedAt: '2026-12-03T01:00:00.000Z',
  printedBy: lead,
  fontCssHref: null,
  station: '本庁舎 窓口1',
  period: '2026年11月1日〜2026年11月30日',
  // As long a folder as a venue's PC is likely to have: it must not be cut on paper.
  dataDir: 'C:\\ProgramData\\Madoguchi\\venues\\honchosha-station-01\\data-folder-for-the-counter',
  held: [
    {
      item: '住民の行（送付台帳・事務センターの送付記録: 氏名・カナ・生年月日・住所・予約管理番号）',
      medium: 'データフォルダの madoguchi.db（暗号化）',
      count: 3000,
      unit: '件',
    },
    { item: '個人情報取扱台帳（アクセス記録）', medium: 'データフォルダの madoguchi.db（暗号化）', count: 12345, unit: '件' },
    { item: 'バックアップ（暗号化されたデータフォルダの写し）', medium: 'バックアップ先の媒体', count: 2, unit: '組' },
  ],
  uses: [
    { staff: clerk, label: 'スキャンで表示', times: 1234 },
    { staff: lead, label: '帳票の印刷', times: 3 },
  ],
  totalUses: 1237,
  residents: 1001,
  accountEvents: 42,
  backups: { made: 20, checked: 19, failedChecks: 1 },
  exports: [{ at: '2026-11-20T06:30:00.000Z', staff: lead, destination: 'E:\\未受領一覧.csv', rows: 57 }],
  restores: [{ at: '2026-11-25T00:10:00.000Z', backupCreatedAt: '2026-11-24T10:30:00.000Z', lost: { from: 12, to: 40 } }],
  ...over,
});

test('the 定期報告 reads as the screens do: counts with separators, Tokyo times, no machine dates', () => {
  const r = handlingReportPrint(input());
  const text = visibleText(r.html);
  assert.equal(r.title, '定期報告 2026年11月1日〜2026年11月30日');
  assert.doesNotMatch(text, MACHINE_DATE);
  for (const s of ['3,000件', '12,345件', '1,234回', '利用 1,237回・対象の住民 1,001人', '2026/11/20 15:30', '57件'])
    assert.ok(text.includes(s), s);
  assert.ok(!text.includes('記入'), 'the periodic report has no boxes to fill');
  assertCspSafe(r.html);
});

test('what came from elsewhere is escaped', () => {
  const r = handlingReportPrint(
    input({ station: '<b>x</b>', exports: [{ at: '2026-11-20T06:30:00.000Z', staff: lead, destination: 'A&B<script>', rows: null }] }),
  );
  assert.ok(r.html.includes('&lt;b&gt;x&lt;/b&gt;'));
  assert.ok(r.html.includes('A&amp;B&lt;script&gt;'));
  assertCspSafe(r.html);
});

test(
  'the 定期報告 on one A4 page: period, station, data held and where, uses per person, backups, files, restore',
  { skip: NO_CHROMIUM, timeout: 60_000 },
  async (t) => {
    const r = handlingReportPrint(input());
    assert.equal(r.pages, 1);
    const pdf = await browser.print(r.html, tempDir(t), 'handling');
    assert.ok(pdf.a4);
    assert.equal(pdf.pages, r.pages);
    const text = squeeze(pdf.text);
    for (const s of [
      '個人情報の取扱状況報告（定期報告）',
      '江東区長 殿',
      '第13条',
      '期間 2026年11月1日〜2026年11月30日',
      '端末 本庁舎 窓口1',
      '保有している個人情報と場所',
      '個人情報取扱台帳（アクセス記録）',
      '12,345件',
      '窓口 一郎',
      'スキャンで表示',
      '1,234回',
      'サインイン・画面ロック等 42回',
      'バックアップ 作成 20回・確認 正常 19回・異常 1回',
      '書き出したファイル 1件',
      '未受領一覧.csv',
      '1 / 1 ページ',
    ])
      assert.ok(text.includes(s), `${s} is printed`);
    assert.ok(text.replace(/\s+/g, '').includes('個人情報取扱台帳の12件目から40件目までを故障で消失'), 'the restore’s lost rows');
    assert.match(text, /印刷日時 2026\/12\/03 10:00/);
  },
);

test('the incident draft: the hours in question and three boxes to fill by hand', { skip: NO_CHROMIUM, timeout: 60_000 }, async (t) => {
  const r = incidentReportPrint(input({ period: '2026/12/03 09:00 〜 2026/12/03 12:00', restores: [], exports: [] }));
  assertCspSafe(r.html);
  const pdf = await browser.print(r.html, tempDir(t), 'incident');
  assert.ok(pdf.a4);
  assert.equal(pdf.pages, r.pages);
  const text = squeeze(pdf.text);
  for (const s of [
    '個人情報に係る事故の報告（下書き）',
    '第15条',
    '期間 2026/12/03 09:00 〜 2026/12/03 12:00',
    '発生した事実（いつ・どこで・何が）',
    '原因',
    '講じた措置・今後の対策',
    '書き出したファイル 0件',
  ])
    assert.ok(text.includes(s), `${s} is printed`);
});

test(
  'a long period pages by arithmetic: the page count promised is the page count printed',
  { skip: NO_CHROMIUM, timeout: 60_000 },
  async (t) => {
    const many = Array.from({ length: 70 }, (_, i) => ({
      staff: { name: `職員　${i}`, staffId: `c${i}` },
      label: 'スキャンで表示',
      times: i + 1,
    }));
    const exports = Array.from({ length: 30 }, (_, i) => ({
      at: '2026-11-20T06:30:00.000Z',
      staff: lead,
      destination: `E:\\out-${i}.pdf`,
      rows: i,
    }));
    const r = incidentReportPrint(input({ uses: many, exports }));
    assert.ok(r.pages >= 2);
    const pdf = await browser.print(r.html, tempDir(t), 'long');
    assert.equal(pdf.pages, r.pages);
    const text = squeeze(pdf.text);
    assert.ok(text.includes('職員ごと・利用の種類ごとの回数（続き）'));
    assert.ok(text.includes(`${r.pages} / ${r.pages} ページ`));
    assert.ok(text.includes('E:\\out-29.pdf'));
  },
);
