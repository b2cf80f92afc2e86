import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importLedger } from '../ledger/import-ledger';
import { cards, ledgerBytes, tempDir, testKeys, testStore } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { recordHandover, undoHandover } from '../counter/counter-service';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { closeDay, dailyReport } from './day-close';

const keys = testKeys();
const lead = { staffId: 'lead1', displayName: 'l', role: 'lead' as const };
const clerk = { staffId: 'clerk1', displayName: 'c', role: 'clerk' as const };
const license = { path: 'self' as const, documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' as const };

test('a closed day keeps its figures; a correction after close shows as a correction; closing twice changes nothing', (t) => {
  const store = testStore(tempDir(t), 'toyosu');
  t.after(() => store.close());
  const clock = manualClock('2026-11-25T00:00:00Z'); // 09:00 in Tokyo
  const ctx = { store, clock };
  const list = cards(1, 6);
  assert.ok(
    importLedger({ store, clock, actor: 'lead:lead1' }, ledgerBytes(keys, 'toyosu', 'S1', list), {
      venueKey: keys.venues.toyosu,
      hqKey: keys.hq,
    }).ok,
  );
  assert.ok(confirmShipmentReceipt(ctx, lead, 'S1').ok);
  for (const c of list.slice(0, 3)) {
    clock.advance(10 * 60_000);
    assert.ok(recordHandover(ctx, clerk, c.reservationNo, license).ok);
  }
  assert.equal(closeDay(ctx, clerk, '2026-11-25').ok, false, 'only a lead closes the day');
  assert.equal(closeDay(ctx, lead, '2026-11-26').ok, false, 'not a day still to come');
  clock.advance(8 * 3600_000); // 17:30
  const closed = closeDay(ctx, lead, '2026-11-25');
  assert.ok(closed.ok);
  assert.equal(closed.value.closed!.figures.totals.handedOver, 3);
  assert.deepEqual(closed.value.closed!.figures.byStation, [{ stationId: 'toyosu-test01', handedOver: 3, refusals: 0 }]);
  assert.deepEqual(closed.value.correctedSinceClose, []);

  // 17:45: a handover of that day is undone. The frozen figures stay; the report shows the correction.
  clock.advance(15 * 60_000);
  assert.ok(undoHandover(ctx, lead, list[0]!.reservationNo, '別人に交付処理した').ok);
  const report = dailyReport(ctx, '2026-11-25');
  assert.equal(report.closed!.figures.totals.handedOver, 3);
  assert.equal(report.current.totals.handedOver, 2);
  assert.deepEqual(
    report.correctedSinceClose.filter((c) => c.figure === 'handedOver' || c.figure === 'outstanding'),
    [
      { figure: 'handedOver', frozen: 3, now: 2 },
      { figure: 'outstanding', frozen: 3, now: 4 },
    ],
  );

  const again = closeDay(ctx, lead, '2026-11-25');
  assert.ok(!again.ok);
  assert.equal(again.error.code, 'already-closed');
  assert.match(again.error.message, /^2026年11月25日 は締め済みです/, 'the lead reads the day as every screen shows it');
  assert.equal(dailyReport(ctx, '2026-11-25').closed!.figures.totals.handedOver, 3, 'closing twice never re-freezes');

  // The next morning's work does not touch the closed day's figures at all.
  clock.advance(16 * 3600_000);
  assert.ok(recordHandover(ctx, clerk, list[4]!.reservationNo, license).ok);
  assert.equal(dailyReport(ctx, '2026-11-25').current.totals.handedOver, 2);
});
