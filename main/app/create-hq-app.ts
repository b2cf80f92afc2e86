// The composition root at headquarters (事務センター): HQ's own data folder, its sessions, and the channels
// HQ serves — the ledgers HQ built, printed with their 控え (別紙③ 2④), pulls, the ward's report and HQ's own
// 個人情報取扱台帳, and its backups.
import { passphraseTries } from '../auth/passphrase-tries';
import type { Clock } from '../clock';
import type { HqStore } from '../store/data-folder';
import { createDispatcher, type SiteHandlers } from '../ipc/dispatch';
import { Sessions } from '../auth/sessions';
import { readSetting } from '../store/settings';
import { immediateAccessLog } from '../access/access-record';
import { createPreviewPrinter } from '../print/printer';
import { stationHandlers } from '../store/handlers';
import { idleLockNote, sessionHandlers } from '../auth/handlers';
import { hqHandlers } from '../hq/handlers';
import { hqPrintHandlers } from '../print/handlers';
import { accessHandlers } from '../access/handlers';
import { backupHandlers } from '../backup/handlers';
import { sameThread } from '../backup/backup-thread';
import { dataLifeHandlers } from '../retention/handlers';
import type { AppPlatform, SiteApp } from './create-app';
import { autoOpenHandlers } from '../store/auto-open-handlers';

export function createHqApp(store: HqStore, clock: Clock, log: (line: string) => void, platform: AppPlatform = {}): SiteApp {
  const printer = platform.printer ?? createPreviewPrinter();
  const idleLockMinutes = () => readSetting(store.db, 'idle-lock-minutes');
  const sessions = new Sessions(clock, idleLockMinutes, idleLockNote(store.db, clock, store.stationId));
  // Every look is written before its reply (never after it, where a crash or a full disk would lose it silently).
  const access = immediateAccessLog(store.db, clock);
  // Headquarters is the slices it serves; the type requires a handler for each HQ channel.
  const handlers: SiteHandlers<'hq'> = {
    ...stationHandlers(
      { unlocked: true, hq: true, venue: null, stationId: store.stationId, stationName: null, stationLabel: null },
      store.dir,
    ),
    ...sessionHandlers(store.db, clock, store.stationId, sessions, idleLockMinutes),
    ...hqHandlers(store, clock),
    ...hqPrintHandlers({ store, clock, access }, printer),
    ...accessHandlers({ store, clock, access }),
    ...backupHandlers(store, clock, platform.backupThread ?? sameThread(), platform.folderPicker ?? null),
    ...dataLifeHandlers(store),
    ...autoOpenHandlers(store, clock, platform.osKeyStore ?? null, platform.passphraseTries ?? passphraseTries(log)),
  };

  const dispatch = createDispatcher('hq', handlers, sessions, log, store.dir);
  return {
    // As at a venue (create-app.ts): the head is brought up to each call's commits before its reply.
    invoke: async (channel, input, caller) => {
      try {
        return await dispatch(channel, input, caller);
      } finally {
        store.noteCommitted();
      }
    },
    setScannerStatus: () => {},
    startScanner: () => {},
    setPush: () => {},
    close: async () => {
      store.close();
    },
  };
}
