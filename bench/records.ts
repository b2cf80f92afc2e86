// Bench section: the check of the chained records a station runs when it is unlocked (issue 14), over a year's
// access record at a busy counter (100,000 rows: looks, searches, sign-ins) and 30,000 of its own events, against
// reading the same rows without a hash. The unlock waits for it, so it has an absolute budget too.
import { tempDir, testStore } from '../main/testing/fixtures';
import type { Clock } from '../main/clock';
import { recordAccess } from '../main/access/access-record';
import { appendEvent } from '../main/db/event-log';
import { checkRecords } from '../main/access/verify-record';
import { median, time, type BenchTarget } from './measure';

export function measureRecordCheck(options: {
  quick: boolean;
  runs: number;
  clock: Clock;
  cleanup: { after(fn: () => void): void };
}): BenchTarget[] {
  const ACCESS_N = options.quick ? 2_000 : 100_000;
  const EVENTS_N = options.quick ? 600 : 30_000;
  const store = testStore(tempDir(options.cleanup), 'toyosu');
  let at = options.clock.now().getTime();
  const ticking = { now: () => new Date((at += 20_000)) };
  store.db.transaction(() => {
    for (let i = 0; i < ACCESS_N; i++)
      recordAccess(store.db, ticking, {
        stationId: store.stationId,
        actor: 'clerk:c01',
        action: i % 5 === 0 ? 'search' : 'scan-view',
        subject: i % 5 === 0 ? null : `TYS-${String(i).padStart(6, '0')}`,
        detail: i % 5 === 0 ? { results: 1, capped: false, subjects: [`TYS-${String(i).padStart(6, '0')}`] } : {},
      });
    for (let i = 0; i < EVENTS_N; i++)
      appendEvent(store.db, ticking, {
        stationId: store.stationId,
        actor: 'lead:l01',
        kind: 'receipt.confirmed',
        payload: { shipmentId: `S${i}`, cards: 1 },
      });
  })();
  const check: number[] = [];
  const read: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    check.push(
      time(() => {
        if (checkRecords(store.db, store.stationId).problem) throw new Error('the bench’s records do not hold');
      }),
    );
    read.push(
      time(() => {
        for (const _ of store.db.prepare('SELECT * FROM access_records ORDER BY seq').iterate());
        for (const _ of store.db.prepare('SELECT * FROM events WHERE station_id = ? ORDER BY seq').iterate(store.stationId));
      }),
    );
  }
  store.close();
  return [
    {
      name: `records checked link by link at unlock: ${ACCESS_N.toLocaleString('en-US')} access rows and ${EVENTS_N.toLocaleString('en-US')} events`,
      measured: median(check),
      baseline: { name: 'reading the same rows, no hash', ms: median(read), maxRatio: 6 },
      maxMs: 2_000,
    },
  ];
}
