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
import { addDays, tokyoDate } from '../../shared/tokyo-date';
import { leadOnly, type CorrectionProblem } from '../corrections/corrections';

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
): Result<{ batchId: string; cards: number }, CorrectionProblem> {
  const forbidden = leadOnly(staff);
  if (forbidden) return err(forbidden);
  if (reason.trim() === '') return err({ code: 'no-reason', message: '理由を入力してください' });
  const { db, stationId } = ctx.store;
  const batchId = `rt-${randomBytes(6).toString('hex')}`;
  return db.transaction((): Result<{ batchId: string; cards: number }, CorrectionProblem> => {
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
  })();
}

export type ReturnBatchSummary = ReturnBatchRow;

/** Every return batch recorded at this venue, newest first (for reprinting a return list); or just one. */
export function returnBatches(ctx: CounterContext, batchId?: string): ReturnBatchSummary[] {
  return returnBatchRows(ctx.store.db, batchId);
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
