// The OS key store through Electron's safeStorage: DPAPI on Windows (this Windows user on this PC), the Secret
// Service on Linux (GNOME Keyring, KWallet). Linux's 'basic_text' backend, used where no Secret Service answers,
// seals with a key built into Chromium: no protection, so it counts as unavailable. safeStorage seals strings:
// the secret crosses as base64. Given safeStorage (main.ts passes Electron's) so that it is tested without Electron.
import type { SafeStorage } from 'electron';
import type { OsKeyStore } from '../store/os-key-store';

type SafeStorageUsed = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

export function electronOsKeyStore(safeStorage: SafeStorageUsed, platform: NodeJS.Platform = process.platform): OsKeyStore {
  return {
    available: () =>
      safeStorage.isEncryptionAvailable() && (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    seal: (secret) => safeStorage.encryptString(secret.toString('base64')),
    open: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
