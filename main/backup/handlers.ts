// The backup page's channels, the same at a venue's station (its lead) and at HQ (HQ staff, HQ's own folder).
// A check is only of a backup this station's record holds: the path is looked up, never taken on trust.
import { existsSync } from 'node:fs';
import type { backupContract } from '../../shared/ipc/contract/backup';
import type { BackupReminderView } from '../../shared/ipc/contract/backup';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { Clock } from '../clock';
import type { HqStore, VenueStore } from '../store/data-folder';
import { actorOf } from '../auth/staff';
import { actorName } from '../counter/names';
import { readSetting } from '../store/settings';
import { backUp, backupFolder, checkBackup } from './back-up';
import { sameThread, type BackupThread } from './backup-thread';
import { backupHistory, backupReminder } from './backup-record';

/** What the lead's strip says about backups (counter:status), and the page's heading. */
export function backupReminderView(store: VenueStore | HqStore, clock: Clock): BackupReminderView {
  const r = backupReminder(store.db, clock.now(), readSetting(store.db, 'backup-check-days'));
  return { folderSet: backupFolder(store) !== null, lastGood: r.lastGood, checkDays: r.checkDays, overdue: r.overdue };
}

export function backupHandlers(
  store: VenueStore | HqStore,
  clock: Clock,
  thread: BackupThread = sameThread(),
): HandlerSlice<keyof typeof backupContract> {
  return {
    'backup:list': () => ({
      folder: backupFolder(store),
      reminder: backupReminderView(store, clock),
      // Newest first, as the lead looks for today's.
      backups: backupHistory(store.db)
        .reverse()
        .map((b) => ({
          path: b.path,
          at: b.at,
          by: actorName(store, b.by),
          reason: b.reason === 'day-close' ? ('day-close' as const) : ('manual' as const),
          lastCheck: b.lastCheck,
          present: existsSync(b.path),
        })),
    }),
    'backup:create': async (_, call) => {
      const made = await backUp(store, clock, actorOf(staffOf(call)), { reason: 'manual' }, thread);
      if (!made.ok) return { ok: false, error: { code: 'backup-failed', message: made.error.message } };
      return { path: made.value.path, removed: [...made.value.removed], recordsProblem: made.value.recordsProblem };
    },
    'backup:verify': async ({ path }, call) => {
      // Never an arbitrary folder from the window: only one this station wrote (and so recorded) itself.
      if (!backupHistory(store.db).some((b) => b.path === path))
        return { ok: false, error: { code: 'not-found', message: 'この端末のバックアップの記録にないフォルダです' } };
      const checked = await checkBackup(store, clock, actorOf(staffOf(call)), path, thread);
      return checked.ok
        ? { ok: true, problem: null, recordsProblem: checked.value.recordsProblem }
        : { ok: false, problem: checked.error.message, recordsProblem: null };
    },
  };
}
