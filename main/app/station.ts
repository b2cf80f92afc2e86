// A station (a venue's counter PC, or headquarters') before and after its data folder is unlocked. The window starts even when the venue passphrase
// is not known yet: it shows an unlock screen, and until the folder opens only station:status and
// station:unlock answer. Once open, every call goes to the app's dispatcher.
import { contract, type IpcResult } from '../../shared/ipc/contract';
import { VENUES } from '../../shared/venues/venues';
import { createHqApp } from './create-hq-app';
import type { Clock } from '../clock';
import type { Invoke } from '../ipc/dispatch';
import { openDataFolder, peekDataFolder, type OpenedFolder } from '../store/data-folder';
import { openWithOsKeyAtStart } from './station-auto-open';
import { createApp, type AppPlatform, type SiteApp } from './create-app';
import type { Push } from '../ipc/push';
import { tokyoWallClock } from '../../shared/tokyo-date';
import { ownStationLabel, ownStationName } from '../counter/names';
import { readStationLabel } from '../store/station-label-file';
import { freeSpaceWarning } from '../store/free-space';
import { passphraseTries } from '../auth/passphrase-tries';
import { needsSetup } from '../setup/needs-setup';
import { answerSetup, isSetupChannel } from '../setup/setup-channels';

export interface Station {
  readonly invoke: Invoke;
  setPush(push: Push): void;
  /** Tries a passphrase (e.g. from MADOGUCHI_PASSPHRASE at start); why not, in words, if it does not open the folder. */
  unlock(passphrase: string): { ok: true } | { ok: false; message: string };
  close(): Promise<void>;
}

/** The platform's pieces (printer, backup thread, folder dialog) and what to do once the folder opens. */
export interface StationOptions extends AppPlatform {
  readonly onOpened?: (app: SiteApp) => void;
}

export function createStation(dataDir: string, clock: Clock, log: (line: string) => void, options: StationOptions = {}): Station {
  let app: SiteApp | null = null;
  // Read from the open folder (its station-label setting), so only known once unlocked.
  let openedName: string | null = null;
  let openedLabel: string | null = null;
  let push: Push = () => {};
  // Guessing the passphrase from the window is slowed to a few tries an hour (and each try's key derivation no longer
  // holds the service at will); 自動的に開く's confirmation counts in the same tally.
  const tries = options.passphraseTries ?? passphraseTries(log);
  // Why the folder did not open by itself at start (この端末で自動的に開く), for the unlock screen.
  let autoOpenProblem: string | null = null;

  const view = () => {
    const peek = peekDataFolder(dataDir);
    const site = peek.ok ? peek.value.site : null;
    const venue = site !== null && site !== 'hq' ? { id: site, name: VENUES[site].name, place: VENUES[site].place } : null;
    const stationId = peek.ok ? peek.value.stationId : null;
    // Locked, the label is the plain copy beside the keyring (display only); open, the database's own.
    const stationLabel = app !== null ? openedLabel : venue !== null && stationId !== null ? readStationLabel(dataDir, stationId) : null;
    // The disk's free space needs no passphrase (a number, nothing personal): the lead sees it before unlocking.
    const freeSpace = freeSpaceWarning(dataDir);
    // No folder yet: the window shows the first-run setup (main/setup/), not an unlock screen that cannot work.
    const setup = app === null && needsSetup(dataDir) ? { needsSetup: true as const } : {};
    return {
      unlocked: app !== null,
      hq: site === 'hq',
      venue,
      stationId,
      stationName: openedName,
      stationLabel,
      freeSpace,
      ...(autoOpenProblem === null ? {} : { autoOpenProblem }),
      ...setup,
    };
  };

  const tryUnlock = (passphrase: string): IpcResult<ReturnType<typeof view>> => {
    if (app) return { ok: true, value: view() };
    const now = clock.now().getTime();
    const waitUntil = tries.waitingUntil(now);
    if (waitUntil !== null)
      return {
        ok: false,
        error: {
          code: 'locked-out',
          message: `パスフレーズの誤りが続いたため、${tokyoWallClock(new Date(waitUntil).toISOString())?.time} まで解除できません（会場責任者に確認してください）`,
        },
      };
    const opened = openDataFolder(dataDir, passphrase);
    if (!opened.ok) {
      const code = opened.error.code === 'wrong-passphrase' ? 'wrong-passphrase' : 'no-data-folder';
      if (code === 'wrong-passphrase') tries.wrong(now, 'station unlock');
      return { ok: false, error: { code, message: opened.error.message } };
    }
    tries.right();
    startApp(opened.value);
    return { ok: true, value: view() };
  };

  const startApp = (opened: OpenedFolder) => {
    try {
      if (opened.site !== 'hq') {
        openedName = ownStationName(opened.store);
        openedLabel = ownStationLabel(opened.store);
      }
      // Headquarters' folder opens HQ's app; a venue's, the counter.
      const platform = { ...options, passphraseTries: tries };
      app = opened.site === 'hq' ? createHqApp(opened.store, clock, log, platform) : createApp(opened.store, clock, log, platform);
      app.setPush(push);
      options.onOpened?.(app);
    } catch (e) {
      // Nothing half-started is left running (sibling pulls' timers, a scanner) to keep the process alive.
      const started = app;
      app = null;
      if (started) void started.close().catch(() => undefined);
      else opened.store.close();
      throw e;
    }
  };

  // At start, where the lead turned 「この端末で自動的に開く」 on: the keyring's OS slot, no passphrase.
  if (options.osKeyStore) autoOpenProblem = openWithOsKeyAtStart(dataDir, options.osKeyStore, startApp, log);

  return {
    async invoke(channel, input, caller) {
      if (app) return app.invoke(channel, input, caller);
      if (channel === 'station:status') return { ok: true, value: view() };
      if (channel === 'station:unlock') {
        const parsed = contract['station:unlock'].input.safeParse(input);
        if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: 'パスフレーズを入力してください' } };
        return tryUnlock(parsed.data.passphrase);
      }
      if (isSetupChannel(channel))
        return answerSetup({ dataDir, clock, log, folderPicker: options.folderPicker ?? null, open: tryUnlock }, channel, input);
      return { ok: false, error: { code: 'station-locked', message: 'データフォルダのロックを解除してください' } };
    },
    setPush(p) {
      push = p;
      app?.setPush(p);
    },
    unlock: (passphrase) => {
      const r = tryUnlock(passphrase);
      return r.ok ? { ok: true } : { ok: false, message: r.error.message };
    },
    close: async () => {
      await app?.close();
    },
  };
}
