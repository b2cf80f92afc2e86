// What a restore from a backup leaves in the folder's meta, for the checks that read the record afterwards: the
// last file published before the restore (its access head is the lost record's), and the backup's access head,
// where the record continues from.
import type { Db } from '../db/connection';
import { readMeta, replaceMeta } from '../db/queries/meta';
import type { ChainHead } from '../access/chain';

const THROUGH = 'restored-through-export';
const HEAD = 'restored-access-head';

export function markRestored(db: Db, throughExport: number, backupHead: ChainHead): void {
  replaceMeta(db, { [THROUGH]: String(throughExport), [HEAD]: JSON.stringify(backupHead) });
}

/** The restore's marks, or null for a folder never restored. */
export function restoredMarks(db: Db): { throughExport: number; backupHead: ChainHead } | null {
  const meta = readMeta(db);
  if (meta[THROUGH] === undefined || meta[HEAD] === undefined) return null;
  return { throughExport: Number(meta[THROUGH]), backupHead: JSON.parse(meta[HEAD]) as ChainHead };
}
