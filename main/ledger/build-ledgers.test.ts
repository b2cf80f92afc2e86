import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { buildLedgers } from './build-ledgers';
import { openLedgerFile } from './ledger-file';
import { testKeys } from '../testing/fixtures';
import { fixedClock } from '../clock';
import { VENUE_IDS } from '../../shared/venues/venues';

const keys = testKeys();
const clock = fixedClock('2026-11-20T01:00:00Z');
const csv = (rows: string[]) => Buffer.from(['予約管理番号,氏名,氏名カナ,生年月日,住所,通知種別,発送日', ...rows].join('\r\n'));
const roster = csv([
  'AAA-000001,豊洲　一,トヨス　ハジメ,1980/1/1,江東区豊洲3-2-1,通常,2026/11/20',
  'AAA-000002,亀戸　二,カメイド　ジ,1980/1/2,江東区亀戸1-1-1,通常,2026/11/20',
  'AAA-000003,東砂　三,ヒガシスナ　サン,1980/1/3,江東区東砂7-1-1,再発行,2026/11/20',
  'AAA-000004,東砂　四,ヒガシスナ　シ,1980/1/4,江東区東砂2-1-1,通常,2026/11/20',
  'AAA-000005,外　五,ソト　ゴ,1980/1/5,江戸川区船堀1-1-1,通常,2026/11/20',
]);

describe('building per-venue ledgers from a roster', () => {
  test('each venue gets exactly its residents, with 町丁目, plus the numbers that went elsewhere', () => {
    const r = buildLedgers({ roster, shipmentId: 'S1', hqKey: keys.hq, venueKeys: keys.venues, clock });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const byVenue = Object.fromEntries(
      r.value.ledgers.map((l) => {
        const opened = openLedgerFile(l.bytes, { venueKey: keys.venues[l.venue], hqKey: keys.hq });
        assert.ok(opened.ok);
        return [l.venue, opened.value];
      }),
    );
    assert.deepEqual(
      byVenue.toyosu!.cards.map((c) => [c.reservationNo, c.town, c.chome]),
      [['AAA-000001', '豊洲', 3]],
    );
    assert.deepEqual(
      byVenue.sogo!.cards.map((c) => c.reservationNo),
      ['AAA-000002', 'AAA-000004'],
    );
    assert.deepEqual(
      byVenue.honchosha!.cards.map((c) => [c.reservationNo, c.noticeType]),
      [['AAA-000003', '再発行']],
    );
    assert.deepEqual(byVenue.toyosu!.elsewhere.map((e) => [e.reservationNo, e.venue]).sort(), [
      ['AAA-000002', 'sogo'],
      ['AAA-000003', 'honchosha'],
      ['AAA-000004', 'sogo'],
    ]);
    assert.deepEqual(r.value.report.perVenue, { honchosha: 1, sogo: 2, toyosu: 1 });
    assert.deepEqual(
      r.value.report.unrouted.map((u) => [u.line, u.code]),
      [[6, 'outside-koto']],
    );
    const total = VENUE_IDS.reduce((n, v) => n + r.value.report.perVenue[v], 0) + r.value.report.unrouted.length;
    assert.equal(total, r.value.report.rosterRows, 'nothing silently dropped');
  });

  test('an invalid row stops the build with every problem; a bad shipment id is refused', () => {
    const bad = buildLedgers({
      roster: csv([
        'AAA-00000X,a,ア,1980/1/1,江東区豊洲1-1-1,通常,2026/11/20',
        'AAA-000002,b,イ,1980/13/1,江東区豊洲1-1-1,通常,2026/11/20',
      ]),
      shipmentId: 'S1',
      hqKey: keys.hq,
      venueKeys: keys.venues,
      clock,
    });
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'invalid-roster');
    assert.ok(bad.error.code === 'invalid-roster');
    assert.deepEqual(
      bad.error.problems.map((p) => [p.line, p.code]),
      [
        [2, 'bad-reservation-number'],
        [3, 'bad-date'],
      ],
    );
    const badId = buildLedgers({ roster, shipmentId: '../etc', hqKey: keys.hq, venueKeys: keys.venues, clock });
    assert.ok(!badId.ok);
    assert.equal(badId.error.code, 'bad-shipment-id');
  });
});
