// 日締め as the lead does it, in one function the app and the simulation both call: take in the venue's other
// stations' files first (so the day's figures are the whole venue's; an unreachable one waits for the next
// pull), close the day, then write the day's sync file to the outbox for HQ (when sync is set up), then back the
// folder up to the backup folder (when one is set). The CLI's `madoguchi venue close-day` calls it too.
import { resolve } from 'node:path';
import { err, ok, type Result } from '../../shared/result';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import { backUp, backupFolder } from '../backup/back-up';
import type { BackupThread } from '../backup/backup-thread';
import { pullSiblings } from '../sync/siblings';
import { exportSyncFile } from '../sync/export';
import { readSetting } from '../store/settings';
import { closeDay, type DailyReport, type DayCloseProblem } from './day-close';
import { storageFault } from '../db/storage-fault';
import { freeSpaceWarning } from '../store/free-space';
import type { FreeSpaceWarning } from '../../shared/ipc/contract/common';

/** The disk after the day's close and sync file: 日締め is when the lead looks back at the day, so it says so. */
interface Room {
  readonly freeSpace: FreeSpaceWarning;
}

export async function closeDayAndSend(
  ctx: CounterContext,
  staff: Staff,
  date: string,
  /** Where the close's backup is made (the app's worker thread); here when not given. */
  backupThread?: BackupThread,
): Promise<Result<DailyReport & Published & Room & BackedUp, DayCloseProblem & Partial<Published & Room & BackedUp>>> {
  await pullSiblings(ctx);
  const closed = closeDay(ctx, staff, date);
  if (!closed.ok && closed.error.code !== 'already-closed') return closed;
  // A venue's day is closed once, at whichever station the lead uses; every station still publishes its own
  // records for HQ. So a station whose day a sibling has closed writes its file all the same, and says so.
  const published = publishDay(ctx, date);
  // Never a reason not to close: only words beside the result (a close on a nearly full disk still succeeds).
  const room: Room = { freeSpace: freeSpaceWarning(ctx.store.dir) };
  if (!closed.ok) {
    const sent = published.syncFile === null ? '' : `。この端末の記録は送信フォルダに書き出しました（${published.syncFile}）`;
    // A sibling closed the venue's day; this station's folder is still its own, backed up when 日締め is pressed here.
    const backedUp = await backUpClosedDay(ctx, staff, backupThread);
    const copy =
      backedUp.backup !== null
        ? `。この端末のバックアップを作りました（${backedUp.backup}）`
        : backedUp.backupProblem !== null
          ? `。${backedUp.backupProblem}`
          : '';
    return err({ ...closed.error, message: `${closed.error.message}${sent}${copy}`, ...published, ...room, ...backedUp });
  }
  // After the sync file, so the backup holds the closed day as sent; and, like it, never a reason not to close.
  return ok({ ...closed.value, ...published, ...room, ...(await backUpClosedDay(ctx, staff, backupThread)) });
}

/** 日締め's backup: its folder, or why there is none (both null: no backup folder is set, said as 未設定). */
interface BackedUp {
  readonly backup: string | null;
  readonly backupProblem: string | null;
}

async function backUpClosedDay(ctx: CounterContext, staff: Staff, thread: BackupThread | undefined): Promise<BackedUp> {
  if (backupFolder(ctx.store) === null) return { backup: null, backupProblem: null };
  try {
    const made = await backUp(ctx.store, ctx.clock, actorOf(staff), { reason: 'day-close' }, thread);
    if (!made.ok) return { backup: null, backupProblem: `${made.error.message}。日締めは済んでいます` };
    const said = made.value.recordsProblem === null ? null : `バックアップは作りましたが、${made.value.recordsProblem}`;
    return { backup: made.value.path, backupProblem: said };
  } catch (e) {
    // The day is closed and committed: an unforeseen fault of the medium is reported, not thrown over the close.
    return {
      backup: null,
      backupProblem: `バックアップを作れませんでした（${(e as { code?: string }).code ?? 'エラー'}）。日締めは済んでいます。媒体を確かめ、バックアップの画面で作り直してください`,
    };
  }
}

/** The day's sync file, or why there is none: said to the lead as it is (not set up, or the outbox failed). */
export interface Published {
  readonly syncFile: string | null;
  readonly syncProblem: string | null;
}

/**
 * Writes the station's sync file for the day to its outbox, or says why it could not (sync not set up, the
 * outbox unwritable or the disk full). Also after a record approved on a closed day (the counter calls it), so
 * the late record reaches the siblings and HQ at once instead of waiting for a close that has already happened.
 */
export function publishDay(ctx: CounterContext, date: string): Published {
  const outbox = resolve(ctx.store.dir, readSetting(ctx.store.db, 'sync-outbox'));
  // A full disk or a missing share must not undo a close: the file is committed and the next export rewrites it.
  try {
    const exported = exportSyncFile(ctx, outbox, { businessDate: date });
    return exported.ok ? { syncFile: exported.value.name, syncProblem: null } : { syncFile: null, syncProblem: exported.error.message };
  } catch (e) {
    const fault = storageFault(e, outbox);
    const why =
      fault?.code === 'DISK-FULL' ? 'ディスクの空きが足りません' : `書き込めません（${(e as { code?: string }).code ?? 'エラー'}）`;
    return {
      syncFile: null,
      syncProblem: `送信フォルダ ${outbox} に同期ファイルを書き出せませんでした：${why}。日締めの記録は保存済みです。送信フォルダを直してから、もう一度日締め（または madoguchi sync export）で書き出してください`,
    };
  }
}
