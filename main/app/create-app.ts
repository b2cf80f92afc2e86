// The composition root shared by the Electron window and browser mode: one venue store, its services,
// the sessions, the scanner, and the single dispatcher every renderer call goes through.
import { passphraseTries, type PassphraseTries } from '../auth/passphrase-tries';
import type { StatusView } from '../../shared/ipc/contract';
import type { Push } from '../ipc/push';
import { connectHidScanner, type ScannerWiring } from '../scanner/wiring';
import { createNodeHidAdapter, type NodeHidAdapter } from '../scanner/node-hid-source';
import type { Clock } from '../clock';
import type { VenueStore } from '../store/data-folder';
import { Sessions } from '../auth/sessions';
import { createDispatcher, type Invoke } from '../ipc/dispatch';
import type { SiteHandlers } from '../ipc/dispatch';
import { VENUES } from '../../shared/venues/venues';
import type { CounterContext } from '../counter/counter-service';
import { stationHandlers } from '../store/handlers';
import { ownStationLabel, ownStationName } from '../counter/names';
import { idleLockNote, sessionHandlers } from '../auth/handlers';
import { staffHandlers } from '../auth/staff-handlers';
import { counterHandlers } from '../counter/handlers';
import { checkRecords } from '../access/verify-record';
import { accessHandlers } from '../access/handlers';
import { ledgerHandlers } from '../ledger/handlers';
import { receiptHandlers } from '../receipt/handlers';
import { correctionsHandlers } from '../corrections/handlers';
import { returnsHandlers } from '../returns/handlers';
import { reconciliationHandlers } from '../reconciliation/handlers';
import { dayCloseHandlers } from '../day-close/handlers';
import { venuePrintHandlers } from '../print/handlers';
import { syncHandlers } from '../sync/handlers';
import { backupHandlers } from '../backup/handlers';
import { sameThread, type BackupThread } from '../backup/backup-thread';
import { dataLifeHandlers } from '../retention/handlers';
import { startSiblingPulls } from '../sync/sibling-pulls';
import { readSetting } from '../store/settings';
import { immediateAccessLog } from '../access/access-record';
import { createPreviewPrinter, type Printer } from '../print/printer';
import type { FolderPicker } from '../backup/folder-picker';
import type { OsKeyStore } from '../store/os-key-store';
import { autoOpenHandlers } from '../store/auto-open-handlers';

type ScannerState = Omit<StatusView['scanner'], 'layout'>;

/** What a station runs once its data folder is open: a venue's app, or headquarters'. */
export interface SiteApp {
  readonly invoke: Invoke;
  setScannerStatus(status: ScannerState): void;
  /** With scanner-mode=hid, reads the scanner in main and pushes scans to the window. */
  startScanner(push: Push, adapter?: Pick<NodeHidAdapter, 'listHidDevices' | 'openerFor'>): void;
  /** Where pushes to the window go (the Electron window, or browser mode's event stream). */
  setPush(push: Push): void;
  close(): Promise<void>;
}

export interface App extends SiteApp {
  readonly store: VenueStore;
}

/** What the platform gives a station (Electron's, or browser mode's); each has a plain default for tests. */
export interface AppPlatform {
  /** Electron's PDF printer; browser mode's preview. */
  readonly printer?: Printer;
  /** Where backups are made and checked: a worker thread, so the counter is served meanwhile. */
  readonly backupThread?: BackupThread;
  /** The OS's folder dialog for the backup folder (Electron); browser mode has none. */
  readonly folderPicker?: FolderPicker | null;
  /** The OS's key store (Electron's safeStorage) for 「この端末で自動的に開く」; none in browser mode and tests. */
  readonly osKeyStore?: OsKeyStore | null;
  /** The station's one tally of wrong passphrases (the unlock screen's, and 自動的に開く's confirmation). */
  readonly passphraseTries?: PassphraseTries;
}

export function createApp(store: VenueStore, clock: Clock, log: (line: string) => void, platform: AppPlatform = {}): App {
  const printer = platform.printer ?? createPreviewPrinter();
  const backupThread = platform.backupThread ?? sameThread();
  const idleLockMinutes = () => readSetting(store.db, 'idle-lock-minutes');
  let scanner: ScannerState = { mode: readSetting(store.db, 'scanner-mode'), connected: false, device: null };
  const sessions = new Sessions(clock, idleLockMinutes, idleLockNote(store.db, clock, store.stationId));
  // Every look is written before its reply (never after it, where a crash or a full disk would lose it silently).
  const access = immediateAccessLog(store.db, clock);
  let pushTo: Push = () => {};
  const counter: CounterContext = { store, clock, access };
  // Checked once, as the station is unlocked: every link of the access record and of the station's own events.
  const records = checkRecords(store.db, store.stationId);
  if (records.problem) log(`records: ${records.problem.record} chain breaks at ${records.problem.seq} (RECORD-TAMPERED)`);
  // A venue station is every capability's slice; the type requires a handler for each venue channel.
  const handlers: SiteHandlers<'venue'> = {
    ...stationHandlers(
      {
        unlocked: true,
        hq: false,
        venue: { id: store.venue, name: VENUES[store.venue].name, place: VENUES[store.venue].place },
        stationId: store.stationId,
        stationName: ownStationName(store),
        stationLabel: ownStationLabel(store),
      },
      store.dir,
    ),
    ...sessionHandlers(store.db, clock, store.stationId, sessions, idleLockMinutes),
    ...staffHandlers(store.db, clock, store.stationId, sessions),
    ...counterHandlers(counter, () => ({ ...scanner, layout: readSetting(store.db, 'scanner-layout') }), records.problem),
    ...ledgerHandlers(counter, (event, payload) => pushTo(event, payload)),
    ...receiptHandlers(counter),
    ...correctionsHandlers(counter),
    ...returnsHandlers(counter),
    ...accessHandlers(counter),
    ...reconciliationHandlers(counter),
    ...dayCloseHandlers(counter, backupThread),
    ...venuePrintHandlers(counter, printer),
    ...syncHandlers(counter),
    ...backupHandlers(store, clock, backupThread, platform.folderPicker ?? null),
    ...dataLifeHandlers(store),
    ...autoOpenHandlers(store, clock, platform.osKeyStore ?? null, platform.passphraseTries ?? passphraseTries(log)),
  };
  let wiring: ScannerWiring | null = null;
  const siblings = startSiblingPulls(counter, log);
  const dispatch = createDispatcher('venue', handlers, sessions, log, store.dir);
  return {
    // Before each reply, the head beside the database is brought up to what was committed (store/head.ts): what
    // the window was told is done is then what opening the folder holds the database to.
    invoke: async (channel, input, caller) => {
      try {
        return await dispatch(channel, input, caller);
      } finally {
        store.noteCommitted();
      }
    },
    store,
    setScannerStatus: (s) => {
      scanner = s;
    },
    setPush(push) {
      pushTo = push;
    },
    startScanner(push, adapter = createNodeHidAdapter()) {
      if (scanner.mode !== 'hid' || wiring) return;
      wiring = connectHidScanner({
        adapter,
        keyboardLayout: readSetting(store.db, 'scanner-layout'),
        onScan: (code) => push('scanner:scan', { code }),
        onStatus: (s) => {
          scanner = s;
          push('scanner:status', { connected: s.connected, device: s.device });
        },
        log,
      });
    },
    close: async () => {
      await siblings.stop();
      await wiring?.close();
      store.close();
    },
  };
}
