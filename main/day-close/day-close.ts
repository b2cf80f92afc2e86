// 日締め: the lead closes the business day. Its figures are frozen in a day.closed event exactly as reconciled
// then; later corrections never change them silently: the daily report shows the frozen figures, today's
// recomputation of the same day, and every figure that moved since (a correction after close).
import { err, ok, type Result } from '../../shared/result';
import type { DailyReportView, DayFiguresView } from '../../shared/ipc/contract/reconciliation';
import { appendEvent, readEvents } from '../db/event-log';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import { dayText, tokyoDate } from '../../shared/tokyo-date';
import { venueReconciliation, type VenueReport } from '../reconciliation/reconciliation';
import { clockDoubt } from '../counter/clock-trust';
import { writeTransaction } from '../db/transaction';

// The report's shapes are the contract's (one source); correctedSinceClose lists the figures that differ
// between the close and now: corrections made after the day was closed.
type DayFigures = DayFiguresView;
export type DailyReport = DailyReportView;

export interface DayCloseProblem {
  readonly code: 'forbidden' | 'future' | 'already-closed' | 'clock-behind';
  readonly message: string;
}

function figuresOf(r: VenueReport): DayFigures {
  const { holds, ...counts } = r.total;
  return {
    totals: { ...counts, holds },
    byStation: r.byDayAndStation.map((d) => ({ stationId: d.stationId, handedOver: d.handedOver, refusals: d.refusals })),
  };
}

/** The day.closed event for a date, if the day has been closed. */
function closingOf(ctx: CounterContext, date: string) {
  return readEvents(ctx.store.db, 'day.closed').find((e) => (e.payload as { date: string }).date === date) ?? null;
}

export function closeDay(
  ctx: CounterContext,
  staff: Staff,
  date: string = tokyoDate(ctx.clock.now()),
): Result<DailyReport, DayCloseProblem> {
  if (staff.role !== 'lead') return err({ code: 'forbidden', message: '日締めは会場責任者のみができます' });
  if (date > tokyoDate(ctx.clock.now())) return err({ code: 'future', message: 'まだ来ていない日は締められません' });
  const doubt = clockDoubt(ctx.store.db, ctx.store.stationId, ctx.clock.now());
  if (doubt?.kind === 'behind') return err({ code: 'clock-behind', message: doubt.message });
  const { db, stationId } = ctx.store;
  return writeTransaction(db, (): Result<DailyReport, DayCloseProblem> => {
    // Closing twice never re-freezes: the first close stands, and the report shows what moved since.
    if (closingOf(ctx, date))
      return err({ code: 'already-closed', message: `${dayText(date)} は締め済みです（数字は締めた時点のまま固定されています）` });
    const r = venueReconciliation(ctx.store, { asOf: date });
    const figures = figuresOf(r);
    appendEvent(db, ctx.clock, {
      stationId,
      actor: actorOf(staff),
      kind: 'day.closed',
      payload: { date, totals: figures.totals, byStation: [...figures.byStation] },
    });
    // The close adds no counted event, so the day's reconciliation just made is the report's too.
    return ok(dailyReport(ctx, date, r));
  });
}

/** The day's report; `r` is the day's reconciliation when the caller has it already (it is the costly part). */
export function dailyReport(
  ctx: CounterContext,
  date: string,
  r: VenueReport = venueReconciliation(ctx.store, { asOf: date }),
): DailyReport {
  const current = figuresOf(r);
  const closing = closingOf(ctx, date);
  if (!closing) return { date, closed: null, current, correctedSinceClose: [] };
  const frozen = closing.payload as DayFigures;
  const corrected = Object.keys({ ...frozen.totals, ...current.totals }).flatMap((figure) =>
    frozen.totals[figure] !== current.totals[figure]
      ? [{ figure, frozen: frozen.totals[figure] ?? 0, now: current.totals[figure] ?? 0 }]
      : [],
  );
  return {
    date,
    closed: { at: closing.clientTime, by: closing.actor, figures: { totals: frozen.totals, byStation: frozen.byStation } },
    current,
    correctedSinceClose: corrected,
  };
}
