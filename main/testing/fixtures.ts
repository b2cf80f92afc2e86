// Test helpers: cheap keys, cards and throwaway data folders. Never imported by production code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LedgerCard } from '../../shared/ledger/ledger-format';
import type { VenueId } from '../../shared/venues/venues';
import { generateKeyPair, type PrivateKeyHandle } from '../crypto/key-files';
import { openStoreWithKey, type VenueStore } from '../store/data-folder';
import { encodeLedgerFile, type LedgerContent } from '../ledger/ledger-file';
import { importLedger } from '../ledger/import-ledger';
import type { Clock } from '../clock';

export function tempDir(t?: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-test-'));
  t?.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestKeys {
  readonly hq: PrivateKeyHandle;
  readonly venues: Record<VenueId, PrivateKeyHandle>;
}

export function testKeys(): TestKeys {
  return {
    hq: generateKeyPair('hq', null),
    venues: {
      honchosha: generateKeyPair('venue', 'honchosha'),
      sogo: generateKeyPair('venue', 'sogo'),
      toyosu: generateKeyPair('venue', 'toyosu'),
    },
  };
}

export function card(n: number, overrides: Partial<LedgerCard> = {}): LedgerCard {
  return {
    reservationNo: `T${String(Math.floor(n / 1_000_000) % 100).padStart(2, '0')}-${String(n % 1_000_000).padStart(6, '0')}`,
    name: `試験　太郎${n}`,
    kana: 'シケン　タロウ',
    birthDate: '1983-04-01',
    address: `東京都江東区豊洲五丁目${(n % 9) + 1}番1号`,
    town: '豊洲',
    chome: 5,
    noticeType: n % 10 === 0 ? '再発行' : '通常',
    shippedOn: '2026-11-20',
    ...overrides,
  };
}

export function cards(from: number, count: number): LedgerCard[] {
  return Array.from({ length: count }, (_, i) => card(from + i));
}

export function ledgerBytes(keys: TestKeys, venue: VenueId, shipmentId: string, list: readonly LedgerCard[]): Buffer {
  return encodeLedgerFile({
    venueKey: keys.venues[venue],
    hqKey: keys.hq,
    shipmentId,
    createdAt: '2026-11-20T09:00:00.000+09:00',
    cards: list,
  });
}

/**
 * Imports shipment `shipmentId` of `list` into a venue's store as a lead would, failing the test if it does not
 * import; `elsewhere` names cards the ledger routes to other venues (the counter's "other venue" outcome).
 */
export function importTestLedger(
  store: VenueStore,
  keys: TestKeys,
  shipmentId: string,
  list: readonly LedgerCard[],
  options: { clock: Clock; actor?: string; elsewhere?: LedgerContent['elsewhere'] },
): void {
  const venueKeys = { venueKey: keys.venues[store.venue], hqKey: keys.hq };
  const bytes = encodeLedgerFile({
    ...venueKeys,
    shipmentId,
    createdAt: '2026-11-20T00:00:00Z',
    cards: list,
    elsewhere: options.elsewhere,
  });
  const imported = importLedger({ store, clock: options.clock, actor: options.actor ?? 'lead:lead1' }, bytes, venueKeys);
  if (!imported.ok) throw new Error(`test ledger ${shipmentId} did not import: ${imported.error.message}`);
}

/** A data folder opened with a raw key (no scrypt), for tests that do not exercise the passphrase. */
export function testStore(dir: string, venue: VenueId, dbKey: Buffer = randomBytes(32)): VenueStore {
  return openStoreWithKey(dir, venue, `${venue}-test01`, dbKey);
}
