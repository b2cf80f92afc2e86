// A venue app over a fresh store with a small received ledger and demo staff, for IPC-level tests.
import type { Clock } from '../clock';
import { createApp, type App } from '../app/create-app';
import { encodeLedgerFile } from '../ledger/ledger-file';
import { importLedger } from '../ledger/import-ledger';
import { enrollStaff } from '../auth/staff';
import { confirmShipmentReceipt } from '../receipt/box-receipt';
import { DEMO_STAFF } from '../demo/demo-world';
import type { Printer } from '../print/printer';
import type { VenueStore } from '../store/data-folder';
import { cards, tempDir, testKeys, testStore, type TestKeys } from './fixtures';

export function appFixture(
  t: { after(fn: () => void): void },
  clock: Clock,
  options: { printer?: Printer } = {},
): { app: App; cards: ReturnType<typeof cards>; keys: TestKeys; store: VenueStore } {
  const keys = testKeys();
  const store = testStore(tempDir(t), 'toyosu');
  const list = cards(1, 30);
  const bytes = encodeLedgerFile({
    venueKey: keys.venues.toyosu,
    hqKey: keys.hq,
    shipmentId: 'S1',
    createdAt: '2026-11-20T00:00:00Z',
    cards: list,
    elsewhere: [{ reservationNo: 'SGO-000001', venue: 'sogo' }],
  });
  const r = importLedger({ store, clock, actor: 'test' }, bytes, { venueKey: keys.venues.toyosu, hqKey: keys.hq });
  if (!r.ok) throw new Error(r.error.message);
  for (const s of DEMO_STAFF) enrollStaff(store.db, clock, store.stationId, 'test', s);
  confirmShipmentReceipt(
    { store, clock },
    DEMO_STAFF.find((s) => s.role === 'lead')!,
    'S1',
  );
  const app = createApp(store, clock, () => {}, options.printer ? { printer: options.printer } : {});
  t.after(() => app.close());
  return { app, cards: list, keys, store };
}

/** A clock tests can move forward. */
export function manualClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}
