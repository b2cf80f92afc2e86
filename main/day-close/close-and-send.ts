// 日締め as the lead does it, in one function the app and the simulation both call: take in the venue's other
// stations' files first (so the day's figures are the whole venue's; an unreachable one waits for the next
// pull), close the day, then write the day's sync file to the outbox for HQ (when sync is set up).
import { resolve } from 'node:path';
import type { Result } from '../../shared/result';
import type { CounterContext } from '../counter/counter-service';
import type { Staff } from '../auth/staff';
import { pullSiblings } from '../sync/siblings';
import { exportSyncFile } from '../sync/export';
import { readSetting } from '../store/settings';
import { closeDay, type DailyReport, type DayCloseProblem } from './day-close';

export async function closeDayAndSend(
  ctx: CounterContext,
  staff: Staff,
  date: string,
): Promise<Result<DailyReport & { syncFile: string | null }, DayCloseProblem>> {
  await pullSiblings(ctx);
  const closed = closeDay(ctx, staff, date);
  if (!closed.ok) return closed;
  // A full disk or a missing share must not undo a close: the file is committed and the next export rewrites it.
  let syncFile: string | null = null;
  try {
    const exported = exportSyncFile(ctx, resolve(ctx.store.dir, readSetting(ctx.store.db, 'sync-outbox')), { businessDate: date });
    syncFile = exported.ok ? exported.value.name : null;
  } catch {
    syncFile = null;
  }
  return { ok: true, value: { ...closed.value, syncFile } };
}
