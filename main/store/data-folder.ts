// A data folder: the encrypted database and the keyring that unlocks it. Each venue station has one, and so
// does headquarters (site 'hq'). Nothing about residents is ever written there in plaintext: the plain files
// beside the database, the head (head.ts) and the station's label (station-label-file.ts), name no one.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { siteName, type SiteId, type VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { openDatabase, openDatabaseReadOnly, DbOpenError, type Db } from '../db/connection';
import { migrate, DbFromFutureError } from '../db/migrate';
import { readMeta, writeMeta } from '../db/queries/meta';
import { writeFileAtomic } from '../files/atomic-write';
import { createKeyring, peekKeyring, unlockKeyring, type KeyringIdentity } from './keyring';
import { lockFolder, type FolderLock } from './folder-lock';
import { DB_FILE, KEYRING_FILE } from './folder-files';
import { headKeeper, readHead } from './head';
import { labelKeeper } from './station-label-file';
import { checkOnOpen, damaged, FolderRefusal } from './open-checks';
import { storageFault } from '../db/storage-fault';

export interface VenueStore {
  readonly dir: string;
  readonly db: Db;
  readonly venue: VenueId;
  readonly stationId: string;
  /** After a commit is acknowledged (a reply, a command's end): the head beside the database is brought up to it. */
  noteCommitted(): void;
  /** A copy of this database (a backup) opened with the folder's key, to read only. */
  openCopy(file: string): Db;
  /** A copy of the folder's database key, for a backup job's own connection (backup-jobs.ts), which zeroes it. */
  keyCopy(): Buffer;
  close(): void;
}

/** Headquarters' own data folder: the ledgers HQ built (and what the venues report back). */
export interface HqStore {
  readonly dir: string;
  readonly db: Db;
  readonly site: 'hq';
  readonly stationId: string;
  noteCommitted(): void;
  openCopy(file: string): Db;
  keyCopy(): Buffer;
  close(): void;
}

export type OpenedFolder = { readonly site: 'hq'; readonly store: HqStore } | { readonly site: VenueId; readonly store: VenueStore };

type DataFolderProblemCode =
  | 'no-data-folder'
  | 'not-a-keyring'
  | 'wrong-passphrase'
  | 'unsafe-parameters'
  | 'not-a-database'
  | 'from-the-future'
  | 'mismatch'
  | 'not-empty'
  | 'database-missing'
  | 'database-damaged'
  | 'rolled-back'
  | 'in-use'
  | 'storage';
export interface DataFolderProblem {
  readonly code: DataFolderProblemCode;
  readonly message: string;
}

/** A folder with no keyring: one that is not there at all is said as such (a mistyped --data, a default not made yet). */
function notADataFolder(dir: string): string {
  return existsSync(dir)
    ? `${dir} は Madoguchi のデータフォルダではありません（keyring.json がありません）`
    : `データフォルダ ${dir} がありません（場所を確かめてください）`;
}

export function dataFolderExists(dir: string): boolean {
  return existsSync(join(dir, KEYRING_FILE));
}

export function peekDataFolder(dir: string): Result<{ site: SiteId; stationId: string }, DataFolderProblem> {
  if (!dataFolderExists(dir)) return err({ code: 'no-data-folder', message: notADataFolder(dir) });
  return peekKeyring(readFileSync(join(dir, KEYRING_FILE), 'utf8'));
}

/**
 * Creates a new, empty data folder: keyring and the encrypted, migrated database, made in a hidden folder beside
 * it and renamed into place, so the folder appears whole or not at all. Two programs creating the same folder at
 * once cannot both win: the second rename finds it there and is refused (each would otherwise write its own key
 * into keyring.json, the last one winning over the other's database).
 * `fill`, given, is done to the new folder while it is still hidden (a station's first-run setup: HQ's key, its
 * first lead, its label): if it throws, the hidden folder is removed and nothing appears.
 */
