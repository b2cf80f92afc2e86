// The Electron glue over safeStorage, with a stand-in safeStorage (Electron is not installed under Node).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { electronOsKeyStore } from './os-key-store';

function fakeSafeStorage(backend: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown', encryption = true) {
  return {
    isEncryptionAvailable: () => encryption,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`),
    decryptString: (b: Buffer) => {
      const s = b.toString();
      if (!s.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return s.slice('sealed:'.length);
    },
  };
}

test("available only with real protection: DPAPI on Windows, a Secret Service on Linux, never Linux's plain-text fallback", () => {
  assert.equal(electronOsKeyStore(fakeSafeStorage('unknown'), 'win32').available(), true);
  assert.equal(electronOsKeyStore(fakeSafeStorage('unknown', false), 'win32').available(), false);
  assert.equal(electronOsKeyStore(fakeSafeStorage('gnome_libsecret'), 'linux').available(), true);
  assert.equal(electronOsKeyStore(fakeSafeStorage('basic_text'), 'linux').available(), false);
});

test('seals bytes through the string API and gives the same bytes back; what it cannot decrypt throws', () => {
  const os = electronOsKeyStore(fakeSafeStorage('unknown'), 'win32');
  const secret = Buffer.from([0, 255, 1, 254, 10, 13, 0]);
  assert.deepEqual(os.open(os.seal(secret)), secret);
  assert.throws(() => os.open(Buffer.from('garbage')));
});
