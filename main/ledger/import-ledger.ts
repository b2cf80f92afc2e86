// A venue loads a shipment ledger from HQ: verify, decrypt and validate everything in memory first,
// then write all of it in one transaction, or nothing.
import type { DirectoryEntry, LedgerCard } from '../../shared/ledger/ledger-format';
import { VENUES } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import type { PrivateKeyHandle, PublicKeyHandle } from '../crypto/key-files';
import type { Clock } from '../clock';
import { appendEvent } from '../db/event-log';
import { readShipment, insertShipment } from '../db/queries/shipments';
import { cardInserter, cardShipment } from '../db/queries/ledger-cards';
import { recordRouting } from '../db/queries/routing-directory';
import type { VenueStore } from '../store/data-folder';
import { openLedgerFile, type LedgerFileProblem, type OpenedLedger } from './ledger-file';
import { writeTransaction } from '../db/transaction';

export interface ImportedShipment {
  readonly status: 'imported' | 'already-imported';
  readonly shipmentId: string;
  readonly rowCount: number;
  readonly fileSha256: string;
}

interface ReservationConflict {
  readonly reservationNo: string;
  readonly existingShipmentId: string;
}

export type ImportProblem =
  | LedgerFileProblem
  | { readonly code: 'other-venue'; readonly message: string }
  | { readonly code: 'shipment-changed'; readonly message: string }
  | { readonly code: 'conflict'; readonly message: string; readonly conflicts: readonly ReservationConflict[] };

export interface ImportContext {
  readonly store: VenueStore;
  readonly clock: Clock;
  readonly actor: string;
}

export function importLedger(
  ctx: ImportContext,
  bytes: Uint8Array,
  keys: { readonly venueKey: PrivateKeyHandle; readonly hqKey: PublicKeyHandle },
): Result<ImportedShipment, ImportProblem> {
  const opened = openLedgerForStore(ctx, bytes, keys);
  return opened.ok ? commitLedger(ctx, opened.value) : opened;
}

/** First half of an import: verify, decrypt and validate in memory; nothing is written. */
export function openLedgerForStore(
  ctx: ImportContext,
  bytes: Uint8Array,
  keys: { readonly venueKey: PrivateKeyHandle; readonly hqKey: PublicKeyHandle },
): Result<OpenedLedger, ImportProblem> {
  const { store } = ctx;
  if (keys.venueKey.venue !== store.venue) {
    return err({
      code: 'other-venue',
      message: `このデータフォルダは${VENUES[store.venue].name}用です。指定の会場鍵は${keys.venueKey.venue ? VENUES[keys.venueKey.venue].name : '会場'}用です`,
    });
  }
  return openLedgerFile(bytes, keys);
}

/** Second half: all of a checked ledger in one transaction, or nothing (already imported, changed, conflicts). */
export function commitLedger(ctx: ImportContext, opened: OpenedLedger): Result<ImportedShipment, ImportProblem> {
  const { store } = ctx;
  const { header, cards, fileSha256 } = opened;

  const existing = readShipment(store.db, header.shipmentId);
  if (existing) {
    if (existing.file_sha256 === fileSha256) {
      return ok({ status: 'already-imported', shipmentId: header.shipmentId, rowCount: header.rowCount, fileSha256 });
    }
    return err({
      code: 'shipment-changed',
      message: `出荷ID ${header.shipmentId} は内容の異なる台帳で取込済みです。事務センターに確認してください`,
    });
  }

  const conflicts = writeShipment(ctx, header, cards, opened.elsewhere, fileSha256);
  if (conflicts.length > 0) {
    return err({
      code: 'conflict',
      message: `予約管理番号 ${conflicts.length} 件が別の出荷で取込済みのため、この台帳は取り込みませんでした`,
      conflicts,
    });
  }
  return ok({ status: 'imported', shipmentId: header.shipmentId, rowCount: header.rowCount, fileSha256 });
}

class ConflictsFound extends Error {
  constructor(readonly reservationNos: string[]) {
    super('conflicting reservation numbers');
  }
}

/** Returns the conflicts found (and writes nothing) or an empty list after committing every card. */
function writeShipment(
  ctx: ImportContext,
  header: { shipmentId: string; venue: string; createdAt: string; rowCount: number; hqKeyId: string },
  cards: readonly LedgerCard[],
  elsewhere: readonly DirectoryEntry[],
  fileSha256: string,
): ReservationConflict[] {
  const { db, stationId, venue } = ctx.store;
  try {
    writeTransaction(db, () => {
      const event = appendEvent(db, ctx.clock, {
        stationId,
        actor: ctx.actor,
        kind: 'ledger.imported',
        payload: {
          shipmentId: header.shipmentId,
          venue,
          fileSha256,
          rowCount: header.rowCount,
          createdAt: header.createdAt,
          hqKeyId: header.hqKeyId,
        },
      });
      insertShipment(db, {
        shipment_id: header.shipmentId,
        venue,
        file_sha256: fileSha256,
        created_at: header.createdAt,
        row_count: header.rowCount,
        imported_event_id: event.id,
      });
      const insertCard = cardInserter(db, header.shipmentId);
      const clashes: string[] = [];
      for (const c of cards) if (!insertCard(c)) clashes.push(c.reservationNo);
      // A later shipment's word on where a card went wins; this venue's own cards live in ledger_cards.
      recordRouting(db, header.shipmentId, elsewhere);
      // Throwing rolls the whole transaction back: a conflicting ledger leaves no trace.
      if (clashes.length > 0) throw new ConflictsFound(clashes);
    });
    return [];
  } catch (e) {
    if (!(e instanceof ConflictsFound)) throw e;
    return e.reservationNos.map((reservationNo) => ({ reservationNo, existingShipmentId: cardShipment(db, reservationNo)! }));
  }
}
