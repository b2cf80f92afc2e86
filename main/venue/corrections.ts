// A venue lead's corrections and returns, each a new event with a mandatory reason (the originals stay):
// mark a card damaged, fix a mistaken receipt, and send uncollected cards back to HQ (返戻) in a batch.
import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import { cardsByShippedOn } from '../db/queries/ledger-cards';
import { returnBatchCardRows, returnBatchRows, type ReturnBatchRow } from '../db/queries/events';
import { readCardState, readCardStates } from '../counter/card-state';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../staff/staff';
import { readSetting } from './settings';
import { addDays, tokyoDate } from '../../shared/tokyo-date';

export interface CorrectionProblem {
  readonly code: 'forbidden' | 'not-found' | 'not-outstanding' | 'no-reason' | 'handed-over';
  readonly message: string;
}

const leadOnly = (staff: Staff): CorrectionProblem | null =>
  staff.role === 'lead' ? null : { code: 'forbidden', message: '訂正・返戻は会場責任者のみができます' };

export function markDamaged(ctx: CounterContext, staff: Staff, reservationNo: string, reason: string): Result<{ eventId: string }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  return db.transaction((): Result<{ eventId: string }, CorrectionProblem> => {
    if (readCardState(db, reservationNo).kind === 'unknown') return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
    const e = appendEvent(db, ctx.clock, { stationId, actor: actorOf(staff), kind: 'card.damaged', payload: { reservationNo, reason: reason.trim() }, subject: reservationNo });
    return ok({ eventId: e.id });
  })();
}

export function correctReceipt(ctx: CounterContext, staff: Staff, reservationNo: string, received: boolean, reason: string): Result<{ eventId: string }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  return db.transaction((): Result<{ eventId: string }, CorrectionProblem> => {
    const state = readCardState(db, reservationNo);
    if (state.kind === 'unknown') return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
    // A card already handed over was received by definition; undo the handover first if that was the mistake.
    if (!received && state.kind === 'handed-over') return err({ code: 'handed-over', message: '交付済みのカードです。先に交付を取り消してください' });
    const e = appendEvent(db, ctx.clock, { stationId, actor: actorOf(staff), kind: 'receipt.corrected', payload: { reservationNo, received, reason: reason.trim() }, subject: reservationNo });
    return ok({ eventId: e.id });
  })();
}

export interface OverdueCard {
  readonly reservationNo: string;
  readonly name: string;
  readonly shippedOn: string;
  readonly deadline: string;
}

/** The last day a card shipped on `shippedOn` may be collected. */
const deadlineOf = addDays;

/** Outstanding cards whose collection deadline (notice date + the station's `collection-deadline-days`, default 90) has passed. */
export function overdueCards(ctx: CounterContext, deadlineDays: number = readSetting(ctx.store.db, 'collection-deadline-days')): OverdueCard[] {
  const today = tokyoDate(ctx.clock.now());
  const rows = cardsByShippedOn(ctx.store.db);
  const due = rows.filter((r) => deadlineOf(r.shipped_on, deadlineDays) < today);
  const states = readCardStates(ctx.store.db, due.map((r) => r.reservation_no));
  // A damaged card waits on the shelf like any other until it goes back to HQ.
  return states.flatMap((s) => (s.kind === 'outstanding' || s.kind === 'damaged' ? [{ reservationNo: s.card.reservationNo, name: s.card.name, shippedOn: s.card.shippedOn, deadline: deadlineOf(s.card.shippedOn, deadlineDays) }] : []));
}

/** Records a return batch: every card must be outstanding (damaged ones too); all or none are recorded. */
export function recordReturnBatch(ctx: CounterContext, staff: Staff, reservationNos: readonly string[], reason: string): Result<{ batchId: string; cards: number }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  const batchId = `rt-${randomBytes(6).toString('hex')}`;
  return db.transaction((): Result<{ batchId: string; cards: number }, CorrectionProblem> => {
    const unique = [...new Set(reservationNos)];
    const states = readCardStates(db, unique);
    const bad = states.flatMap((s, i) => (s.kind !== 'outstanding' && s.kind !== 'damaged' ? [unique[i]!] : []));
    if (bad.length > 0) return err({ code: 'not-outstanding', message: `交付待ちではないカードが含まれています: ${bad.slice(0, 5).join('、')}` });
    for (const no of unique) appendEvent(db, ctx.clock, { stationId, actor: actorOf(staff), kind: 'card.returned', payload: { reservationNo: no, batchId, reason: reason.trim() }, subject: no });
    return ok({ batchId, cards: unique.length });
  })();
}

export type ReturnBatchSummary = ReturnBatchRow;

/** Every return batch recorded at this venue, newest first (for reprinting a return list); or just one. */
export function returnBatches(ctx: CounterContext, batchId?: string): ReturnBatchSummary[] {
  return returnBatchRows(ctx.store.db, batchId);
}

/** One batch's cards, for the printed return list; null if no such batch. */
export function returnBatchCards(ctx: CounterContext, batchId: string, deadlineDays: number = readSetting(ctx.store.db, 'collection-deadline-days')) {
  const [summary] = returnBatches(ctx, batchId);
  if (!summary) return null;
  const rows = returnBatchCardRows(ctx.store.db, batchId);
  return { ...summary, rows: rows.map((r) => ({ ...r, deadline: deadlineOf(r.shippedOn, deadlineDays) })) };
}
