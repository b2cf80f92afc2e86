// A station publishes its day: the events it recorded since its last file (numbers, kinds, times, staff ids,
// ID-check categories — never names, addresses or birth dates; typed reasons stay at the venue), the counts
// it claims, which events those counts cover, and the head of its access record; signed and sealed
// (sync-file.ts), numbered without gaps and chained by hash.
//
// Crash safety: the file's exact bytes are committed to the database first, then written to the outbox
// (temp file, fsync, rename). A crash before the commit leaves nothing; after it, the next export (or
// repairOutbox) writes the same bytes again. So a number is never reused for different content.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readSetting } from '../store/settings';
import type { StoredEvent } from '../../shared/events/event';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../clock';
import { tokyoDate } from '../../shared/tokyo-date';
import type { VenueStore } from '../store/data-folder';
import { venueReconciliation } from '../reconciliation/reconciliation';
import { writeFileAtomic } from '../files/atomic-write';
import { encodeSyncFile } from './sync-file';
import { type ClaimedCounts, type SyncBody } from './sync-file-format';
import { signingKey } from './sync-keys';
import { recipients } from './registration';
import { exportBytes, exportSizes, insertExport, lastExportHead } from '../db/queries/sync-exports';
import { lastSeqByStation, ownEventsAfter } from '../db/queries/events-sync';
import { accessCheckpoint } from './access-checkpoint';
import { checkRecords } from '../access/verify-record';
import { writeTransaction } from '../db/transaction';

export interface ExportContext {
  readonly store: VenueStore;
  readonly clock: Clock;
}

export interface ExportedFile {
  readonly seq: number;
  readonly name: string;
  readonly path: string;
  readonly sha256: string;
  readonly events: number;
  readonly businessDate: string;
}

export interface ExportProblem {
  readonly code: 'not-provisioned' | 'outbox-ahead';
  readonly message: string;
}

/** Free text typed by staff may name people: it stays at the venue; the synced copy says where it is. */
export const REASON_KEPT_AT_VENUE = '（理由は会場の端末に記録）';

export function syncFileName(stationId: string, seq: number): string {
  return `${stationId}-${String(seq).padStart(8, '0')}.sync`;
}

/** Writes the station's next sync file into `outbox` (and any earlier one missing there). */
export function exportSyncFile(
  ctx: ExportContext,
  outbox: string,
  options: { businessDate?: string } = {},
): Result<ExportedFile, ExportProblem> {
  const { store, clock } = ctx;
  const { db, stationId, venue } = store;
  const signer = signingKey(db);
  const sealTo = recipients(db);
  if (!signer || !sealTo.some((r) => r.role === 'hq')) {
    return err({ code: 'not-provisioned', message: '同期の設定がまだです（madoguchi sync setup で事務センターの鍵を登録してください）' });
  }
  mkdirSync(outbox, { recursive: true });
  repairOutbox(store, outbox);
  const businessDate = options.businessDate ?? tokyoDate(clock.now());
  const broken = checkRecords(db, stationId).problem;

  const made = writeTransaction(db, () => {
    const last = lastExportHead(db);
    const events = ownEventsAfter(db, stationId, last?.through_event_seq ?? 0);
    const access = accessCheckpoint(db, last);
    const label = readSetting(db, 'station-label');
    const body: SyncBody = {
      events: events.map(redact),
      claimed: claimedCounts(store),
      knownThrough: lastSeqByStation(db),
      ...access,
      ...(label === '' ? {} : { stationLabel: label }),
      ...(broken ? { recordsBroken: { record: broken.record, seq: broken.seq } } : {}),
    };
    const seq = (last?.seq ?? 0) + 1;
    // An outbox holding a file numbered past the database's last one means the database went back in time (a
    // restored backup): publishing now would put different content under a number already out there.
    if (existsSync(join(outbox, syncFileName(stationId, seq)))) return null;
    const createdAt = clock.now().toISOString();
    const bytes = encodeSyncFile({
      venue,
      stationId,
      seq,
      businessDate,
      createdAt,
      prevSha256: last?.sha256 ?? null,
      signingKey: signer,
      recipients: sealTo.map((r) => ({ keyId: r.keyId, publicKey: r.publicKey })),
      body,
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    insertExport(db, {
      seq,
      business_date: businessDate,
      sha256,
      through_event_seq: events.at(-1)?.seq ?? last?.through_event_seq ?? 0,
      access_seq: access.accessHead?.seq ?? 0,
      access_sha256: access.accessHead?.sha256 ?? '0'.repeat(64),
      created_at: createdAt,
      bytes,
    });
    return { seq, sha256, bytes, events: events.length };
  });
  if (made === null) {
    return err({
      code: 'outbox-ahead',
      message:
        '送信用フォルダに、この端末の記録より新しい番号の同期ファイルがあります（データを復元した場合など）。事務センターに連絡してください',
    });
  }

  const name = syncFileName(stationId, made.seq);
  writeFileAtomic(join(outbox, name), made.bytes);
  return ok({ seq: made.seq, name, path: join(outbox, name), sha256: made.sha256, events: made.events, businessDate });
}

/**
 * Writes every published file missing from the outbox, or of the wrong size there (a bad copy), byte for byte
 * as first made; and clears this station's temp files left by an export that was killed mid-write.
 */
export function repairOutbox(store: VenueStore, outbox: string): number {
  // An outbox someone removed (or that the first export, killed early, never made) is made again like a missing file.
  mkdirSync(outbox, { recursive: true });
  let written = 0;
  // Sizes, not hashes: this runs before every export, and a bad copy is a short or long one.
  for (const { seq, size } of exportSizes(store.db)) {
    const path = join(outbox, syncFileName(store.stationId, seq));
    if (existsSync(path) && statSync(path).size === size) continue;
    writeFileAtomic(path, exportBytes(store.db, seq));
    written++;
  }
  const leftover = new RegExp(`^\\.${store.stationId}-\\d{8}\\.sync\\.[0-9a-f]+\\.tmp$`);
  for (const name of readdirSync(outbox)) if (leftover.test(name)) rmSync(join(outbox, name), { force: true });
  return written;
}

function redact(e: StoredEvent): StoredEvent {
  const p = e.payload as Record<string, unknown>;
  if (e.kind === 'receipt.check-closed') {
    const differences = (p.differences as { memo: string }[]).map((d) => ({ ...d, memo: d.memo === '' ? '' : REASON_KEPT_AT_VENUE }));
    return { ...e, payload: { ...p, differences } as StoredEvent['payload'] };
  }
  if (typeof p.reason === 'string') return { ...e, payload: { ...p, reason: REASON_KEPT_AT_VENUE } as StoredEvent['payload'] };
  return e;
}

function claimedCounts(store: VenueStore): ClaimedCounts {
  const { shipped, received, handedOver, outstanding, returned, refusals, damaged } = venueReconciliation(store).total;
  return { shipped, received, handedOver, outstanding, returned, refusals, damaged };
}
