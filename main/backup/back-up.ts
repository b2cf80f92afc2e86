// Backing up a station as the lead (or 日締め) asks: to the folder given, else the one set for the station
// (`backup-folder`), keeping the newest `backup-keep`; the backup written to the access record with who.
import { join, resolve } from 'node:path';
import type { Clock } from '../clock';
import type { HqStore, VenueStore } from '../store/data-folder';
import { readSetting } from '../store/settings';
import { err, type Result } from '../../shared/result';
import type { BackupMade, BackupProblem } from './create-backup';
import { DB_FILE } from '../store/folder-files';
import { ensureSigningKey } from '../sync/sync-keys';
import { sameThread, type BackupThread } from './backup-thread';
import type { VerifyOutcome } from './backup-jobs';
import type { BackupBody } from './manifest';
import type { SiteId } from '../../shared/venues/venues';
import type { BackupOpener } from './verify-backup';
import { recordBackupChecked, recordBackupMade } from './backup-record';

/** The folder backups go to, or null when none is set. */
export function backupFolder(store: VenueStore | HqStore): string | null {
  const set = readSetting(store.db, 'backup-folder');
  return set === '' ? null : resolve(store.dir, set);
}

/**
 * Makes the backup as a job on `thread` (a worker in the app, so the counter is served meanwhile), then records
 * it here, on the station's own connection.
 */
export async function backUp(
  store: VenueStore | HqStore,
  clock: Clock,
  actor: string,
  options: { to?: string; reason: BackupBody['reason'] },
  thread: BackupThread = sameThread(),
): Promise<Result<BackupMade, BackupProblem | { code: 'not-set'; message: string }>> {
  const destination = options.to ?? backupFolder(store);
  if (destination === null)
    return err({
      code: 'not-set',
      message:
        'バックアップ先が決まっていません。バックアップの画面（または madoguchi settings の backup-folder）でフォルダを決めるか、フォルダを指定してください',
    });
  // Made once, on the station's connection (the job's is read-only): the copy carries the key its manifest is signed with.
  ensureSigningKey(store.db);
  const made = await thread.run({
    kind: 'create',
    dbFile: join(store.dir, DB_FILE),
    key: store.keyCopy(),
    dir: store.dir,
    site: siteOf(store),
    stationId: store.stationId,
    actor,
    destination,
    reason: options.reason,
    keep: readSetting(store.db, 'backup-keep'),
    at: clock.now().toISOString(),
  });
  if (made.ok) {
    recordBackupMade(store.db, clock, store.stationId, actor, made.value);
    store.noteCommitted();
  }
  return made;
}

function siteOf(store: VenueStore | HqStore): SiteId {
  return 'site' in store ? store.site : store.venue;
}

/** The running app's way into its backups: its own open folder's key, no passphrase (verify-backup.ts). */
export function storeOpener(store: VenueStore | HqStore): BackupOpener {
  return { site: siteOf(store), stationId: store.stationId, openCopy: (file) => store.openCopy(file) };
}

/** A backup of this station checked on its medium by someone signed in, the check and its outcome in the record. */
export async function checkBackup(
  store: VenueStore | HqStore,
  clock: Clock,
  actor: string,
  path: string,
  thread: BackupThread = sameThread(),
): Promise<VerifyOutcome> {
  const checked = await thread.run({
    kind: 'verify',
    path,
    key: store.keyCopy(),
    site: siteOf(store),
    stationId: store.stationId,
  });
  recordBackupChecked(
    store.db,
    clock,
    store.stationId,
    actor,
    path,
    checked.ok ? { ok: true, createdAt: checked.value.body.createdAt } : { ok: false, problem: checked.error.message },
  );
  store.noteCommitted();
  return checked;
}
