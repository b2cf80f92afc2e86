// The auto-open channels (shared/ipc/contract/auto-open.ts), the same at a venue's station (its lead) and at
// HQ (HQ staff, HQ's own folder). `os`: the OS key store where there is one (Electron); null in browser mode.
import type { autoOpenContract } from '../../shared/ipc/contract/auto-open';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { Clock } from '../clock';
import { actorOf } from '../auth/staff';
import type { HqStore, VenueStore } from './data-folder';
import type { OsKeyStore } from './os-key-store';
import { autoOpen } from './auto-open';
import type { PassphraseTries } from '../auth/passphrase-tries';

export function autoOpenHandlers(
  store: VenueStore | HqStore,
  clock: Clock,
  os: OsKeyStore | null,
  tries: PassphraseTries,
): HandlerSlice<keyof typeof autoOpenContract> {
  const setting = autoOpen(store, clock, os, tries);
  return {
    'auto-open:status': () => setting.view(),
    'auto-open:enable': ({ passphrase }, call) => setting.enable(actorOf(staffOf(call)), passphrase),
    'auto-open:disable': (_, call) => setting.disable(actorOf(staffOf(call))),
  };
}
