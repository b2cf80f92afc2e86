// The backup page's channels, the same at a venue's station (its lead) and at HQ (HQ staff, HQ's own folder).
// A check is only of a backup this station's record holds: the path is looked up, never taken on trust. The
// folder is set here too, checked in main whichever way it came (typed, or the Electron dialog's choice).
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
import { saveBackupSettings } from './backup-destination';
import type { FolderPicker } from './folder-picker';

/**
 * Whether a backup is on its medium. The strip's status is asked after every handover, and a share gone away can
 * keep the OS (and this process, the counter with it) waiting seconds for an answer: the strip uses what was found
 * within the last minute. The page asks afresh, and what it finds is what the strip says next.
 */
const ASK_MEDIUM_EVERY_MS = 60_000;
const onMedium = new Map<string, { readonly at: number; readonly present: boolean }>();
function mediumHas(path: string, now: number, fresh: boolean): boolean {
  const known = onMedium.get(path);
  if (!fresh && known && now - known.at >= 0 && now - known.at < ASK_MEDIUM_EVERY_MS) return known.present;
  const present = existsSync(path);
  onMedium.set(path, { at: now, present });
  return present;
}

/** What the lead's strip says about backups (counter:status), and the page's heading (`fresh`: the medium asked now). */
export function backupReminderView(store: VenueStore | HqStore, clock: Clock, fresh = false): BackupReminderView {
  const now = clock.now();
  const r = backupReminder(store.db, now, readSetting(store.db, 'backup-check-days'), (path) => mediumHas(path, now.getTime(), fresh));
  return {
    folderSet: backupFolder(store) !== null,
    lastGood: r.lastGood,
    checkDays: r.checkDays,
    overdue: r.overdue,
    goneFromMedium: r.goneFromMedium,
  };
}

/** `picker`: the OS's folder dialog where there is one (Electron); null in browser mode, where the path is typed. */
export function backupHandlers(
  store: VenueStore | HqStore,
  clock: Clock,
  thread: BackupThread = sameThread(),
  picker: FolderPicker | null = null,
): HandlerSlice<keyof typeof backupContract> {
  return {
    'backup:list': () => ({
      folder: backupFolder(store),
      keep: readSetting(store.db, 'backup-keep'),
      folderPicker: picker !== null,
      reminder: backupReminderView(store, clock, true),
      // Newest first, as the lead looks for today's.
      backups: backupHistory(store.db)
        .reverse()
        .map((b) => ({
          path: b.path,
          at: b.at,
          by: actorName(store, b.by),
          reason: b.reason === 'day-close' ? ('day-close' as const) : ('manual' as const),
          lastCheck: b.lastCheck,
          present: mediumHas(b.path, clock.now().getTime(), true),
        })),
    }),
    'backup:set-folder': (wanted, call) => saveBackupSettings(store, clock, actorOf(staffOf(call)), wanted),
    'backup:choose-folder': async () => {
      if (picker === null)
        return { ok: false, error: { code: 'unavailable', message: 'この画面ではフォルダを選べません。フォルダの場所を入力してください' } };
      return { folder: await picker.choose(backupFolder(store)) };
    },
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
