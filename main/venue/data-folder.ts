// A venue's data folder: the encrypted database and the keyring that unlocks it. Nothing else about
// residents is ever written there in plaintext.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { openDatabase, DbOpenError, type Db } from '../db/connection';
import { migrate, DbFromFutureError } from '../db/migrate';
import { writeFileAtomic } from '../files/atomic-write';
import { createKeyring, peekKeyring, unlockKeyring } from './keyring';

export const DB_FILE = 'madoguchi.db';
export const KEYRING_FILE = 'keyring.json';
export const APP_FOLDER_NAME = 'Madoguchi';

export interface VenueStore {
  readonly dir: string;
  readonly db: Db;
  readonly venue: VenueId;
  readonly stationId: string;
  close(): void;
}

export type DataFolderProblemCode =
  | 'no-data-folder' | 'not-a-keyring' | 'wrong-passphrase' | 'unsafe-parameters' | 'wrong-key' | 'not-a-database'
  | 'from-the-future' | 'mismatch' | 'not-empty';
export interface DataFolderProblem {
  readonly code: DataFolderProblemCode;
  readonly message: string;
}

/** Where Electron's app.getPath('userData') puts the app's data, computed without importing electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

/** --data DIR, else MADOGUCHI_DATA_DIR, else the app's user-data folder. */
export function resolveDataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env.MADOGUCHI_DATA_DIR ?? defaultDataDir(env));
}

export function dataFolderExists(dir: string): boolean {
  return existsSync(join(dir, KEYRING_FILE));
}

export function peekDataFolder(dir: string): Result<{ venue: VenueId; stationId: string }, DataFolderProblem> {
  if (!dataFolderExists(dir)) return err({ code: 'no-data-folder', message: `${dir} は Madoguchi のデータフォルダではありません（keyring.json がありません）` });
  return peekKeyring(readFileSync(join(dir, KEYRING_FILE), 'utf8'));
}

/** Creates a new, empty venue data folder: keyring first, then the encrypted, migrated database. */
export function createVenueDataFolder(dir: string, venue: VenueId, passphrase: string, stationId = newStationId(venue)): VenueStore {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (readdirSync(dir).some((f) => f === KEYRING_FILE || f.startsWith(DB_FILE))) {
    throw new Error(`${dir} already holds a Madoguchi data folder`);
  }
  const { text, dbKey } = createKeyring({ venue, stationId }, passphrase);
  writeFileAtomic(join(dir, KEYRING_FILE), text, { mode: 0o600 });
  const store = openStoreWithKey(dir, venue, stationId, dbKey);
  dbKey.fill(0);
  return store;
}

export function openVenueDataFolder(dir: string, passphrase: string): Result<VenueStore, DataFolderProblem> {
  if (!dataFolderExists(dir)) {
    return err({ code: 'no-data-folder', message: `${dir} は Madoguchi のデータフォルダではありません（keyring.json がありません）` });
  }
  const unlocked = unlockKeyring(readFileSync(join(dir, KEYRING_FILE), 'utf8'), passphrase);
  if (!unlocked.ok) return unlocked;
  const { venue, stationId, dbKey } = unlocked.value;
  try {
    return ok(openStoreWithKey(dir, venue, stationId, dbKey));
  } catch (e) {
    if (e instanceof DbOpenError) {
      const code = e.code === 'wrong-key' ? 'wrong-key' : 'not-a-database';
      return err({ code, message: `データベースを開けません: ${e.message}` });
    }
    if (e instanceof DbFromFutureError) return err({ code: 'from-the-future', message: e.message });
    throw e;
  } finally {
    dbKey.fill(0);
  }
}

/** Opens the database with its raw key, migrates it, and checks it belongs to the keyring's venue. */
export function openStoreWithKey(dir: string, venue: VenueId, stationId: string, dbKey: Uint8Array): VenueStore {
  const db = openDatabase(join(dir, DB_FILE), dbKey);
  try {
    migrate(db);
    const meta = readMeta(db);
    if (meta.venue === undefined) {
      const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        put.run('venue', venue);
        put.run('station_id', stationId);
      })();
    } else if (meta.venue !== venue || meta.station_id !== stationId) {
      throw new Error(`database belongs to ${meta.venue}/${meta.station_id}, keyring says ${venue}/${stationId}`);
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { dir, db, venue, stationId, close: () => db.close() };
}

function readMeta(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

function newStationId(venue: VenueId): string {
  return `${venue}-${randomBytes(3).toString('hex')}`;
}
