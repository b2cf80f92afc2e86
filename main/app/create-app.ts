// The composition root shared by the Electron window and browser mode: one venue store, its services,
// the sessions, the scanner, and the single dispatcher every renderer call goes through.
import type { StatusView } from '../../shared/ipc/contract';
import type { Clock } from '../clock';
import type { VenueStore } from '../venue/data-folder';
import { Sessions } from '../session/sessions';
import { createDispatcher, type Invoke } from '../ipc/dispatch';
import { createHandlers } from './handlers';
import { readSetting } from './settings';
import { groupCommitAccessLog } from '../access/access-record';

export interface App {
  readonly invoke: Invoke;
  readonly store: VenueStore;
  setScannerStatus(status: StatusView['scanner']): void;
  close(): void;
}

export function createApp(store: VenueStore, clock: Clock, log: (line: string) => void): App {
  const idleLockMinutes = () => readSetting(store.db, 'idle-lock-minutes');
  let scanner: StatusView['scanner'] = { mode: readSetting(store.db, 'scanner-mode'), connected: false, device: null };
  const sessions = new Sessions(clock, idleLockMinutes);
  const access = groupCommitAccessLog(store.db, clock);
  const handlers = createHandlers({ counter: { store, clock, access }, sessions, idleLockMinutes, scannerStatus: () => scanner });
  return {
    invoke: createDispatcher(handlers, sessions, log),
    store,
    setScannerStatus: (s) => {
      scanner = s;
    },
    close: () => {
      access.flush();
      store.close();
    },
  };
}
