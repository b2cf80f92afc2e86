// A stand-in for the OS key store, for tests and for browser mode's test runs (MADOGUCHI_FAKE_OS_KEY_STORE in
// `madoguchi serve`): it seals with a key made from the name of the "OS user", so the same name opens what it
// sealed, in any process, and another name does not, as another Windows user or a reinstalled OS would not.
// No protection at all (the name is the key): never used where residents' data is real.
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import type { OsKeyStore } from './os-key-store';

export interface FakeOsKeyStore extends OsKeyStore {
  /** Which "OS user" seals and opens from now on. */
  user: string;
  /** False: the OS has no key store (Linux without a Secret Service). */
  usable: boolean;
  /** True: every open fails, as when the OS's store was reset. */
  failOpen: boolean;
  /** How many times open() was called. */
  readonly opens: number;
}

export function fakeOsKeyStore(user = 'madoguchi-test-user'): FakeOsKeyStore {
  let opens = 0;
  const keyOf = (name: string) => createHash('sha256').update(`fake-os-key-store\n${name}`).digest();
  const store: FakeOsKeyStore = {
    user,
    usable: true,
    failOpen: false,
    get opens() {
      return opens;
    },
    available: () => store.usable,
    seal(secret) {
      if (!store.usable) throw new Error('fake OS key store: not available');
      const key = keyOf(store.user);
      // Deterministic: the same user and secret seal alike (an IV from the secret, as SIV does).
      const iv = createHmac('sha256', key).update(secret).digest().subarray(0, 12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, cipher.update(secret), cipher.final(), cipher.getAuthTag()]);
    },
    open(sealed) {
      opens++;
      if (!store.usable || store.failOpen) throw new Error('fake OS key store: cannot open');
      const decipher = createDecipheriv('aes-256-gcm', keyOf(store.user), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]);
    },
  };
  return store;
}
