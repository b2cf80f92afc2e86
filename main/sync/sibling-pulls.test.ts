// A venue station takes in its siblings' files by itself: when it opens and every `sibling-pull-minutes`, so a
// card handed over at 窓口1 is refused as 交付済み at 窓口2 within minutes, with no lead action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siblingPair } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { decideScan, recordHandover } from '../counter/counter-service';
import { writeSetting } from '../store/settings';
import type { IdCheck } from '../../shared/counter/id-documents';
import { exportSyncFile } from './export';
import { startSiblingPulls, type Timers } from './sibling-pulls';

const clerk = { staffId: 'clerk1', displayName: '窓口', role: 'clerk' as const };
const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };

/** Timers the test fires by hand: what is scheduled, and after how long. */
function manualTimers() {
  const due: { fn: () => void; ms: number }[] = [];
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      due.push({ fn, ms });
      return {};
    },
    clearTimeout: () => {},
  };
  return { timers, due };
}

function twoStations(t: Parameters<typeof siblingPair>[0]) {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 6);
  const { a, b, outbox } = siblingPair(t, clock, list);
  const handOverAtA = (i: number) => {
    recordHandover({ store: a, clock }, clerk, list[i]!.reservationNo, idCheck);
    assert.ok(exportSyncFile({ store: a, clock }, outbox(a)).ok);
  };
  const seenAtB = (i: number) => decideScan({ store: b, clock }, clerk, list[i]!.reservationNo).kind;
  return { clock, b, handOverAtA, seenAtB };
}

test('a station takes in its siblings’ files when it opens and again every sibling-pull-minutes, logging counts only', async (t) => {
  const { clock, b, handOverAtA, seenAtB } = twoStations(t);
  handOverAtA(0);
  const { timers, due } = manualTimers();
  const log: string[] = [];
  const pulls = startSiblingPulls({ store: b, clock }, (l) => log.push(l), timers);
  await pulls.pullNow(); // the pull begun at start
  assert.equal(seenAtB(0), 'already-handed-over', 'known at once after opening');
  assert.deepEqual(
    due.map((d) => d.ms),
    [5 * 60_000],
    'the next pull in the default 5 minutes',
  );

  handOverAtA(1);
  assert.equal(seenAtB(1), 'ok', 'not yet: the next pull has not come');
  due.shift()!.fn();
  await pulls.pullNow();
  assert.equal(seenAtB(1), 'already-handed-over', 'known after the next pull, with nobody doing anything');
  assert.equal(due.length, 1, 'and the one after is scheduled');
  await pulls.stop();
  assert.ok(log.length >= 2);
  assert.ok(
    log.every((l) => /^他の窓口の同期ファイル: \d+ ファイル取込$/.test(l)),
    log.join('\n'),
  );
});

test('sibling-pull-minutes 0: nothing is pulled by itself (the lead’s menu still can)', async (t) => {
  const { clock, b, handOverAtA, seenAtB } = twoStations(t);
  handOverAtA(0);
  writeSetting(b.db, 'sibling-pull-minutes', '0');
  const { timers, due } = manualTimers();
  const pulls = startSiblingPulls({ store: b, clock }, () => {}, timers);
  assert.deepEqual(due, []);
  assert.equal(seenAtB(0), 'ok');
  await pulls.pullNow();
  assert.equal(seenAtB(0), 'already-handed-over');
  await pulls.stop();
});
