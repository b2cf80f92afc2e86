// A venue station as backup tests need it: a real data folder (keyring and all) under a passphrase, a received
// ledger of `cards`, the demo staff, and the first `handedOver` cards handed over. Never imported by production code.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createVenueDataFolder, type VenueStore } from '../store/data-folder';
import { cards, importTestLedger, tempDir, testKeys } from './fixtures';
import { manualClock } from './app-fixture';
import { recordHandover } from '../counter/counter-service';
import { enrollStaff } from '../auth/staff';
import { DEMO_STAFF } from '../demo/demo-world';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import type { IdCheck } from '../../shared/counter/id-documents';

export const BACKUP_PASS = 'correct horse battery staple';
export const ID_CHECK: IdCheck = { path: 'self', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' };
export const CLERK = { staffId: 'clerk1', displayName: '窓口', role: 'clerk' as const };

export function backupStation(
  t: { after(fn: () => void): void },
  options: { cards?: number; handedOver?: number; clock?: ReturnType<typeof manualClock> } = {},
) {
  const clock = options.clock ?? manualClock('2026-11-25T01:00:00Z');
  const list = cards(1, options.cards ?? 40);
  const dir = tempDir(t);
  const store: VenueStore = createVenueDataFolder(join(dir, 'data'), 'toyosu', BACKUP_PASS);
  t.after(() => store.close());
  importTestLedger(store, testKeys(), 'S1', list, { clock });
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  confirmShipmentReceipt(
    { store, clock },
    DEMO_STAFF.find((s) => s.role === 'lead')!,
    'S1',
  );
  for (const c of list.slice(0, options.handedOver ?? 0)) assert.ok(recordHandover({ store, clock }, CLERK, c.reservationNo, ID_CHECK).ok);
  return { store, clock, dir, list };
}