export function createDataFolder(
  dir: string,
  site: SiteId,
  passphrase: string,
  stationId = newStationId(site),
  fill?: (opened: OpenedFolder) => void,
): OpenedFolder {
  const refuse = () => new Error(`${dir} already holds a Madoguchi data folder`);
  if (existsSync(dir) && readdirSync(dir).some((f) => f === KEYRING_FILE || f.startsWith(DB_FILE))) throw refuse();
  mkdirSync(dirname(dir), { recursive: true });
  const making = join(dirname(dir), `.${basename(dir)}.creating-${randomBytes(6).toString('hex')}`);
  mkdirSync(making, { mode: 0o700 });
  const { text, dbKey } = createKeyring({ site, stationId }, passphrase);
  try {
    writeFileAtomic(join(making, KEYRING_FILE), text, { mode: 0o600 });
    const made = openSiteWithKey(making, site, stationId, dbKey);
    try {
      fill?.(made);
    } finally {
      made.store.close();
    }
    // An empty folder made beforehand (by an installer, or a person) is taken: the rename needs it gone.
    if (existsSync(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        throw refuse();
      }
    }
    try {
      renameSync(making, dir);
    } catch {
      throw refuse();
    }
    // Owned from the moment it is in place (a program that opened it in between is told, like any second one).
    const lock = lockFolder(dir);
    if (!lock.ok) throw new Error(lock.error.message);
    return owned(openSiteWithKey(dir, site, stationId, dbKey), lock.value);
  } finally {
    dbKey.fill(0);
    rmSync(making, { recursive: true, force: true });
  }
}

/**
 * `share`: a command that only reads (status, reports, a backup) opens beside the owner, as SQLite's WAL lets it;
 * anything that changes the folder owns it while it is open (folder-lock.ts), and a second owner is refused. A
 * read still writes its own row to the access record: each row is chained inside an IMMEDIATE transaction, so
 * two processes appending at once take turns and never share a link.
 */
interface OpenOptions {
  readonly share?: boolean;
}

/** The store, with its folder's lock released when it closes. */
function owned(opened: OpenedFolder, lock: FolderLock): OpenedFolder {
  const close = () => {
    try {
      opened.store.close();
    } finally {
      lock.release();
    }
  };
  return opened.site === 'hq'
    ? { site: 'hq', store: { ...opened.store, close } }
    : { site: opened.site, store: { ...opened.store, close } };
}

export function createVenueDataFolder(dir: string, venue: VenueId, passphrase: string, stationId?: string): VenueStore {
  return createDataFolder(dir, venue, passphrase, stationId).store as VenueStore;
}

/** Opens whichever folder this is, a venue's or headquarters'. */
export function openDataFolder(dir: string, passphrase: string, options: OpenOptions = {}): Result<OpenedFolder, DataFolderProblem> {
  return openDataFolderBy(dir, (keyring) => unlockKeyring(keyring, passphrase), options);
}

export type Unlocked<P> = Result<KeyringIdentity & { dbKey: Buffer }, P>;

/** Opens it with whatever unlocks its keyring (the passphrase above; the OS slot, main/app/station-auto-open.ts). */
export function openDataFolderBy<P extends { code: string; message: string }>(
  dir: string,
  unlock: (keyring: string) => Unlocked<P>,
  options: OpenOptions,
): Result<OpenedFolder, DataFolderProblem | P> {
  if (!dataFolderExists(dir)) {
    return err({ code: 'no-data-folder', message: notADataFolder(dir) });
  }
  let lock: FolderLock | null = null;
  if (!options.share) {
    const r = lockFolder(dir);
    if (!r.ok) return err(r.error);
    lock = r.value;
  }
  const opened = openLocked(dir, unlock);
  if (!opened.ok || lock === null) {
    lock?.release();
    return opened;
  }
  return ok(owned(opened.value, lock));
}

