// What HQ reads in a terminal: `hq report` with separators in every count and each station by name, and
// `hq pull` naming whose file each is (本庁舎 窓口1), its counts as 12,345件, the file's own name only after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { wardReportText } from './hq-report-text';
import { printPullResults } from './pull-output';
import type { WardConsolidation } from '../hq/consolidation';
import type { CliIo } from './io';

const figures = {
  shipped: 12345,
  received: 12000,
  notReceived: 345,
  handedOver: 10500,
  outstanding: 1400,
  returned: 100,
  refusals: 1234,
  damaged: 3,
};
const NAMES: Record<string, string> = { 'honchosha-a1b2c3': '本庁舎 窓口1', 'honchosha-d4e5f6': '本庁舎 窓口2' };

test('hq report: 12,345 with separators, stations by name, never by id', () => {
  const station = (stationId: string) => ({
    stationId,
    venue: 'honchosha' as const,
    files: 12,
    lastSeq: 12,
    lastBusinessDate: '2026-12-02',
    lastReceivedAt: null,
    gaps: [],
    stale: false,
  });
  const report = {
    asOf: '2026-12-02',
    total: figures,
    holds: false,
    venues: [
      {
        venue: 'honchosha',
        name: '本庁舎',
        figures,
        holds: true,
        breakers: [],
        claims: [],
        conflicts: [],
        foreignLedgers: [],
        stations: [station('honchosha-a1b2c3'), station('honchosha-d4e5f6')],
      },
    ],
    shipments: [
      {
        shipmentId: 'S2026-11-20',
        shippedToVenues: { honchosha: 12345, sogo: 0, toyosu: 0 },
        shipped: 12345,
        jlisCards: 12346,
        matches: false,
      },
    ],
    alerts: [],
    mismatches: Array.from({ length: 1001 }, () => '本庁舎: 件数が合いません'),
  } as unknown as WardConsolidation;
  const text = wardReportText(report, (id) => NAMES[id] ?? id, '2026年12月2日 終了時点');
  assert.match(
    text,
    /^区全体・2026年12月2日 終了時点: 送付 12,345 {2}受領 12,000 {2}交付 10,500 {2}交付待ち 1,400 {2}返戻 100 {2}交付不可（試行） 1,234 {2}破損 3$/m,
  );
  assert.match(text, /端末 本庁舎 窓口1、本庁舎 窓口2$/m);
  assert.match(
    text,
    /出荷 S2026-11-20: 送付 12,345枚（本庁舎 12,345枚、総合区民センター 0枚、豊洲シビックセンター 0枚） {2}J-LIS 受領 12,346枚/,
  );
  assert.match(text, /^要確認 1,001件:$/m);
  assert.doesNotMatch(text, /honchosha-/);
  assert.doesNotMatch(text.replace(/S2026-11-20|2026年/g, ''), /\d{4}/, 'no count of four digits without its separator');
});

test('hq pull: whose file in words and its counts with separators, the file name after', () => {
  let out = '';
  let exit = 0;
  const io = {
    out: (s: string) => (out += s),
    err: (s: string) => (out += s),
    stdin: Readable.from([]),
    env: {},
    cwd: '/',
  } as unknown as CliIo;
  printPullResults(
    io,
    [
      {
        source: '//share/honchosha/outbox',
        stations: ['本庁舎 窓口1'],
        problem: null,
        outcomes: [
          {
            status: 'ingested',
            stationId: 'honchosha-a1b2c3',
            seq: 2,
            newEvents: 12345,
            knownEvents: 1000,
            alerts: ['chain-broken'],
            file: 'honchosha-a1b2c3-00000002.sync',
            station: '本庁舎 窓口1',
          },
          {
            status: 'already-have',
            stationId: 'honchosha-a1b2c3',
            seq: 1,
            file: 'honchosha-a1b2c3-00000001.sync',
            station: '本庁舎 窓口1',
          },
        ],
      },
    ],
    (c) => (exit = c),
  );
  assert.equal(
    out,
    [
      '本庁舎 窓口1（//share/honchosha/outbox）: 2ファイル',
      '  本庁舎 窓口1 #2: 取込 12,345件（既知 1,000件）  要確認: 前のファイルとつながらないファイル  ファイル honchosha-a1b2c3-00000002.sync',
      '  本庁舎 窓口1 #1: 取込済み（変更なし）  ファイル honchosha-a1b2c3-00000001.sync',
      '',
    ].join('\n'),
  );
  assert.equal(exit, 3, 'an alert needs a person');
});
