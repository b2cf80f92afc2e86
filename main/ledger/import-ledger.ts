// A venue loads a shipment ledger from HQ: verify, decrypt and validate everything in memory first,
// then write all of it in one transaction, or nothing.
import type { DirectoryEntry, LedgerCard } from '../../shared/ledger/ledger-format';
import { VENUES } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import type { PrivateKeyHandle, PublicKeyHandle } from '../crypto/key-files';
import type { Clock } from '../clock';
import { appendEvent } from '../db/event-log';
import type { VenueStore } from '../venue/data-folder';
import { openLedgerFile, type LedgerFileProblem, type OpenedLedger } from './ledger-file';

export interface ImportedShipment {
  readonly status: 'imported' | 'already-imported';
  readonly shipmentId: string;
  readonly rowCount: number;
  readonly fileSha256: string;
}

export interface ReservationConflict {
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
    return err({ code: 'other-venue', message: `このデータフォルダは${VENUES[store.venue].name}用です。指定の会場鍵は${keys.venueKey.venue ? VENUES[keys.venueKey.venue].name : '会場'}用です` });
  }
  return openLedgerFile(bytes, keys);
}

/** Second half: all of a checked ledger in one transaction, or nothing (already imported, changed, conflicts). */
export function commitLedger(ctx: ImportContext, opened: OpenedLedger): Result<ImportedShipment, ImportProblem> {
  const { store } = ctx;
  const { header, cards, fileSha256 } = opened;

  const existing = store.db.prepare('SELECT file_sha256 FROM shipments WHERE shipment_id = ?').get(header.shipmentId) as
    | { file_sha256: string }
    | undefined;
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
  const insertCard = db.prepare(
    `INSERT INTO ledger_cards (reservation_no, shipment_id, name, kana, birth_date, address, town, chome, notice_type, shipped_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reservation_no) DO NOTHING`,
  );
  try {
    db.transaction(() => {
      const event = appendEvent(db, ctx.clock, {
        stationId,
        actor: ctx.actor,
        kind: 'ledger.imported',
        payload: { shipmentId: header.shipmentId, venue, fileSha256, rowCount: header.rowCount, createdAt: header.createdAt, hqKeyId: header.hqKeyId },
      });
      db.prepare(
        'INSERT INTO shipments (shipment_id, venue, file_sha256, created_at, row_count, imported_event_id) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(header.shipmentId, venue, fileSha256, header.createdAt, header.rowCount, event.id);
      const clashes: string[] = [];
      for (const c of cards) {
        const r = insertCard.run(c.reservationNo, header.shipmentId, c.name, c.kana, c.birthDate, c.address, c.town, c.chome, c.noticeType, c.shippedOn);
        if (r.changes === 0) clashes.push(c.reservationNo);
      }
      // A later shipment's word on where a card went wins; this venue's own cards live in ledger_cards.
      const direct = db.prepare('INSERT OR REPLACE INTO routing_directory (reservation_no, venue, shipment_id) VALUES (?, ?, ?)');
      for (const e of elsewhere) direct.run(e.reservationNo, e.venue, header.shipmentId);
      // Throwing rolls the whole transaction back: a conflicting ledger leaves no trace.
      if (clashes.length > 0) throw new ConflictsFound(clashes);
    })();
    return [];
  } catch (e) {
    if (!(e instanceof ConflictsFound)) throw e;
    const lookup = db.prepare('SELECT shipment_id FROM ledger_cards WHERE reservation_no = ?');
    return e.reservationNos.map((reservationNo) => ({
      reservationNo,
      existingShipmentId: (lookup.get(reservationNo) as { shipment_id: string }).shipment_id,
    }));
  }
}
