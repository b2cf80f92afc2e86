// What the lead's 照合・日報 screen (and the printed daily report) shows for one business day: the counts as
// of that day's end, per shipment, the cards that break an invariant, per station, handovers per 30
// minutes, whether the day is closed and what moved since. All derived from the event log by venueReconciliation.
import type { CounterContext } from '../counter/counter-service';
import { venueReconciliation, type VenueReport } from './reconciliation';
import { dailyReport } from '../day-close/day-close';
import { actorName } from '../counter/names';
import { stationName } from '../counter/names';

/** Enough to act on; the count says how many more there are (the CLI's JSON report lists them all). */
const MAX_BREAKERS_SHOWN = 300;
const SLOTS = 48;

/** The day reconciled once, and its daily report (frozen figures, corrections since) from that. */
export function reconciledDay(ctx: CounterContext, date: string) {
  const r = venueReconciliation(ctx.store, { asOf: date });
  return { r, report: dailyReport(ctx, date, r) };
}

/** Handovers per 30 minutes of the day, all stations together. */
export function dayHalfHours(r: VenueReport): number[] {
  const halfHours = Array.from({ length: SLOTS }, () => 0);
  for (const d of r.byDayAndStation) d.halfHours.forEach((n, i) => (halfHours[i]! += n));
  return halfHours;
}

/** Each station the page (or the printed daily report) lists, in words (本庁舎 窓口1), so it shows no bare ids. */
export function stationNames(ctx: CounterContext, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries([...new Set(ids)].map((id) => [id, stationName(ctx.store, id)]));
}

export function reconciliationView(ctx: CounterContext, date: string, { r, report } = reconciledDay(ctx, date)) {
  const halfHours = dayHalfHours(r);
  return {
    date,
    total: r.total,
    shipments: r.shipments.map((s) => ({ ...s })),
    breakers: r.breakers.slice(0, MAX_BREAKERS_SHOWN).map((b) => ({ ...b })),
    breakerCount: r.breakers.length,
    byStation: r.byDayAndStation.map((d) => ({ stationId: d.stationId, handedOver: d.handedOver, refusals: d.refusals })),
    halfHours,
    // Who closed the day in words (会場　責任者), as every screen names staff; the actor id stays in the event.
    closed: report.closed
      ? { at: report.closed.at, by: actorName(ctx.store, report.closed.by), totals: { ...report.closed.figures.totals } }
      : null,
    correctedSinceClose: report.correctedSinceClose,
    conflicts: r.conflicts.map((c) => ({ reservationNo: c.reservationNo, stations: [...c.stations] })),
    stationNames: stationNames(ctx, [...r.byDayAndStation.map((d) => d.stationId), ...r.conflicts.flatMap((c) => c.stations)]),
  };
}

/** The residents a day's view names: its breakers (those shown) and its cards handed over twice. */
export function viewSubjects(view: Pick<ReturnType<typeof reconciliationView>, 'breakers' | 'conflicts'>): string[] {
  return [...new Set([...view.breakers.map((b) => b.reservationNo), ...view.conflicts.map((c) => c.reservationNo)])];
}
