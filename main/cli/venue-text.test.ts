// What a lead reads in a terminal after `venue close-day` and `venue daily`: counts with separators (1,234),
// staff and stations by name, times in Tokyo as 2026/12/02 19:42; never an actor id or a UTC timestamp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeDayText, dailyReportText, type DailyReportNames } from './venue-text';
import { asOfText } from './text';
import type { DailyReport } from '../day-close/day-close';

const totals = {
  shipped: 12345,
  received: 12000,
  notReceived: 345,
  handedOver: 10500,
  outstanding: 1400,
  returned: 100,
  refusals: 1234,
  damaged: 3,
  holds: true,
};
const byStation = [
  { stationId: 'honchosha-a1b2c3', handedOver: 6000, refusals: 1000 },
  { stationId: 'honchosha-d4e5f6', handedOver: 4500, refusals: 234 },
];
const names: DailyReportNames = {
  venueName: '本庁舎',
  staff: (actor) => (actor === 'lead:lead1' ? { name: '会場　責任者', staffId: 'lead1' } : { name: actor, staffId: null }),
  station: (id) => ({ 'honchosha-a1b2c3': '本庁舎 窓口1', 'honchosha-d4e5f6': '本庁舎 窓口2' })[id] ?? id,
};
const NOW = new Date('2026-12-03T00:12:00Z'); // 09:12 in Tokyo
const ID_OR_UTC = /honchosha-|lead:|\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/;

test('close-day: every count of four digits or more with its separator', () => {
  const text = closeDayText('2026-12-02', '会場　責任者', totals);
  assert.equal(text, '2026年12月2日を締めました（会場　責任者）\n交付 10,500  交付待ち 1,400  成立\n');
});

test('daily, closed: the close in Tokyo time and by name, figures with separators, stations by name', () => {
  const report: DailyReport = {
    date: '2026-12-02',
    // 10:42 UTC is 19:42 in Tokyo.
    closed: { at: '2026-12-02T10:42:00.000Z', by: 'lead:lead1', figures: { totals, byStation } },
    current: { totals: { ...totals, handedOver: 10501, outstanding: 1399 }, byStation },
    correctedSinceClose: [
      { figure: 'handedOver', frozen: 10500, now: 10501 },
      { figure: 'outstanding', frozen: 1400, now: 1399 },
    ],
  };
  const text = dailyReportText(report, names, NOW);
  assert.equal(
    text,
    [
      '本庁舎 日報 2026年12月2日',
      '締め: 締め済み 2026/12/02 19:42・会場　責任者（lead1）（下の数字は締めた時点で固定した値です）',
      '集計: 送付 12,345  受領 12,000  未着 345  交付 10,500  交付待ち 1,400  返戻 100  交付不可（試行） 1,234  破損 3  整合 成立',
      '  送付 12,345 = 受領 12,000 + 未着 345',
      '  受領 12,000 = 交付 10,500 + 交付待ち 1,400 + 返戻 100',
      '締め後の訂正（締め時点 → 現在）:',
      '  交付 10,500 → 10,501（+1）',
      '  交付待ち 1,400 → 1,399（-1）',
      '端末ごと（締め時点）:',
      '  本庁舎 窓口1  交付 6,000  交付不可（試行） 1,000',
      '  本庁舎 窓口2  交付 4,500  交付不可（試行） 234',
      '  合計  交付 10,500  交付不可（試行） 1,234',
      '',
    ].join('\n'),
  );
  assert.doesNotMatch(text, ID_OR_UTC);
});

test('daily, not closed: the figures are as of now, in Tokyo time', () => {
  const text = dailyReportText(
    { date: '2026-12-03', closed: null, current: { totals, byStation: [byStation[0]!] }, correctedSinceClose: [] },
    names,
    NOW,
  );
  assert.match(text, /^締め: 未締め（下の数字は現時点（2026\/12\/03 09:12 時点）の集計です）$/m);
  assert.match(text, /^端末ごと:\n {2}本庁舎 窓口1 {2}交付 6,000 {2}交付不可（試行） 1,000\n$/m);
  assert.doesNotMatch(text, /締め後の訂正|合計/);
  assert.doesNotMatch(text, ID_OR_UTC);
  const past = dailyReportText({ date: '2026-12-01', closed: null, current: { totals, byStation }, correctedSinceClose: [] }, names, NOW);
  assert.match(past, /^締め: 未締め（下の数字は2026年12月1日 終了時点、2026\/12\/03 09:12 に再計算の集計です）$/m);
});

test('as of: a past day’s end with --date; now in Tokyo time otherwise, today (not ended) and a day to come said so', () => {
  assert.equal(asOfText(NOW, '2026-12-02'), '2026年12月2日 終了時点');
  assert.equal(asOfText(NOW), '現時点（2026/12/03 09:12 時点）');
  assert.equal(asOfText(NOW, '2026-12-03'), '現時点（2026/12/03 09:12 時点）', 'today has not ended');
  assert.equal(asOfText(NOW, '2026-12-04'), '2026年12月4日（まだ来ていない日です。数字は現時点（2026/12/03 09:12 時点）のもの）');
  const future = dailyReportText({ date: '2026-12-04', closed: null, current: { totals, byStation }, correctedSinceClose: [] }, names, NOW);
  assert.match(
    future,
    /^締め: 未締め（下の数字は2026年12月4日（まだ来ていない日です。数字は現時点（2026\/12\/03 09:12 時点）のもの）の集計です）$/m,
  );
});
