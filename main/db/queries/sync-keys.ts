// A folder's own sync keys (sync_keys), by name: private keys and the TLS identity, as stored text.
import type { Db } from '../connection';

/** The stored value of this key, if the folder has made or been given it. */
export function syncKey(db: Db, name: string): string | undefined {
  return (db.prepare('SELECT value FROM sync_keys WHERE name = ?').get(name) as { value: string } | undefined)?.value;
}

/** Keeps a key made for the first time (one already kept under the name is an error). */
export function addSyncKey(db: Db, name: string, value: string): void {
  db.prepare('INSERT INTO sync_keys (name, value) VALUES (?, ?)').run(name, value);
}

/** Keeps a key given to the folder, in place of any kept under the same name. */
export function replaceSyncKey(db: Db, name: string, value: string): void {
  db.prepare('INSERT INTO sync_keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
}
