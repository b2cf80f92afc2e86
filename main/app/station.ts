// A station before and after its data folder is unlocked. The window starts even when the venue passphrase
// is not known yet: it shows an unlock screen, and until the folder opens only station:status and
// station:unlock answer. Once open, every call goes to the app's dispatcher.
import { contract, type IpcResult } from '../../shared/ipc/contract';
import { VENUES } from '../../shared/venues/venues';
import type { Clock } from '../clock';
import type { Invoke } from '../ipc/dispatch';
import { openVenueDataFolder, peekDataFolder } from '../venue/data-folder';
import { createApp, type App, type Push } from './create-app';
import type { Printer } from '../print/printer';

export interface Station {
  readonly invoke: Invoke;
  setPush(push: Push): void;
  /** Tries a passphrase (e.g. from MADOGUCHI_PASSPHRASE at start); false if it does not open the folder. */
  unlock(passphrase: string): boolean;
  close(): Promise<void>;
}

export interface StationOptions {
  readonly onOpened?: (app: App) => void;
  /** The platform's printer (Electron's PDF printer, browser mode's preview). */
  readonly printer?: Printer;
}

export function createStation(dataDir: string, clock: Clock, log: (line: string) => void, options: StationOptions = {}): Station {
  let app: App | null = null;
  let push: Push = () => {};

  const view = () => {
    const peek = peekDataFolder(dataDir);
    const venue = peek.ok ? { id: peek.value.venue, name: VENUES[peek.value.venue].name } : null;
    return { unlocked: app !== null, venue, stationId: peek.ok ? peek.value.stationId : null };
  };

  const tryUnlock = (passphrase: string): IpcResult<ReturnType<typeof view>> => {
    if (app) return { ok: true, value: view() };
    const opened = openVenueDataFolder(dataDir, passphrase);
    if (!opened.ok) {
      const code = opened.error.code === 'wrong-passphrase' ? 'wrong-passphrase' : 'no-data-folder';
      return { ok: false, error: { code, message: opened.error.message } };
    }
    app = createApp(opened.value, clock, log, options.printer);
    app.setPush(push);
    options.onOpened?.(app);
    return { ok: true, value: view() };
  };

  return {
    async invoke(channel, input, caller) {
      if (app) return app.invoke(channel, input, caller);
      if (channel === 'station:status') return { ok: true, value: view() };
      if (channel === 'station:unlock') {
        const parsed = contract['station:unlock'].input.safeParse(input);
        if (!parsed.success) return { ok: false, error: { code: 'invalid-input', message: 'パスフレーズを入力してください' } };
        return tryUnlock(parsed.data.passphrase);
      }
      return { ok: false, error: { code: 'station-locked', message: 'データフォルダのロックを解除してください' } };
    },
    setPush(p) {
      push = p;
      app?.setPush(p);
    },
    unlock: (passphrase) => tryUnlock(passphrase).ok,
    close: async () => {
      await app?.close();
    },
  };
}
