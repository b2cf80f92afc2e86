// Writes wait out a busy database (issue 13): with another connection writing all the while (a command beside
// the app recording its looks), every handover is recorded. Deferred transactions failed here at once with
// `database is locked` although busy_timeout is 5 s: a read that turns into a write cannot wait in WAL mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createVenueDataFolder } from '../store/data-folder';
import { cards, importTestLedger, tempDir, testKeys } from '../testing/fixtures';
import { bundleChild } from '../testing/bundle-child';
import { manualClock } from '../testing/app-fixture';
import { recordHandover } from '../counter/counter-service';
import { confirmShipmentReceipt } from '../receipt/box-receipt';

const PASS = 'venue passphrase 1';
const clerk = { staffId: 'c1', displayName: 'c', role: 'clerk' as const };
const lead = { staffId: 'l1', displayName: 'l', role: 'lead' as const };
const idCheck = { path: 'self' as const, documents: ['drivers-license'], proxy: null, surrendered: [], pin: 'pins-set' as const };

test('with another connection writing all the while, every handover is recorded (none fails with database is locked)', async (t) => {
  const dir = tempDir(t);
  const store = createVenueDataFolder(dir, 'sogo', PASS);
  t.after(() => store.close());
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 120);
  importTestLedger(store, testKeys(), 'S1', list, { clock });
  assert.ok(confirmShipmentReceipt({ store, clock }, lead, 'S1').ok);

  const child = spawn(process.execPath, [bundleChild(t, 'busy-writer-child'), dir, PASS], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill('SIGKILL'));
  await new Promise<void>((resolve) => child.stdout.setEncoding('utf8').once('data', () => resolve()));

  const failed: string[] = [];
  for (const c of list) {
    clock.advance(1_000);
    const r = recordHandover({ store, clock }, clerk, c.reservationNo, idCheck);
    if (!r.ok) failed.push(r.error.message);
    // Let the other process in between, as requests arriving one by one do.
    await new Promise((r) => setImmediate(r));
  }
  assert.deepEqual(failed, []);
  const rows = store.db.prepare("SELECT count(*) FROM access_records WHERE actor = 'cli'").pluck().get() as number;
  assert.ok(rows > 0, 'the other connection was writing meanwhile');
});