function openLocked<P>(dir: string, unlock: (keyring: string) => Unlocked<P>): Result<OpenedFolder, DataFolderProblem | P> {
  const unlocked = unlock(readFileSync(join(dir, KEYRING_FILE), 'utf8'));
  if (!unlocked.ok) return unlocked;
  const { site, stationId, dbKey } = unlocked.value;
  // The keyring says a database was made here. Opening would make a new, empty one in its place, and the
  // station would go on as if it had never recorded anything: refuse, and say what to do.
  const missing = databaseMissing(dir);
  if (missing !== null) {
    dbKey.fill(0);
    return err({
      code: 'database-missing',
      message: `データベース（${DB_FILE}）が${missing}。記録を失ったまま新しく作り直すことはしません。バックアップから復元するか、サポートに連絡してください（コード: DB-MISSING）`,
    });
  }
  try {
    return ok(openSiteWithKey(dir, site, stationId, dbKey));
  } catch (e) {
    if (e instanceof FolderRefusal) return err({ code: e.code, message: e.message });
    // The keyring's seal is authenticated, so the key it gave is this folder's: a database it does not open is
    // damaged where the cipher's check of page 1 fails, not a wrong passphrase.
    if (e instanceof DbOpenError && e.code === 'wrong-key')
      return err({ code: 'database-damaged', message: damaged('先頭のページを読めません').message });
    if (e instanceof DbOpenError) return err({ code: 'not-a-database', message: `データベースを開けません: ${e.message}` });
    if (e instanceof DbFromFutureError) return err({ code: 'from-the-future', message: e.message });
    const fault = storageFault(e, dir);
    if (fault?.code === 'DB-DAMAGED')
      return err({
        code: 'database-damaged',
        message: damaged('読めないページがあります。ファイルが途中で切れているか、一部が壊れています').message,
      });
    if (fault) return err({ code: 'storage', message: fault.message });
    throw e;
  } finally {
    dbKey.fill(0);
  }
}

export function openVenueDataFolder(dir: string, passphrase: string, options: OpenOptions = {}): Result<VenueStore, DataFolderProblem> {
  const opened = openDataFolder(dir, passphrase, options);
  if (!opened.ok) return opened;
  if (opened.value.site === 'hq') {
    opened.value.store.close();
    return err({ code: 'mismatch', message: `${dir} は${siteName('hq')}のデータフォルダです（会場のデータフォルダではありません）` });
  }
  return ok(opened.value.store);
}

/** Opens the database with its raw key, migrates it, and checks it belongs to the keyring's venue. */
export function openStoreWithKey(dir: string, venue: VenueId, stationId: string, dbKey: Uint8Array): VenueStore {
  return openSiteWithKey(dir, venue, stationId, dbKey).store as VenueStore;
}

/** Opens any folder's database with its raw key (tests, and the keyring paths above). */
export function openSiteWithKey(dir: string, site: SiteId, stationId: string, dbKey: Uint8Array): OpenedFolder {
  const written = readHead(dir, stationId);
  const db = openDatabase(join(dir, DB_FILE), dbKey);
  try {
    // Before anything is written to it (a migration, the meta of a new folder): damage or a rollback refuses it.
    checkOnOpen(db, written);
    migrate(db);
    const meta = readMeta(db);
    // The meta key is `venue` since v1; headquarters' folder stores 'hq' there.
    if (meta.venue === undefined) {
      writeMeta(db, { venue: site, station_id: stationId });
    } else if (meta.venue !== site || meta.station_id !== stationId) {
      throw new Error(`database belongs to ${meta.venue}/${meta.station_id}, keyring says ${site}/${stationId}`);
    }
  } catch (e) {
    db.close();
    throw e;
  }
  const head = headKeeper(dir, db, stationId, written);
  // A venue station's label, copied beside the keyring for its unlock screen: brought up to the database's on
  // every open (so a new folder has one, and an unlock mends a stale one) and at close (a command that set it).
  const label = site === 'hq' ? null : labelKeeper(dir, db, stationId);
  label?.sync();
  const noteCommitted = () => head.note();
  // The key, kept while the folder is open only to read its own backups (SQLite holds it all the while anyway).
  const key = Buffer.from(dbKey);
  const openCopy = (file: string) => openDatabaseReadOnly(file, key);
  const keyCopy = () => Buffer.from(key);
  const close = () => {
    head.close();
    label?.sync();
    db.close();
    key.fill(0);
  };
  return site === 'hq'
    ? { site, store: { dir, db, site, stationId, noteCommitted, openCopy, keyCopy, close } }
    : { site, store: { dir, db, venue: site, stationId, noteCommitted, openCopy, keyCopy, close } };
}

/** How the database of a folder with a keyring is not there: 'ありません', '空です', or null when it is. */
function databaseMissing(dir: string): string | null {
  const file = join(dir, DB_FILE);
  if (!existsSync(file)) return 'ありません';
  // SQLite writes its header on the first page; a file shorter than that never held a database.
  if (statSync(file).size === 0) return '空です（0 バイト）';
  return null;
}

function newStationId(site: SiteId): string {
  return `${site}-${randomBytes(3).toString('hex')}`;
}
