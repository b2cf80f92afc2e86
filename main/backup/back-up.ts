// Backing up a station as the lead (or 日締め) asks: to the folder given, else the one set for the station
// (`backup-folder`), keeping the newest `backup-keep`; the backup written to the access record with who.
import { resolve } from 'node:path';
import type { Clock } from '../clock';
import type { HqStore, VenueStore } from '../store/data-folder';
import { readSetting } from '../store/settings';
import { err, type Result } from '../../shared/result';
import { createBackup, type BackupMade, type BackupProblem } from './create-backup';
import { recordBackupMade } from './backup-record';
import type { BackupBody } from './manifest';

/** The folder backups go to, or null when none is set. */
export function backupFolder(store: VenueStore | HqStore): string | null {
  const set = readSetting(store.db, 'backup-folder');
  return set === '' ? null : resolve(store.dir, set);
}

export function backUp(
  store: VenueStore | HqStore,
  clock: Clock,
  actor: string,
  options: { to?: string; reason: BackupBody['reason'] },
): Result<BackupMade, BackupProblem | { code: 'not-set'; message: string }> {
  const destination = options.to ?? backupFolder(store);
  if (destination === null)
    return err({
      code: 'not-set',
      message: 'バックアップ先が決まっていません。設定 backup-folder（madoguchi settings）でフォルダを決めるか、フォルダを指定してください',
    });
  const site = 'site' in store ? store.site : store.venue;
  const made = createBackup({ dir: store.dir, db: store.db, site, stationId: store.stationId, openCopy: store.openCopy }, clock, {
    actor,
    destination,
    reason: options.reason,
    keep: readSetting(store.db, 'backup-keep'),
  });
  if (made.ok) {
    recordBackupMade(store.db, clock, store.stationId, actor, made.value.path, made.value.body);
    store.noteCommitted();
  }
  return made;
}
