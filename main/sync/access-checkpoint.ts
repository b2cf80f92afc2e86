// What each sync file says of the station's access record (個人情報取扱台帳), so that HQ — which never sees the
// record's rows, their names or numbers — can tell that the record only grew (issue 14). The file carries the
// record's head (last number, its link), where the previous file left it (`from`), and the digest of every row in
// between: laid one after another on `from`, they must reach the head. HQ keeps each head, and a file that starts
// anywhere but where the last one ended says the record was rewound or rewritten at the station.
import type { Db } from '../db/connection';
import type { ExportHead } from '../db/queries/sync-exports';
import { accessChainAt, accessChainHead, accessRowsAfter } from '../db/queries/chains';
import { GENESIS, accessDigest, foldDigests, type ChainHead } from '../access/chain';
import type { SyncBody } from './sync-file-format';
import { restoredMarks } from '../backup/restored-marks';

export type AccessCheckpoint = Pick<SyncBody, 'accessHead' | 'accessLink'>;

/** The checkpoint for the next file, continuing from the one the last file stated. */
export function accessCheckpoint(db: Db, last: ExportHead | undefined): AccessCheckpoint {
  // Where the last file left the record, as the record's own link there says now (for a file written before the
  // chain, that is not the hash that file stated; HQ compares those by number only). A row gone since: the link
  // the file stated, so that HQ sees the record end before it. The first file after a restore from a backup
  // continues from the backup's head, as the `station.restored` event in it tells HQ.
  const restored = restoredFrom(db, last);
  const from: ChainHead | null =
    restored !== undefined
      ? restored
      : last && last.access_seq > 0
        ? { seq: last.access_seq, sha256: accessChainAt(db, last.access_seq) ?? last.access_sha256 }
        : null;
  const rows = accessRowsAfter(db, from?.seq ?? 0);
  const end = accessChainHead(db);
  const head: ChainHead | null = end ? { seq: end.seq, sha256: end.chain ?? GENESIS } : null;
  return { accessHead: head, accessLink: { from, digests: rows.map(accessDigest) } };
}

/** The backup's head when the last file published predates a restore (undefined otherwise; null: an empty record). */
function restoredFrom(db: Db, last: ExportHead | undefined): ChainHead | null | undefined {
  const marks = restoredMarks(db);
  if (marks === null || (last?.seq ?? 0) > marks.throughExport) return undefined;
  return marks.backupHead.seq > 0 ? marks.backupHead : null;
}

export type CheckpointProblem = 'access-rewound' | 'access-rewritten';

/** Whether a file's checkpoint adds up by itself: its digests, laid on `from`, reach its head. */
export function checkpointProblem(body: AccessCheckpoint): CheckpointProblem | null {
  const fromSeq = body.accessLink.from?.seq ?? 0;
  const headSeq = body.accessHead?.seq ?? 0;
  if (headSeq < fromSeq) return 'access-rewound';
  if (body.accessLink.digests.length !== headSeq - fromSeq) return 'access-rewritten';
  if (headSeq > 0 && foldDigests(body.accessLink.from?.sha256 ?? GENESIS, body.accessLink.digests) !== body.accessHead!.sha256)
    return 'access-rewritten';
  return null;
}

/** A head as HQ keeps it (sync_files.access_head): `chained` marks a head taken from the row's own link. */
export interface KeptHead extends ChainHead {
  readonly from?: ChainHead | null;
  readonly chained?: boolean;
}

/**
 * Whether a file's `from` continues the head of the file before it. Heads kept from files written before the
 * chain are compared by number only (their hash was computed another way).
 */
export function continuesProblem(before: KeptHead | null, from: ChainHead | null): CheckpointProblem | null {
  const beforeSeq = before?.seq ?? 0;
  const fromSeq = from?.seq ?? 0;
  if (fromSeq < beforeSeq) return 'access-rewound';
  if (fromSeq !== beforeSeq) return 'access-rewritten';
  if (before?.chained && fromSeq > 0 && before.sha256 !== from!.sha256) return 'access-rewritten';
  return null;
}
