// Headquarters keeps every ledger it builds: the rows it sealed to each venue, in its own encrypted data
// folder. From them HQ prints a venue's ledger with its 控え (別紙③ 2④) on its own machine, and knows what
// each venue must account for (shipped = received + not received).
import type { LedgerCard } from '../../shared/ledger/ledger-format';
import { VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import type { PrintRow } from '../../shared/print/ledger-print';
import type { Clock } from '../clock';
import { appendEvent } from '../db/event-log';
import type { Db } from '../db/connection';
import { builtLedgers, isLedgerBuilt, isShipmentBuilt, ledgerRecorder } from '../db/queries/hq-ledgers';
import { ledgerImportEvents } from '../db/queries/events-hq';
import { alreadyShipped, cardRecorder, ledgerPrintRows } from '../db/queries/hq-cards';
import type { HqStore } from '../store/data-folder';
import { writeTransaction } from '../db/transaction';

export interface HqContext {
  readonly store: HqStore;
  readonly clock: Clock;
}

export interface LedgerToRecord {
  readonly venue: VenueId;
  readonly fileSha256: string;
  readonly cards: readonly LedgerCard[];
}

export type RecordProblem =
  | { readonly code: 'shipment-exists'; readonly message: string }
  | {
      readonly code: 'already-shipped';
      readonly message: string;
      readonly cards: readonly { reservationNo: string; shipmentId: string; venue: VenueId }[];
    };

export interface HqLedger {
  readonly shipmentId: string;
  readonly venue: VenueId;
  readonly rowCount: number;
  readonly createdAt: string;
  readonly fileSha256: string;
  /**
   * The venue's 預り証 (別紙⑦ 第11条): the first import of exactly this file at one of its stations, as that
   * station's signed sync file carried it (the ledger.imported event: who, where, when, the file's hash and rows);
   * null until one has arrived.
   */
  readonly receipt: { readonly stationId: string; readonly by: string; readonly at: string } | null;
}

/**
 * Checks, without writing, that a shipment can be recorded: a new shipment id, and no card HQ has already
 * shipped. Run before any ledger file is written, so a refused build leaves nothing behind.
 */
export function checkShipmentIsNew(db: Db, shipmentId: string, ledgers: readonly LedgerToRecord[]): Result<null, RecordProblem> {
  if (isShipmentBuilt(db, shipmentId)) {
    return err({ code: 'shipment-exists', message: `出荷ID ${shipmentId} の台帳は作成済みです。作り直すときは新しい出荷IDにしてください` });
  }
  const clashes = alreadyShipped(
    db,
    ledgers.flatMap((l) => l.cards.map((c) => c.reservationNo)),
  );
  if (clashes.length > 0) {
    return err({
      code: 'already-shipped',
      message: `予約管理番号 ${clashes.length} 件は出荷済みです（${[...new Set(clashes.map((c) => c.shipmentId))].join('、')}）。台帳は作成していません`,
      cards: clashes,
    });
  }
  return ok(null);
}

/** Records a shipment's ledgers and their rows in one transaction, or nothing. */
export function recordBuiltLedgers(
  ctx: HqContext,
  actor: string,
  shipmentId: string,
  createdAt: string,
  ledgers: readonly LedgerToRecord[],
): Result<{ cards: number }, RecordProblem> {
  const { db, stationId } = ctx.store;
  const insertCard = cardRecorder(db);
  const insertLedger = ledgerRecorder(db);
  return writeTransaction(db, (): Result<{ cards: number }, RecordProblem> => {
    const fresh = checkShipmentIsNew(db, shipmentId, ledgers);
    if (!fresh.ok) return fresh;
    let cards = 0;
    for (const l of ledgers) {
      const event = appendEvent(db, ctx.clock, {
        stationId,
        actor,
        kind: 'hq.ledger-built',
        payload: { shipmentId, venue: l.venue, fileSha256: l.fileSha256, rowCount: l.cards.length, createdAt },
      });
      insertLedger({
        shipment_id: shipmentId,
        venue: l.venue,
        file_sha256: l.fileSha256,
        created_at: createdAt,
        row_count: l.cards.length,
        built_event_id: event.id,
      });
      for (const c of l.cards) {
        insertCard({
          reservation_no: c.reservationNo,
          shipment_id: shipmentId,
          venue: l.venue,
          name: c.name,
          kana: c.kana,
          birth_date: c.birthDate,
          address: c.address,
          town: c.town,
          chome: c.chome,
          notice_type: c.noticeType,
          shipped_on: c.shippedOn,
        });
      }
      cards += l.cards.length;
    }
    return ok({ cards });
  });
}

/** Every ledger HQ built, newest shipment first, venues in 別紙① order. */
export function hqLedgers(db: Db): HqLedger[] {
  const receipts = new Map<string, HqLedger['receipt']>();
  for (const e of ledgerImportEvents(db)) {
    const p = JSON.parse(e.payload) as { shipmentId: string; venue: VenueId; fileSha256: string };
    const key = `${p.shipmentId}\n${p.venue}\n${p.fileSha256}`;
    if (!receipts.has(key)) receipts.set(key, { stationId: e.stationId, by: e.actor, at: e.at });
  }
  const rows: HqLedger[] = builtLedgers(db).map((l) => ({
    ...l,
    receipt: receipts.get(`${l.shipmentId}\n${l.venue}\n${l.fileSha256}`) ?? null,
  }));
  return rows.sort(
    (a, b) =>
      b.createdAt.localeCompare(a.createdAt) ||
      b.shipmentId.localeCompare(a.shipmentId) ||
      VENUE_IDS.indexOf(a.venue) - VENUE_IDS.indexOf(b.venue),
  );
}

/** The rows of one venue's ledger, as the print template takes them; null if HQ built no such ledger. */
export function hqLedgerRows(db: Db, shipmentId: string, venue: VenueId): PrintRow[] | null {
  if (!isLedgerBuilt(db, shipmentId, venue)) return null;
  return ledgerPrintRows(db, shipmentId, venue);
}
