// After a restore, the station takes back the sync files it published since the backup, from wherever they were
// received (HQ or a sibling hands them back with `sync files-of`, or the old outbox on a share). Each must be
// the station's own (its signature, its venue), continue the one before it (number and hash), and carry its
// own events in order: their records come back (under their own ids and numbers, so HQ counts nothing twice),
// and the file's number is taken so that nothing new is ever published under it. The first missing number
// stops it: what came after cannot be taken back without it.
import { createHash } from 'node:crypto';
import type { VenueStore } from '../store/data-folder';
import { peekSyncHeader, openSyncFile } from '../sync/sync-file';
import { signingKey, type KeyPair } from '../sync/sync-keys';
import { insertExport, lastExportHead } from '../db/queries/sync-exports';
import { reclaimOwnEvent } from '../db/event-log';
import { eventIdAt } from '../db/queries/events-sync';
import { writeTransaction } from '../db/transaction';
import { GENESIS } from '../access/chain';

export interface ReclaimedFiles {
  /** The numbers taken back, in order. */
  readonly files: readonly number[];
  readonly events: number;
  /** The first number after the last taken back that was not found (null when nothing after it was offered). */
  readonly missing: number | null;
  /** Files offered that are not taken, with why (another station's, damaged, not continuing). */
  readonly refused: readonly { readonly name: string; readonly why: string }[];
}

export function reclaimOwnFiles(
  store: VenueStore,
  files: readonly { name: string; bytes: Uint8Array }[],
  recipient: KeyPair,
): ReclaimedFiles {
  const { db, stationId, venue } = store;
  const own = signingKey(db);
  if (own === null) throw new Error('the restored folder has no signing key');
  const refused: { name: string; why: string }[] = [];
  const bySeq = new Map<number, { name: string; bytes: Uint8Array }>();
  const after = lastExportHead(db)?.seq ?? 0;
  for (const f of files) {
    const peek = peekSyncHeader(f.bytes);
    if (!peek.ok) refused.push({ name: f.name, why: peek.error.message });
    else if (peek.value.stationId !== stationId)
      continue; // another station's file in the same folder: not ours to take
    else if (peek.value.seq <= after)
      continue; // already in the backup
    else if (bySeq.has(peek.value.seq) && sha(bySeq.get(peek.value.seq)!.bytes) !== sha(f.bytes))
      refused.push({ name: f.name, why: `同じ番号 #${peek.value.seq} の別のファイルがあります` });
    else bySeq.set(peek.value.seq, f);
  }
  return writeTransaction(db, () => {
    const taken: number[] = [];
    let events = 0;
    let seq = after + 1;
    for (; bySeq.has(seq); seq++) {
      const f = bySeq.get(seq)!;
      const opened = openSyncFile(f.bytes, { stationPublicKey: own.publicKey, expected: { venue, stationId }, recipient });
      if (!opened.ok) {
        refused.push({ name: f.name, why: opened.error.message });
        break;
      }
      const { header, body, fileSha256 } = opened.value;
      const last = lastExportHead(db);
      if (header.prevSha256 !== (last?.sha256 ?? null)) {
        refused.push({ name: f.name, why: `#${seq} が前のファイル（#${seq - 1}）につながりません` });
        break;
      }
      const mine = body.events.filter((e) => e.stationId === stationId);
      // Events recorded between the file before and the backup are in the backup already: the same ones, by id.
      const held = mine.filter((e) => eventIdAt(db, stationId, e.seq) !== undefined);
      const differs = held.find((e) => eventIdAt(db, stationId, e.seq) !== e.id);
      if (differs) {
        refused.push({ name: f.name, why: `#${seq} の記録 ${differs.seq} がバックアップの記録と違います` });
        break;
      }
      for (const e of mine.slice(held.length)) reclaimOwnEvent(db, e);
      events += mine.length - held.length;
      insertExport(db, {
        seq,
        business_date: header.businessDate,
        sha256: fileSha256,
        through_event_seq: mine.at(-1)?.seq ?? last?.through_event_seq ?? 0,
        access_seq: body.accessHead?.seq ?? 0,
        access_sha256: body.accessHead?.sha256 ?? GENESIS,
        created_at: header.createdAt,
        bytes: f.bytes,
      });
      taken.push(seq);
    }
    const later = [...bySeq.keys()].filter((n) => n > seq);
    return { files: taken, events, missing: later.length > 0 ? seq : null, refused };
  });
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
