// The sync bench's baselines: the rows HQ's ingest stores, read straight out of the files, and the least any
// ingest must pay to store them (a bare insert into a fresh encrypted events table with the same DDL).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../main/db/connection';
import { openDatabase } from '../main/db/connection';
import { openSyncFile, peekSyncHeader } from '../main/sync/sync-file';
import type { SyncRecipientPrivateKey } from '../main/sync/sync-crypto';
import { registeredStations } from '../main/sync/registration';
import { time } from './measure';

type Row = readonly [string, string, number, string, string, string, string, string | null];

/** Each file's events, exactly as the ingest will store them, one list per file. */
export function openedRows(hqDb: Db, files: readonly Buffer[], inbox: SyncRecipientPrivateKey): Row[][] {
  const registry = new Map(registeredStations(hqDb).map((s) => [s.stationId, s]));
  return files.map((bytes) => {
    const peeked = peekSyncHeader(bytes);
    const s = peeked.ok ? registry.get(peeked.value.stationId) : undefined;
    if (!s) throw new Error('a file from no registered station');
    const opened = openSyncFile(bytes, {
      stationPublicKey: s.signingPublicKey,
      expected: { venue: s.venue, stationId: s.stationId },
      recipient: inbox,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value.body.events.map((e): Row => [
      e.id,
      e.stationId,
      e.seq,
      e.clientTime,
      e.actor,
      e.kind,
      JSON.stringify(e.payload),
      e.subject,
    ]);
  });
}

/** The events table's DDL (table, keys, checks, indexes) as HQ's folder has it. */
export function eventsTableDdl(db: Db): string[] {
  return db
    .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND type IN ('table', 'index') AND sql IS NOT NULL")
    .pluck()
    .all() as string[];
}

/**
 * The least any ingest must pay: the same rows stored in a fresh encrypted database's events table (the same
 * DDL), in one transaction, as the import section's baseline. Not in it: verifying, decrypting and validating
 * the files, each file's own row, recognising events already held, and committing each file on its own (a file
 * is taken whole or not at all; that price, `per-file`, is printed beside the target).
 */
export function bareInsertMs(dir: string, eventsDdl: readonly string[], rows: readonly Row[][], commits: 'one' | 'per-file'): number {
  mkdirSync(dir);
  const db = openDatabase(join(dir, 'bare.db'), randomBytes(32));
  for (const sql of eventsDdl) db.exec(sql);
  const insert = db.prepare(
    'INSERT INTO events (id, station_id, seq, client_time, actor, kind, payload, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const file = (list: readonly Row[]) => {
    for (const r of list) insert.run(...r);
  };
  const ms =
    commits === 'one'
      ? time(() => db.transaction(() => rows.forEach(file))())
      : time(() => {
          for (const list of rows) db.transaction(file)(list);
        });
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}
