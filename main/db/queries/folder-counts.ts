// How much a folder holds, in counts only (a backup's manifest, and its check): the event log, the access
// record, the residents' rows and the staff accounts.
import type { Db } from '../connection';

export interface FolderCounts {
  readonly events: number;
  readonly accessRows: number;
  /** Residents' rows: a venue's ledger cards, HQ's rows of the ledgers it built. */
  readonly residentRows: number;
  readonly staff: number;
}

const countOf = (db: Db, table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

export function folderCounts(db: Db): FolderCounts {
  return {
    events: countOf(db, 'events'),
    accessRows: countOf(db, 'access_records'),
    residentRows: countOf(db, 'ledger_cards') + countOf(db, 'hq_cards'),
    staff: countOf(db, 'staff'),
  };
}

/** The number of the last sync file this folder published, or null before the first. */
export function lastPublishedSyncFile(db: Db): number | null {
  return (db.prepare('SELECT max(seq) FROM sync_exports').pluck().get() as number | null) ?? null;
}
