// A station opening by itself at start (この端末で自動的に開く): the keyring's OS slot opens the folder for this
// OS user on this PC (main/store/os-key-slot.ts). When it cannot (another Windows user, the OS's store reset, a
// damaged or refused folder), the unlock screen says why and the passphrase opens it as always.
import { err } from '../../shared/result';
import { openDataFolderBy, type OpenedFolder } from '../store/data-folder';
import { folderHasOsSlot, unlockKeyringWithOs } from '../store/os-key-slot';
import type { OsKeyStore } from '../store/os-key-store';

/** Opens the folder and starts its app with `start`; why not (for the unlock screen), or null when opened or not set. */
export function openWithOsKeyAtStart(
  dataDir: string,
  os: OsKeyStore,
  start: (opened: OpenedFolder) => void,
  log: (line: string) => void,
): string | null {
  if (!folderHasOsSlot(dataDir)) return null;
  // The slot's own problems say why not (code os-key); the folder's say the rest.
  const opened = openDataFolderBy(
    dataDir,
    (keyring) => {
      const r = unlockKeyringWithOs(keyring, os);
      return r.ok ? r : err({ code: 'os-key' as const, message: r.error.message });
    },
    {},
  );
  if (!opened.ok) {
    // The code only: the message may name the folder's path.
    log(`station auto-open: not opened (${opened.error.code}); the passphrase still opens it`);
    return opened.error.code === 'os-key' ? opened.error.message : `この端末で自動的に開けませんでした: ${opened.error.message}`;
  }
  try {
    start(opened.value);
  } catch (e) {
    log(`station auto-open: the app did not start (${e instanceof Error ? e.name : typeof e})`);
    return 'この端末で自動的に開けませんでした（アプリの開始に失敗しました）。パスフレーズを入力して開いてください';
  }
  log('station auto-open: opened with the OS key store');
  return null;
}
