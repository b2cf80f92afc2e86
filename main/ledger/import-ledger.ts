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
import { resolveHqKey, writePin, type PinChange, type PinProblem, type PinVia } from '../crypto/hq-pin';
import { fingerprintOf, type RotationStatement } from '../crypto/hq-key-trust';

export interface ImportedShipment {
  readonly status: 'imported' | 'already-imported';
  readonly shipmentId: string;
  readonly rowCount: number;
  readonly fileSha256: string;
  /** HQ's key as this import pinned it (the folder's first, or moved by a rotation); absent when unchanged. */
  readonly pinned?: PinnedNow;
}

interface PinnedNow {
  readonly keyId: string;
  readonly fingerprint: string;
  readonly via: PinVia;
  readonly from: string | null;
}

interface ReservationConflict {
  readonly reservationNo: string;
  readonly existingShipmentId: string;
}

export type ImportProblem =
  | LedgerFileProblem
  | PinProblem
  | { readonly code: 'other-venue'; readonly message: string }
  | { readonly code: 'shipment-changed'; readonly message: string }
  | { readonly code: 'conflict'; readonly message: string; readonly conflicts: readonly ReservationConflict[] };

export interface ImportContext {
  readonly store: VenueStore;
  readonly clock: Clock;
  readonly actor: string;
}

/**
 * The keys a ledger is opened with. `hqKey`: the hq.pub offered with it (null: the one the folder pinned);
 * `rotations`: HQ's key-rotation statements offered alongside, to move the pin on.
 */
export interface ImportKeys {
  readonly venueKey: PrivateKeyHandle;
  readonly hqKey: PublicKeyHandle | null;
  readonly rotations?: readonly RotationStatement[];
}

/** A ledger checked in memory against the folder's pinned HQ key, with the pin to write if it is taken in. */
export interface CheckedLedger extends OpenedLedger {
  readonly pin: PinChange | null;
}

export function importLedger(ctx: ImportContext, bytes: Uint8Array, keys: ImportKeys): Result<ImportedShipment, ImportProblem> {
  const opened = openLedgerForStore(ctx, bytes, keys);
  return opened.ok ? commitLedger(ctx, opened.value) : opened;
}

/** First half of an import: verify, decrypt and validate in memory; nothing is written. */
export function openLedgerForStore(ctx: ImportContext, bytes: Uint8Array, keys: ImportKeys): Result<CheckedLedger, ImportProblem> {
  const { store } = ctx;
  if (keys.venueKey.venue !== store.venue) {
    return err({
      code: 'other-venue',
      message: `このデータフォルダは${VENUES[store.venue].name}用です。指定の会場鍵は${keys.venueKey.venue ? VENUES[keys.venueKey.venue].name : '会場'}用です`,
    });
  }
  // HQ's key is the one the folder pinned (moved by any rotation offered), never merely the one offered.
  const trust = resolveHqKey(store.db, keys.hqKey, keys.rotations);
  if (!trust.ok) return trust;
  const opened = openLedgerFile(bytes, { venueKey: keys.venueKey, hqKey: trust.value.key });
  return opened.ok ? ok({ ...opened.value, pin: trust.value.change }) : opened;
}

/** Second half: all of a checked ledger in one transaction, or nothing (already imported, changed, conflicts). */
export function commitLedger(ctx: ImportContext, opened: CheckedLedger): Result<ImportedShipment, ImportProblem> {
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

  const conflicts = writeShipment(ctx, header, cards, opened.elsewhere, fileSha256, opened.pin);
  if (conflicts.length > 0) {
    return err({
      code: 'conflict',
      message: `予約管理番号 ${conflicts.length} 件が別の出荷で取込済みのため、この台帳は取り込みませんでした`,
      conflicts,
    });
  }
  const { pin } = opened;
  const pinned = pin ? { pinned: { keyId: pin.key.keyId, fingerprint: fingerprintOf(pin.key), via: pin.via, from: pin.from } } : {};
  return ok({ status: 'imported', shipmentId: header.shipmentId, rowCount: header.rowCount, fileSha256, ...pinned });
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
  pin: PinChange | null,
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
      // The first HQ key this folder trusts (or where a rotation moved it) is kept with the ledger it opened.
      if (pin) writePin(db, pin, ctx.clock.now());
      // Throwing rolls the whole transaction back: a conflicting ledger leaves no trace.
      if (clashes.length > 0) throw new ConflictsFound(clashes);
    });
    return [];
  } catch (e) {
    if (!(e instanceof ConflictsFound)) throw e;
    return e.reservationNos.map((reservationNo) => ({ reservationNo, existingShipmentId: cardShipment(db, reservationNo)! }));
  }
}
