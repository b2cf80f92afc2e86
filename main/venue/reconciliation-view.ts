// What the lead's 照合・日報 screen (and the printed daily report) shows for one business day: the counts as
// of that day's end, per shipment, the cards that break an invariant, per station, handovers per 30
// minutes, and whether the day is closed. All derived from the event log by venueReconciliation.
import type { CounterContext } from '../counter/counter-service';
import { venueReconciliation } from './reconciliation';
import { closingOf } from './day-close';

/** Enough to act on; the count says how many more there are (the CLI's JSON report lists them all). */
const MAX_BREAKERS_SHOWN = 300;
const SLOTS = 48;

export function reconciliationView(ctx: CounterContext, date: string) {
  const r = venueReconciliation(ctx.store, { asOf: date });
  const halfHours = Array.from({ length: SLOTS }, () => 0);
  for (const d of r.byDayAndStation) d.halfHours.forEach((n, i) => (halfHours[i]! += n));
  const closing = closingOf(ctx, date);
  return {
    date,
    total: r.total,
    shipments: r.shipments.map((s) => ({ ...s })),
    breakers: r.breakers.slice(0, MAX_BREAKERS_SHOWN).map((b) => ({ ...b })),
    breakerCount: r.breakers.length,
    byStation: r.byDayAndStation.map((d) => ({ stationId: d.stationId, handedOver: d.handedOver, refusals: d.refusals })),
    halfHours,
    closed: closing ? { at: closing.clientTime, by: closing.actor } : null,
  };
}
