// The only module that opens a database (lint enforces it). Every connection is encrypted from
// the first write and has the same durability settings, asserted on open, not assumed.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

export type Db = Database.Database;

export const DB_KEY_BYTES = 32;

export class DbOpenError extends Error {
  constructor(
    readonly code: 'wrong-key' | 'not-a-database' | 'pragma-mismatch' | 'bad-key-length',
    message: string,
  ) {
    super(message);
    this.name = 'DbOpenError';
  }
}

const PLAINTEXT_SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Opens (or creates) an encrypted database with a raw 256-bit key.
 * A raw key (x'…') skips the cipher's passphrase KDF: the key is random, so stretching adds nothing;
 * the passphrase that protects it is stretched once, in the keyring.
 */
export function openDatabase(file: string, key: Uint8Array): Db {
  if (key.length !== DB_KEY_BYTES) {
    throw new DbOpenError('bad-key-length', `database key must be ${DB_KEY_BYTES} bytes`);
  }
  const existed = file !== ':memory:' && existsSync(file);
  if (existed && readHeader(file) === PLAINTEXT_SQLITE_HEADER) {
    throw new DbOpenError('not-a-database', `${file} is an unencrypted SQLite file; refusing to use it`);
  }
  const db = new Database(file);
  try {
    keyAndProbe(db, key);
    applyPragmas(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens an encrypted database only to read it (a backup on a removable drive): no pragma that writes, nothing
 * made beside it. `wrong-key` when the key does not open page 1 (a wrong key, or a damaged first page).
 */
export function openDatabaseReadOnly(file: string, key: Uint8Array): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    keyAndProbe(db, key);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Keys the connection and reads page 1: a key that does not open it is `wrong-key`, said before anything else. */
function keyAndProbe(db: Db, key: Uint8Array): void {
  // ChaCha20-Poly1305 per page: authenticated, so a flipped byte on disk is an error, not silent garbage.
  db.pragma(`cipher='chacha20'`);
  db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB')
      throw new DbOpenError('wrong-key', 'the database key does not open this database (wrong key or damaged file)');
    throw e;
  }
}

function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // WAL defaults to NORMAL in better-sqlite3 builds, which can lose a committed handover on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Freed pages are zeroed, so erased records do not linger inside the file.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  const actual = readPragmas(db);
  const expected = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, secure_delete: 1 };
  for (const [name, want] of Object.entries(expected)) {
    if (actual[name as keyof typeof actual] !== want) {
      throw new DbOpenError('pragma-mismatch', `pragma ${name} is ${String(actual[name as keyof typeof actual])}, expected ${want}`);
    }
  }
}

export function readPragmas(db: Db): { journal_mode: string; synchronous: number; foreign_keys: number; secure_delete: number } {
  return {
    journal_mode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreign_keys: Number(db.pragma('foreign_keys', { simple: true })),
    secure_delete: Number(db.pragma('secure_delete', { simple: true })),
  };
}

/**
 * Holds `file` (a plain, empty SQLite file) under an exclusive OS lock (fcntl on Linux and macOS, LockFileEx on
 * Windows) until released or the process ends, crash included: the owner lock of a data folder
 * (store/folder-lock.ts). Null, at once, when another connection, in this process or another, holds it.
 */
export function holdExclusiveLock(file: string): { release(): void } | null {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
    // In EXCLUSIVE locking mode the lock a transaction takes is kept after it ends, until the connection closes.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (x INTEGER) STRICT; COMMIT');
    return { release: () => db.close() };
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw e;
  }
}

/** The SQLite library this build links (SQLite3 Multiple Ciphers), for `madoguchi --version`. */
export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version()').pluck().get());
  } finally {
    db.close();
  }
}

function readHeader(file: string): string {
  const buf = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
