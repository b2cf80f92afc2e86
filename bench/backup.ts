// Bench section: a backup as 日締め or 今すぐバックアップ makes it (issue 15), over a station folder holding a year's
// work at a busy counter (a 40,000-row ledger, 30,000 of its events, 100,000 access rows): the VACUUM INTO snapshot,
// reading every page of the copy back through the cipher, walking its chains, signing the manifest. It runs in the
// main process, so the counter waits for it; against reading every page of the live database once.
import { ensureSigningKey } from '../main/sync/sync-keys';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder } from '../main/store/data-folder';
import { cards, importTestLedger, tempDir, testKeys } from '../main/testing/fixtures';
import type { Clock } from '../main/clock';
import { recordAccess } from '../main/access/access-record';
import { appendEvent } from '../main/db/event-log';
import { createBackup } from '../main/backup/create-backup';
import { median, time, type BenchTarget } from './measure';
import { integrityCheck } from '../main/db/queries/snapshot';

export function measureBackup(options: {
  quick: boolean;
  runs: number;
  clock: Clock;
  cleanup: { after(fn: () => void): void };
}): BenchTarget[] {
  const CARDS = options.quick ? 1_000 : 40_000;
  const EVENTS = options.quick ? 300 : 30_000;
  const ACCESS = options.quick ? 1_000 : 100_000;
  const dir = tempDir(options.cleanup);
  const store = createVenueDataFolder(join(dir, 'data'), 'toyosu', 'bench passphrase');
  importTestLedger(store, testKeys(), 'S1', cards(1, CARDS), { clock: options.clock });
  let at = options.clock.now().getTime();
  const ticking = { now: () => new Date((at += 20_000)) };
  store.db.transaction(() => {
    for (let i = 0; i < ACCESS; i++)
      recordAccess(store.db, ticking, {
        stationId: store.stationId,
        actor: 'clerk:c01',
        action: 'scan-view',
        subject: `T00-${String(i % CARDS).padStart(6, '0')}`,
      });
    for (let i = 0; i < EVENTS; i++)
      appendEvent(store.db, ticking, {
        stationId: store.stationId,
        actor: 'lead:l01',
        kind: 'receipt.confirmed',
        payload: { shipmentId: `S${i}`, cards: 1 },
      });
  })();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  ensureSigningKey(store.db);
  const source = { dir: store.dir, db: store.db, site: store.venue, stationId: store.stationId, openCopy: store.openCopy };
  const backups: number[] = [];
  const reads: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    const to = join(dir, `usb-${r}`);
    mkdirSync(to);
    backups.push(
      time(() => {
        const made = createBackup(source, ticking, { actor: 'lead:l01', destination: to, reason: 'manual', keep: 1 });
        if (!made.ok) throw new Error(made.error.message);
      }),
    );
    reads.push(time(() => integrityCheck(store.db)));
    rmSync(to, { recursive: true });
  }
  store.close();
  return [
    {
      name: `backup (snapshot, every page read back, chains walked, signed manifest): ${CARDS.toLocaleString('en-US')} ledger rows, ${EVENTS.toLocaleString('en-US')} events, ${ACCESS.toLocaleString('en-US')} access rows`,
      measured: median(backups),
      baseline: { name: 'reading every page of the live database once (integrity check)', ms: median(reads), maxRatio: 6 },
      maxMs: 5_000,
    },
  ];
}
