// 受領確認: a venue lead unpacks a shipment's box and scans each card. Every scan is an event at once (a
// crash loses nothing); the screen shows shipped vs scanned, what is missing and what does not belong; the
// check closes with a reason for every difference. Until a card is received, the counter will not hand it over.
import { randomBytes } from 'node:crypto';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { err, ok, type Result } from '../../shared/result';
import type { Difference, ReceiptCheckView, ReceiptScanOutcome } from '../../shared/ipc/contract/receipt';
import { appendEvent } from '../db/event-log';
import { readShipment } from '../db/queries/shipments';
import { cardShipment, shipmentCardNos } from '../db/queries/ledger-cards';
import { routedVenue } from '../db/queries/routing-directory';
import { isCheckClosed, isScannedInCheck, openCheckOf, scannedInCheck, unexpectedInCheck } from '../db/queries/events';
import { printable, type CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import { writeTransaction } from '../db/transaction';

export type { Difference, ReceiptCheckView, ReceiptScanOutcome };

export interface ReceiptProblem {
  readonly code: 'forbidden' | 'not-found' | 'closed' | 'reasons-missing';
  readonly message: string;
}

export function openReceiptCheck(ctx: CounterContext, staff: Staff, shipmentId: string): Result<{ checkId: string }, ReceiptProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '受領確認は会場責任者のみができます' });
  if (!readShipment(ctx.store.db, shipmentId)) return err({ code: 'not-found', message: `出荷 ${shipmentId} は取り込まれていません` });
  // A check the lead stopped (中断して窓口に戻る: its scans are recorded) goes on where it was, so its cards are not
  // asked for again as 不足; only a closed check makes the next one new.
  return ok({ checkId: openCheckOf(ctx.store.db, ctx.store.stationId, shipmentId) ?? `rc-${randomBytes(8).toString('hex')}` });
}

export function scanForReceipt(
  ctx: CounterContext,
  staff: Staff,
  checkId: string,
  shipmentId: string,
  code: string,
): Result<ReceiptScanOutcome, ReceiptProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '受領確認は会場責任者のみができます' });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<ReceiptScanOutcome, ReceiptProblem> => {
    if (isClosed(ctx, checkId)) return err({ code: 'closed', message: 'この受領確認は締め済みです' });
    // A misread (a smudged barcode, a stray key, another label on the box) is not a card: nothing is recorded,
    // and the screen says it could not be read, so the lead scans the card again.
    const parsed = normalizeReservationNumber(code);
    if (!parsed.ok) return ok({ kind: 'malformed', shown: printable(code) });
    const unexpected = (kind: 'other-shipment' | 'other-venue' | 'not-in-ledger', c: string) =>
      appendEvent(db, ctx.clock, {
        stationId,
        actor: actorOf(staff),
        kind: 'receipt.unexpected',
        payload: { checkId, shipmentId, code: c, kind },
      });
    const no = parsed.value;
    const cardShipmentId = cardShipment(db, no);
    if (cardShipmentId === undefined) {
      const venue = routedVenue(db, no);
      unexpected(venue ? 'other-venue' : 'not-in-ledger', no);
      return ok(venue ? { kind: 'other-venue', reservationNo: no, venue } : { kind: 'not-in-ledger', reservationNo: no });
    }
    if (cardShipmentId !== shipmentId) {
      unexpected('other-shipment', no);
      return ok({ kind: 'other-shipment', reservationNo: no, shipmentId: cardShipmentId });
    }
    if (isScannedInCheck(db, checkId, no)) return ok({ kind: 'already-scanned', reservationNo: no });
    appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'receipt.card-received',
      payload: { reservationNo: no, checkId },
      subject: no,
    });
    return ok({ kind: 'received', reservationNo: no });
  });
}

/**
 * Takes a 余剰 back out of an open check (scanned by mistake: a card from another pile). An event, never a
 * deletion: the scan stays in the log, and the check's differences no longer list it.
 */
export function removeUnexpected(
  ctx: CounterContext,
  staff: Staff,
  checkId: string,
  shipmentId: string,
  code: string,
): Result<ReceiptCheckView, ReceiptProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '受領確認は会場責任者のみができます' });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<ReceiptCheckView, ReceiptProblem> => {
    if (isClosed(ctx, checkId)) return err({ code: 'closed', message: 'この受領確認は締め済みです' });
    if (!unexpectedInCheck(db, checkId).some((u) => u.code === code))
      return err({ code: 'not-found', message: 'この受領確認の余剰にない番号です' });
    appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'receipt.unexpected-removed',
      payload: { checkId, shipmentId, code },
    });
    return ok(receiptCheckView(ctx, checkId, shipmentId));
  });
}

export function receiptCheckView(ctx: CounterContext, checkId: string, shipmentId: string): ReceiptCheckView {
  const { db } = ctx.store;
  const all = shipmentCardNos(db, shipmentId);
  const scanned = new Set(scannedInCheck(db, checkId));
  const unexpected = unexpectedInCheck(db, checkId);
  return {
    checkId,
    shipmentId,
    shipped: all.length,
    scanned: scanned.size,
    missing: all.filter((no) => !scanned.has(no)),
    unexpected,
    closed: isClosed(ctx, checkId),
  };
}

/** Closes the check; every missing and unexpected card needs a reason, or nothing is recorded. */
export function closeReceiptCheck(
  ctx: CounterContext,
  staff: Staff,
  checkId: string,
  shipmentId: string,
  differences: readonly Difference[],
): Result<ReceiptCheckView, ReceiptProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '受領確認は会場責任者のみができます' });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<ReceiptCheckView, ReceiptProblem> => {
    const view = receiptCheckView(ctx, checkId, shipmentId);
    if (view.closed) return err({ code: 'closed', message: 'この受領確認は締め済みです' });
    const given = new Set(differences.map((d) => `${d.kind}:${d.code}`));
    const needed = [...view.missing.map((c) => `missing:${c}`), ...view.unexpected.map((u) => `unexpected:${u.code}`)];
    const without = needed.filter((k) => !given.has(k));
    if (without.length > 0)
      return err({
        code: 'reasons-missing',
        message: `理由が未入力の差異が ${without.length} 件あります: ${without
          .slice(0, 5)
          .map((k) => k.split(':')[1])
          .join('、')}`,
      });
    appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'receipt.check-closed',
      payload: {
        checkId,
        shipmentId,
        shipped: view.shipped,
        scanned: view.scanned,
        differences: differences.filter((d) => needed.includes(`${d.kind}:${d.code}`)).map((d) => ({ ...d })),
      },
    });
    return ok({ ...view, closed: true });
  });
}

function isClosed(ctx: CounterContext, checkId: string): boolean {
  return isCheckClosed(ctx.store.db, checkId);
}
