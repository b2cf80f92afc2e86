// HQ's consolidation names what does not add up: a ledger HQ never built at a venue (and the claim it throws
// off), J-LIS's count against what HQ shipped, a station gone quiet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { encodeLedgerFile } from '../ledger/ledger-file';
import { importLedger } from '../ledger/import-ledger';
import { exportSyncFile } from '../sync/export';
import { createIngester } from '../sync/ingest';
import { recordJlisCount } from './jlis';
import { consolidate } from './consolidation';

test('a ledger HQ did not build, a J-LIS count that differs and a quiet station are each named', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const w = syncWorld(
    t,
    clock,
    [
      { venue: 'toyosu', stationId: 'toyosu-st01' },
      { venue: 'sogo', stationId: 'sogo-st01' },
    ],
    { toyosu: cards(1, 5), sogo: cards(100, 3) },
  );
  const store = w.stations['toyosu-st01']!;
  // A ledger signed with HQ's key but never recorded at HQ (built without --hq-data, say).
  const stray = encodeLedgerFile({
    venueKey: w.venueKeys.toyosu,
    hqKey: w.hqSigning,
    shipmentId: 'S9',
    createdAt: '2026-11-21T00:00:00.000Z',
    cards: cards(50, 4),
  });
  assert.ok(importLedger({ store, clock, actor: 'test' }, stray, { venueKey: w.venueKeys.toyosu, hqKey: w.hqSigning }).ok);
  const ingester = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
  for (const id of ['toyosu-st01', 'sogo-st01']) {
    const f = exportSyncFile({ store: w.stations[id]!, clock }, join(w.dir, 'outbox', id), {
      businessDate: id === 'sogo-st01' ? '2026-11-20' : '2026-11-25',
    });
    assert.ok(f.ok);
    assert.equal(ingester.ingest(readFileSync(f.value.path)).status, 'ingested');
  }
  assert.ok(recordJlisCount(w.hq.db, clock, 'test', 'S1', 7).ok);

  const r = consolidate(w.hq.db, { asOf: '2026-11-25', staleDays: 2 });
  const toyosu = r.venues.find((v) => v.venue === 'toyosu')!;
  assert.deepEqual(toyosu.foreignLedgers, [{ stationId: 'toyosu-st01', shipmentId: 'S9', rowCount: 4, builtRowCount: null }]);
  // The station counts the stray shipment as shipped; HQ, from the ledgers it built, does not.
  assert.deepEqual(toyosu.claims[0]!.differences, [{ figure: 'shipped', claimed: 9, recomputed: 5 }]);
  assert.deepEqual(
    r.shipments.map((s) => [s.shipmentId, s.shipped, s.jlisCards, s.matches]),
    [['S1', 8, 7, false]],
  );
  assert.equal(r.holds, false);
  for (const expected of [
    /豊洲シビックセンター toyosu-st01: 出荷 S9 の台帳（4件）は事務センターが作成した記録にありません/,
    /豊洲シビックセンター toyosu-st01 #1: 送付 申告 9 ≠ 再計算 5/,
    /出荷 S1: J-LIS からの受領 7件 ≠ 各会場への送付の合計 8件/,
    // The station by its venue, the day as every screen shows one.
    /^総合区民センター sogo-st01: 2026年11月20日 以降同期ファイルが届いていません$/,
  ])
    assert.ok(
      r.mismatches.some((m) => expected.test(m)),
      `${expected}\n${r.mismatches.join('\n')}`,
    );
  assert.ok(!r.mismatches.some((m) => m.includes('toyosu-st01: 2026')), 'a station that sent today’s file is not quiet');
});
