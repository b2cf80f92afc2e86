// The head: how far the event log and the access record reached at the last acknowledged commit, kept in a small
// file beside the database (head.json). SQLite keeps recent commits in madoguchi.db-wal until it copies them into
// the database; if that file is lost after a crash (deleted by a person or a cleaning tool), the database alone
// opens as a consistent but older state, and without the head the station would go on from it: handovers gone,
// their cards handed over a second time. Opening compares the database with the head and refuses a rollback.
//
// Written after the commit (which SQLite has already made durable, synchronous=FULL) and before the reply, by
// rename, never fsync'd: the head can only lag the database, never lead it, so it can miss a loss but never
// refuse a whole database. A process killed outright loses nothing the kernel has (the rename is there); a power
// cut may lose the last renames, and then only the check of those last commits. Measured in README.md.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { logHeads, type LogHeads } from '../db/integrity';
import { parseJsonOrUndefined } from '../files/safe-json';
import { HEAD_FILE } from './folder-files';

const HeadFile = z.strictObject({
  format: z.literal('madoguchi-head'),
  version: z.literal(1),
  stationId: z.string(),
  events: z.number().int().nonnegative(),
  accessRecords: z.number().int().nonnegative(),
});

/**
 * The folder's head, or null when there is none to hold the database to: a folder from before heads were kept,
 * a head of another station's folder, or one unreadable (a power cut mid-rename on a file system that does not
 * order it): each is written afresh at the next commit. Read before the database is opened, so a head another
 * program writes meanwhile cannot be ahead of what this one reads.
 */
export function readHead(dir: string, stationId: string): LogHeads | null {
  let text: string;
  try {
    text = readFileSync(join(dir, HEAD_FILE), 'utf8');
  } catch {
    return null;
  }
  const parsed = HeadFile.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success || parsed.data.stationId !== stationId) return null;
  return { events: parsed.data.events, accessRecords: parsed.data.accessRecords };
}

/** What the database lacks of its head (each > 0 when missing), or null when it holds all of it. */
export function missingFromHead(head: LogHeads | null, held: LogHeads): LogHeads | null {
  if (head === null) return null;
  const missing = { events: Math.max(0, head.events - held.events), accessRecords: Math.max(0, head.accessRecords - held.accessRecords) };
  return missing.events > 0 || missing.accessRecords > 0 ? missing : null;
}

export interface HeadKeeper {
  /** After a commit is acknowledged: brings head.json up to the database (nothing written when it already is). */
  note(): void;
}

export function headKeeper(dir: string, db: Db, stationId: string, written: LogHeads | null): HeadKeeper {
  let last = written;
  const file = join(dir, HEAD_FILE);
  // One temp name per process: a crash between write and rename leaves at most one behind, reused next time.
  const temp = join(dir, `.${HEAD_FILE}.${process.pid}.tmp`);
  return {
    note() {
      try {
        const now = logHeads(db);
        if (last !== null && last.events === now.events && last.accessRecords === now.accessRecords) return;
        writeFileSync(temp, JSON.stringify({ format: 'madoguchi-head', version: 1, stationId, ...now }) + '\n', { mode: 0o600 });
        renameSync(temp, file);
        last = now;
      } catch {
        // A head not written (a full disk, a database that no longer reads) only weakens the check of these last
        // commits; the commit itself stands, and the next one tries again (over the same temp file, if one was left).
      }
    },
  };
}
