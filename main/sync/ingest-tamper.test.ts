// What the customer asked of HQ's ingest, byte by byte: every header byte flipped, 1,000 random body positions
// flipped, truncations at many lengths, a valid file relabelled to another venue — each refused by the ingest
// itself, and HQ's folder exactly as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { syncWorld } from '../testing/sync-fixtures';
import { cards } from '../testing/fixtures';
import { manualClock } from '../testing/app-fixture';
import { recordHandover } from '../counter/counter-service';
import type { IdCheck } from '../../shared/counter/id-documents';
import type { Db } from '../db/connection';
import { exportSyncFile } from './export';
import { createIngester } from './ingest';

const idCheck: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
const state = (db: Db) =>
  JSON.stringify([
    db.prepare('SELECT count(*) AS n, max(rowid) AS r FROM events').get(),
    db.prepare('SELECT * FROM sync_files').all(),
    db.prepare('SELECT * FROM sync_alerts').all(),
    db.prepare('SELECT total_changes() AS c').get(),
  ]);

test('HQ refuses every tampered, truncated or relabelled copy of a file and stays exactly as it was', (t) => {
  const clock = manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, 5);
  const w = syncWorld(
    t,
    clock,
    [
      { venue: 'toyosu', stationId: 'toyosu-st01' },
      { venue: 'sogo', stationId: 'sogo-st01' },
    ],
    { toyosu: list },
  );
  const store = w.stations['toyosu-st01']!;
  for (const c of list.slice(0, 3))
    recordHandover({ store, clock }, { staffId: 'c1', displayName: 'c', role: 'clerk' }, c.reservationNo, idCheck);
  const f = exportSyncFile({ store, clock }, join(w.dir, 'outbox', 'toyosu-st01'));
  assert.ok(f.ok);
  const bytes = readFileSync(f.value.path);
  const ingester = createIngester({ db: w.hq.db, clock, recipient: w.inbox() });
  const before = state(w.hq.db);
  const refused = (b: Uint8Array, what: string) => {
    const r = ingester.ingest(b);
    assert.equal(r.status, 'rejected', what);
  };

  const headerEnd = bytes.indexOf(0x0a, bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1) + 1;
  for (let i = 0; i < headerEnd; i++) {
    const b = Buffer.from(bytes);
    b[i]! ^= 0x01;
    refused(b, `header byte ${i}`);
  }
  fc.assert(
    fc.property(fc.integer({ min: headerEnd, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (i, mask) => {
      const b = Buffer.from(bytes);
      b[i]! ^= mask;
      refused(b, `body byte ${i}`);
    }),
    { numRuns: 1000 },
  );
  for (let n = 0; n < bytes.length; n += Math.max(1, Math.floor(bytes.length / 300))) refused(bytes.subarray(0, n), `truncated to ${n}`);
  refused(
    Buffer.from(
      bytes
        .toString('latin1')
        .replace('"venue":"toyosu"', '"venue":"sogo"')
        .replace('"stationId":"toyosu-st01"', '"stationId":"sogo-st01"'),
      'latin1',
    ),
    'relabelled as sogo’s station',
  );
  assert.equal(state(w.hq.db), before, 'HQ’s folder unchanged');
  assert.equal(ingester.ingest(bytes).status, 'ingested', 'the genuine file still goes in');
});
