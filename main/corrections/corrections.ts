// A venue lead's corrections, each a new event with a mandatory reason (the originals stay): mark a card
// damaged, fix a mistaken receipt. (Sending uncollected cards back to HQ is main/returns/.)
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import { readCardState } from '../counter/card-state';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';

export interface CorrectionProblem {
  readonly code: 'forbidden' | 'not-found' | 'not-outstanding' | 'no-reason' | 'handed-over';
  readonly message: string;
}

export const leadOnly = (staff: Staff): CorrectionProblem | null =>
  staff.role === 'lead' ? null : { code: 'forbidden', message: '訂正・返戻は会場責任者のみができます' };

export function markDamaged(
  ctx: CounterContext,
  staff: Staff,
  reservationNo: string,
  reason: string,
): Result<{ eventId: string }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  return db.transaction((): Result<{ eventId: string }, CorrectionProblem> => {
    if (readCardState(db, reservationNo).kind === 'unknown')
      return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
    const e = appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'card.damaged',
      payload: { reservationNo, reason: reason.trim() },
      subject: reservationNo,
    });
    return ok({ eventId: e.id });
  })();
}

export function correctReceipt(
  ctx: CounterContext,
  staff: Staff,
  reservationNo: string,
  received: boolean,
  reason: string,
): Result<{ eventId: string }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  return db.transaction((): Result<{ eventId: string }, CorrectionProblem> => {
    const state = readCardState(db, reservationNo);
    if (state.kind === 'unknown') return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
    // A card already handed over was received by definition; undo the handover first if that was the mistake.
    if (!received && state.kind === 'handed-over')
      return err({ code: 'handed-over', message: '交付済みのカードです。先に交付を取り消してください' });
    const e = appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'receipt.corrected',
      payload: { reservationNo, received, reason: reason.trim() },
      subject: reservationNo,
    });
    return ok({ eventId: e.id });
  })();
}
