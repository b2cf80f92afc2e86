// The OS's own key store (Electron's safeStorage: DPAPI on Windows, the Secret Service on Linux), as the
// keyring's second slot uses it: a small secret sealed so that only this OS user on this machine opens it.
// Electron's implementation is main/electron/os-key-store.ts; tests and browser mode's test runs use the fake
// (fake-os-key-store.ts). The command line never opens a folder by it, even inside the installed app: it asks.

export interface OsKeyStore {
  /** Whether sealing here protects anything: false where the OS has no key store, or only a plain-text stand-in. */
  available(): boolean;
  seal(secret: Buffer): Buffer;
  /** The secret back; throws when this user or machine cannot open it (another user, a reinstalled OS). */
  open(sealed: Buffer): Buffer;
}
