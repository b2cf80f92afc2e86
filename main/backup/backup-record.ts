// Each backup and each check of one is a use of every resident's data (a copy onto a medium, a read of it):
// written to the access record (個人情報取扱台帳) with who, where and how many rows. The same rows answer "which
// backups does this station have, and when was one last checked" (backup list, the lead's reminder), so
// there is one record of backups, the tamper-evident one, and no second table to disagree with it.
import { existsSync } from 'node:fs';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { recordAccess } from '../access/access-record';
import { accessRowsOfActions } from '../db/queries/access-records';
import type { BackupBody } from './manifest';
import { DAY_MS } from '../../shared/tokyo-date';

/** `removed`: this station's older backups the new one replaced at its destination (beyond the number kept). */
export function recordBackupMade(
  db: Db,
  clock: Clock,
  stationId: string,
  actor: string,
  made: { readonly path: string; readonly body: BackupBody; readonly removed: readonly string[] },
): void {
  recordAccess(db, clock, {
    stationId,
    actor,
    action: 'backup',
    subject: null,
    // Every resident of the folder is in it: the count says how many (listing each would be the ledger again).
    detail: {
      destination: made.path,
      reason: made.body.reason,
      residentRows: made.body.counts.residentRows,
      accessRows: made.body.counts.accessRows,
      removed: [...made.removed],
    },
  });
}

export function recordBackupChecked(
  db: Db,
  clock: Clock,
  stationId: string,
  actor: string,
  path: string,
  outcome: { ok: true; createdAt: string } | { ok: false; problem: string },
): void {
  recordAccess(db, clock, {
    stationId,
    actor,
    action: 'backup-verify',
    subject: null,
    detail: outcome.ok
      ? { destination: path, ok: true, createdAt: outcome.createdAt }
      : { destination: path, ok: false, problem: outcome.problem },
  });
}

export interface BackupHistoryEntry {
  readonly path: string;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  /** The last check of it (made as it was written, or `backup verify` later), or null if never checked since. */
  readonly lastCheck: { readonly at: string; readonly ok: boolean; readonly problem: string | null } | null;
}

/**
 * The station's backups that still exist somewhere (on their medium, or on one taken away), oldest first: each
 * made here, and the one a restored folder came from; not those the station itself removed when newer ones
 * replaced them.
 */
export function backupHistory(db: Db): BackupHistoryEntry[] {
  const byPath = new Map<string, BackupHistoryEntry>();
  for (const r of accessRowsOfActions(db, ['backup', 'backup-verify', 'restore'])) {
    const d = JSON.parse(r.detail) as {
      destination?: string;
      reason?: string;
      ok?: boolean;
      problem?: string;
      removed?: unknown;
      source?: string;
      createdAt?: string;
      createdBy?: string;
    };
    if (Array.isArray(d.removed)) for (const gone of d.removed) if (typeof gone === 'string') byPath.delete(gone);
    if (r.action === 'restore') {
      // The backup this folder came from: made (and checked) before the folder's record begins again, verified
      // whole as it was restored.
      if (typeof d.source === 'string' && typeof d.createdAt === 'string')
        byPath.set(d.source, {
          path: d.source,
          at: d.createdAt,
          by: d.createdBy ?? '',
          reason: d.reason ?? '',
          lastCheck: { at: r.at, ok: true, problem: null },
        });
      continue;
    }
    if (typeof d.destination !== 'string') continue;
    const known = byPath.get(d.destination);
    if (r.action === 'backup')
      // Read back and checked as it was made (the manifest is computed from the copy).
      byPath.set(d.destination, {
        path: d.destination,
        at: r.at,
        by: r.actor,
        reason: d.reason ?? '',
        lastCheck: { at: r.at, ok: true, problem: null },
      });
    else if (known) byPath.set(d.destination, { ...known, lastCheck: { at: r.at, ok: d.ok === true, problem: d.problem ?? null } });
  }
  return [...byPath.values()];
}

export interface BackupReminder {
  readonly lastGood: string | null;
  readonly checkDays: number;
  /** No backup known good within `checkDays` (or none ever): the lead is reminded. */
  readonly overdue: boolean;
  /**
   * Backups were known good within `checkDays`, but none of them is on its medium now (the USB stick taken away,
   * pruned by newer ones, deleted): there is no usable backup at hand, whatever the record says was checked.
   */
  readonly goneFromMedium: boolean;
}

/** `present`: whether a backup is on its medium now (the station's own disk, or a stick plugged in). */
export function backupReminder(db: Db, now: Date, checkDays: number, present: (path: string) => boolean = existsSync): BackupReminder {
  const since = now.getTime() - checkDays * DAY_MS;
  // Newest first: the medium is asked about as few as tell (most often the one made last night).
  const good = backupHistory(db)
    .filter((b) => b.lastCheck?.ok === true)
    .sort((a, b) => (a.lastCheck!.at < b.lastCheck!.at ? 1 : -1));
  const lastGood = good[0]?.lastCheck?.at ?? null;
  const overdue = lastGood === null || Date.parse(lastGood) < since;
  // Only the ones still recent count: an older one on the medium is overdue for its check on its own account.
  const goneFromMedium = !overdue && !good.some((b) => Date.parse(b.lastCheck!.at) >= since && present(b.path));
  return { lastGood, checkDays, overdue, goneFromMedium };
}
