// A venue lead's corrections, each a new event with a mandatory reason (the originals stay): mark a card
// damaged (or withdraw that record), fix a mistaken receipt. (Sending uncollected cards back to HQ is main/returns/.)
import { err, ok, type Result } from '../../shared/result';
import { appendEvent } from '../db/event-log';
import type { EventPayload } from '../../shared/events/event';
import { readCardState, type CardState } from '../counter/card-state';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import { writeTransaction } from '../db/transaction';

export interface CorrectionProblem {
  readonly code: 'forbidden' | 'not-found' | 'not-outstanding' | 'no-reason' | 'handed-over' | 'not-damaged';
  readonly message: string;
}

export const leadOnly = (staff: Staff): CorrectionProblem | null =>
  staff.role === 'lead' ? null : { code: 'forbidden', message: '訂正・返戻は会場責任者のみができます' };

type Recorded = Result<{ eventId: string }, CorrectionProblem>;

const isProblem = (x: object): x is CorrectionProblem => 'code' in x;

/**
 * A correction of a card of this venue's ledger: a lead, a reason, then — in one transaction with the card's
 * state read — either a refusal or the event that records it.
 */
function correction<K extends 'card.damaged' | 'card.damage-withdrawn' | 'receipt.corrected'>(
  ctx: CounterContext,
  staff: Staff,
  reservationNo: string,
  reason: string,
  kind: K,
  decide: (state: CardState, reason: string) => CorrectionProblem | EventPayload<K>,
): Recorded {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Recorded => {
    const state = readCardState(db, reservationNo);
    if (state.kind === 'unknown') return err({ code: 'not-found', message: 'この会場の台帳にない予約管理番号です' });
    const payload = decide(state, reason.trim());
    if (isProblem(payload)) return err(payload);
    const e = appendEvent(db, ctx.clock, { stationId, actor: actorOf(staff), kind, payload, subject: reservationNo });
    return ok({ eventId: e.id });
  });
}

export function markDamaged(ctx: CounterContext, staff: Staff, reservationNo: string, reason: string): Recorded {
  return correction(ctx, staff, reservationNo, reason, 'card.damaged', (_state, why) => ({ reservationNo, reason: why }));
}

/** Withdraws a damage record made in error (the card was fine): it is on the shelf again, to be handed over. */
export function withdrawDamage(ctx: CounterContext, staff: Staff, reservationNo: string, reason: string): Recorded {
  return correction(ctx, staff, reservationNo, reason, 'card.damage-withdrawn', (state, why) =>
    state.kind === 'damaged'
      ? { reservationNo, reason: why }
      : { code: 'not-damaged', message: '破損として記録されているカードではありません' },
  );
}

export function correctReceipt(ctx: CounterContext, staff: Staff, reservationNo: string, received: boolean, reason: string): Recorded {
  return correction(
    ctx,
    staff,
    reservationNo,
    reason,
    'receipt.corrected',
    // A card already handed over was received by definition; undo the handover first if that was the mistake.
    (state, why) =>
      !received && state.kind === 'handed-over'
        ? { code: 'handed-over', message: '交付済みのカードです。先に交付を取り消してください' }
        : { reservationNo, received, reason: why },
  );
}
