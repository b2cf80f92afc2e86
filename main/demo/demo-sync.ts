// The demo's daily sync, provisioned as a ward would: keys, recipients, registration with folder sources, each
// station's first file published and taken in by its siblings and HQ (a part of main/demo/demo-world.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { VenueId } from '../../shared/venues/venues';
import type { PrivateKeyHandle } from '../crypto/key-files';
import { writeFileAtomic } from '../files/atomic-write';
import { openDataFolder, openVenueDataFolder, type VenueStore } from '../store/data-folder';
import { hqSyncInfo, registerStation, setRecipients, stationRegistration } from '../sync/registration';
import { exportSyncFile } from '../sync/export';
import { createIngester } from '../sync/ingest';
import { inboxKey, storeVenueKey } from '../sync/sync-keys';
import { encodeHqSyncFile } from '../sync/hq-sync-file';
import { writeSetting } from '../store/settings';
import type { Clock } from '../clock';

/**
 * The demo's daily sync, set up as provisioning would (keys, recipients, registration with folder sources, the
 * stations of a venue registered with each other): each station publishes its first file into
 * outbox/<stationId> (a second station first takes in its sibling's, receipts included), and HQ has taken them
 * all in, so HQ's screen has the ward's figures at once. `madoguchi sync` / `hq pull` continue from there.
 */
export function provisionSync(
  dir: string,
  hqDataDir: string,
  stations: readonly { readonly stationId: string; readonly dir: string }[],
  keys: { hq: PrivateKeyHandle; venues: Record<VenueId, PrivateKeyHandle> },
  passphrase: string,
  clock: Clock,
): void {
  const venueKeys = keys.venues;
  const hqOpened = openDataFolder(hqDataDir, passphrase);
  if (!hqOpened.ok || hqOpened.value.site !== 'hq') throw new Error('demo HQ folder did not open');
  const hq = hqOpened.value.store;
  const stores: VenueStore[] = [];
  const outboxOf = (s: { stationId: string }) => resolve(dir, 'outbox', s.stationId);
  try {
    for (const s of stations) {
      const opened = openVenueDataFolder(s.dir, passphrase);
      if (!opened.ok) throw new Error(opened.error.message);
      stores.push(opened.value);
    }
    const info = hqSyncInfo(hq.db, hq.stationId);
    // HQ's signed sync settings beside the keys, as `sync identity --hq-key` writes them: with hq.pub and a venue's
    // .key, what a new counter PC's 初回設定 asks for (README "Setting up a counter PC").
    writeFileAtomic(join(dir, 'keys', 'hq-sync.json'), encodeHqSyncFile(info, keys.hq, clock.now()));
    for (const store of stores) {
      const reg = stationRegistration(store.db, store.venue, store.stationId);
      registerStation(hq.db, clock, { venue: 'hq', stationId: hq.stationId }, reg, outboxOf(store));
      for (const sibling of stores.filter((o) => o.venue === store.venue && o !== store)) {
        registerStation(sibling.db, clock, { venue: sibling.venue, stationId: sibling.stationId }, reg, outboxOf(store));
      }
      const r = setRecipients(store.db, info, venueKeys[store.venue], store.venue);
      if (!r.ok) throw new Error(r.error.message);
      // Kept at each station, so it takes in its siblings' files from the app (会場責任者メニュー).
      storeVenueKey(store.db, venueKeys[store.venue].privateKey);
      // 日締め publishes where HQ and the siblings were told to look (not the folder's own default outbox/), said
      // relative to the data folder, as the setting allows: a copy of the demo (a test's) publishes beside itself.
      const set = writeSetting(store.db, 'sync-outbox', relative(store.dir, outboxOf(store)));
      if (!set.ok) throw new Error(set.message);
    }
    for (const store of stores) {
      const siblings = createIngester({ db: store.db, clock, recipient: venueKeys[store.venue] });
      for (const s of stores.filter((o) => o.venue === store.venue && o !== store)) ingestFolder(siblings, outboxOf(s));
      const exported = exportSyncFile({ store, clock }, outboxOf(store));
      if (!exported.ok) throw new Error(exported.error.message);
    }
    const ingester = createIngester({ db: hq.db, clock, recipient: inboxKey(hq.db)! });
    for (const s of stations) ingestFolder(ingester, outboxOf(s));
  } finally {
    for (const s of stores) s.close();
    hq.close();
  }
}

function ingestFolder(ingester: ReturnType<typeof createIngester>, folder: string): void {
  if (!existsSync(folder)) return;
  for (const f of readdirSync(folder)
    .filter((n) => n.endsWith('.sync'))
    .sort())
    ingester.ingest(readFileSync(join(folder, f)));
}
