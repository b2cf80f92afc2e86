// A venue station's side of provisioning the daily sync, as `madoguchi sync setup` / `sync identity` do it and as
// the app's first-run setup (main/setup/) does it: whom the station seals its files to (HQ's signed hq-sync.json,
// checked against the key the folder pinned, and the venue's key), and the registration file HQ is given.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { VENUES } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import type { PrivateKeyHandle, PublicKeyHandle } from '../crypto/key-files';
import { pinnedHqKey } from '../crypto/hq-pin';
import { writeFileAtomic } from '../files/atomic-write';
import type { VenueStore } from '../store/data-folder';
import { describeRecipientChange, parseHqSyncFile, recipientChanges } from './hq-sync-file';
import { setRecipients, stationRegistration, type HqSyncInfo } from './registration';
import { storeVenueKey } from './sync-keys';

export interface SyncSetupProblem {
  /** What is wrong: the hq-sync.json given, the venue's key, or a change of recipients not asked for (--replace). */
  readonly about: 'hq-sync' | 'venue-key' | 'replace';
  readonly message: string;
}

export interface SyncSetUp {
  readonly hq: HqSyncInfo;
  readonly venuePub: PublicKeyHandle;
  /** Each change to whom the station seals, in words (none when it already sealed to exactly these). */
  readonly changes: readonly string[];
}

/**
 * Sets the station's recipients: HQ's inbox from `hqSyncText` (believed only if the pinned HQ key signed it) and
 * the venue's key — its public half only, or its private key too (kept in the encrypted folder, so the station can
 * open its siblings' files). Recipients set before are replaced only with `replace`; nothing is written otherwise.
 */
export function setUpSync(
  store: VenueStore,
  hqSyncText: string,
  venueKey: PublicKeyHandle | PrivateKeyHandle,
  replace: boolean,
): Result<SyncSetUp, SyncSetupProblem> {
  const hq = parseHqSyncFile(hqSyncText, pinnedHqKey(store.db)?.key ?? null);
  if (!hq.ok) return err({ about: 'hq-sync', message: hq.error.message });
  if (venueKey.venue !== store.venue)
    return err({ about: 'venue-key', message: `会場の鍵が${VENUES[store.venue].name}のものではありません` });
  const changes = recipientChanges(store.db, hq.value, venueKey);
  const words = changes.map((c) => describeRecipientChange(c, VENUES[store.venue].name));
  if (changes.some((c) => c.from !== null) && !replace)
    return err({
      about: 'replace',
      message: `設定済みの同期の宛先が変わります。何も変えていません:\n${words.map((w) => `  ${w}\n`).join('')}`,
    });
  // The station's own keys are made now if they are not yet, so what HQ registers is what it will sign with.
  stationRegistration(store.db, store.venue, store.stationId);
  const r = setRecipients(store.db, hq.value, venueKey, store.venue);
  if (!r.ok) return err({ about: 'venue-key', message: r.error.message });
  if ('privateKey' in venueKey) storeVenueKey(store.db, venueKey.privateKey);
  return ok({ hq: hq.value, venuePub: venueKey, changes: words });
}

/** Writes `<stationId>.station.json` (public keys and the certificate's fingerprint) into `outDir`; its path. */
export function writeStationRegistration(store: VenueStore, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${store.stationId}.station.json`);
  writeFileAtomic(file, JSON.stringify(stationRegistration(store.db, store.venue, store.stationId), null, 2) + '\n');
  return file;
}
