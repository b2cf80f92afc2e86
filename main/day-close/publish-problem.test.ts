// 日締め whose sync file cannot be written (issue 13: it said 「同期が未設定」 when the outbox had failed): the day is
// closed all the same, and the lead is told what failed, where, and what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncWorld } from '../testing/sync-fixtures';
import { manualClock } from '../testing/app-fixture';
import { cards } from '../testing/fixtures';
import { writeSetting } from '../store/settings';
import { closeDayAndSend } from './close-and-send';
import { dayClosing } from '../db/queries/events';

const lead = { staffId: 'lead1', displayName: '会場　責任者', role: 'lead' as const };

test('an outbox that cannot be written: the day closes, and the lead reads why no file went out, not 同期が未設定', async (t) => {
  const clock = manualClock('2026-11-25T09:00:00Z');
  const w = syncWorld(t, clock, [{ venue: 'sogo', stationId: 'sogo-st01' }], { sogo: cards(1, 3) });
  const store = w.stations['sogo-st01']!;
  // The outbox's parent is a file: no folder can be made there (as a share that is not mounted, or read-only).
  const blocker = join(w.dir, 'not-a-folder');
  writeFileSync(blocker, '');
  writeSetting(store.db, 'sync-outbox', join(blocker, 'outbox'));
  const r = await closeDayAndSend({ store, clock }, lead, '2026-11-25');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.syncFile, null);
  assert.match(r.value.syncProblem ?? '', /送信フォルダ .*not-a-folder.* に同期ファイルを書き出せませんでした.*日締めの記録は保存済み/);
  assert.doesNotMatch(r.value.syncProblem ?? '', /未設定/);
  assert.ok(dayClosing(store.db, '2026-11-25'), 'the day is closed');
});
