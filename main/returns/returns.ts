// 返戻: cards past their collection deadline go back to HQ in a batch, recorded by the venue lead with a reason;
// the batch's list is printed to go with the box.
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import { cardsByShippedOn } from '../db/queries/ledger-cards';
import { returnBatchCardRows, returnBatchRows, type ReturnBatchRow } from '../db/queries/events';
import { readCardStates } from '../counter/card-state';
import { venueCardKinds } from '../reconciliation/reconciliation';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import { readSetting } from '../store/settings';
import { addDays, tokyoDate, tokyoDateOf } from '../../shared/tokyo-date';
import { stationName } from '../counter/names';
import { leadOnly, type CorrectionProblem } from '../corrections/corrections';
import { writeTransaction } from '../db/transaction';

export interface OverdueCard {
  readonly reservationNo: string;
  readonly name: string;
  readonly shippedOn: string;
  readonly deadline: string;
}

/** The last day a card shipped on `shippedOn` may be collected. */
const deadlineOf = addDays;

/**
 * The cards to send back to HQ: outstanding cards whose collection deadline (notice date + the station's
 * `collection-deadline-days`, default 90) has passed, and damaged cards on the shelf whatever their deadline
 * (the counter tells the clerk they go back for a new card). Which is which, the one card fold says.
 */
export function overdueCards(
  ctx: CounterContext,
  deadlineDays: number = readSetting(ctx.store.db, 'collection-deadline-days'),
): OverdueCard[] {
  const today = tokyoDate(ctx.clock.now());
  const kinds = new Map(venueCardKinds(ctx.store).map((c) => [c.reservationNo, c.kind]));
  const due = cardsByShippedOn(ctx.store.db).filter((r) => {
    const kind = kinds.get(r.reservation_no);
    return kind === 'damaged' || (kind === 'outstanding' && deadlineOf(r.shipped_on, deadlineDays) < today);
  });
  return readCardStates(
    ctx.store.db,
    due.map((r) => r.reservation_no),
  ).flatMap((s) =>
    s.kind === 'outstanding' || s.kind === 'damaged'
      ? [
          {
            reservationNo: s.card.reservationNo,
            name: s.card.name,
            shippedOn: s.card.shippedOn,
            deadline: deadlineOf(s.card.shippedOn, deadlineDays),
          },
        ]
      : [],
  );
}

/** Records a return batch: every card must be outstanding (damaged ones too); all or none are recorded. */
export function recordReturnBatch(
  ctx: CounterContext,
  staff: Staff,
  reservationNos: readonly string[],
  reason: string,
): Result<{ batchId: string; number: string; cards: number }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  const batchId = `rt-${randomBytes(6).toString('hex')}`;
  const recorded = writeTransaction(db, (): Result<{ batchId: string; cards: number }, CorrectionProblem> => {
    const unique = [...new Set(reservationNos)];
    const states = readCardStates(db, unique);
    const bad = states.flatMap((s, i) => (s.kind !== 'outstanding' && s.kind !== 'damaged' ? [unique[i]!] : []));
    if (bad.length > 0)
      return err({ code: 'not-outstanding', message: `交付待ちではないカードが含まれています: ${bad.slice(0, 5).join('、')}` });
    for (const no of unique)
      appendEvent(db, ctx.clock, {
        stationId,
        actor: actorOf(staff),
        kind: 'card.returned',
        payload: { reservationNo: no, batchId, reason: reason.trim() },
        subject: no,
      });
    return ok({ batchId, cards: unique.length });
  });
  return recorded.ok ? ok({ ...recorded.value, number: returnBatches(ctx, batchId)[0]!.number }) : recorded;
}

export type ReturnBatchSummary = ReturnBatchRow & {
  /** The batch as people say it (返戻番号): the Tokyo day it was recorded and its place that day, 20261202-1. */
  readonly number: string;
  /** Where it was recorded, in words (本庁舎 窓口1): two stations' batches of one day can share a number. */
  readonly stationName: string;
};

/**
 * Every return batch recorded at this venue, newest first (for reprinting a return list); or just one. Each is
 * numbered from the log: the n-th batch its station recorded that Tokyo day, by the station's own event order.
 * A station's events never reorder and no other station adds to them, so a number never changes once given,
 * whichever station shows it and whatever siblings' batches arrive later (the internal id stays the key).
 */
export function returnBatches(ctx: CounterContext, batchId?: string): ReturnBatchSummary[] {
  const rows = returnBatchRows(ctx.store.db);
  const numbers = new Map<string, string>();
  const perStationDay = new Map<string, number>();
  const inStationOrder = [...rows].sort((a, b) => (a.stationId === b.stationId ? a.seq - b.seq : a.stationId < b.stationId ? -1 : 1));
  for (const r of inStationOrder) {
    const day = tokyoDateOf(r.at);
    const n = (perStationDay.get(`${r.stationId} ${day}`) ?? 0) + 1;
    perStationDay.set(`${r.stationId} ${day}`, n);
    // 20261202-1, not 2026-12-02-1: people never read a day written with hyphens anywhere else (dates are
    // 2026年12月2日), so the number is one word, the day's digits then its place that day.
    numbers.set(r.batchId, `${day.replace(/-/g, '')}-${n}`);
  }
  return rows
    .filter((r) => batchId === undefined || r.batchId === batchId)
    .map((r) => ({ ...r, number: numbers.get(r.batchId)!, stationName: stationName(ctx.store, r.stationId) }));
}

/** One batch's cards, for the printed return list; null if no such batch. */
export function returnBatchCards(
  ctx: CounterContext,
  batchId: string,
  deadlineDays: number = readSetting(ctx.store.db, 'collection-deadline-days'),
) {
  const [summary] = returnBatches(ctx, batchId);
  if (!summary) return null;
  const rows = returnBatchCardRows(ctx.store.db, batchId);
  return { ...summary, rows: rows.map((r) => ({ ...r, deadline: deadlineOf(r.shippedOn, deadlineDays) })) };
}
