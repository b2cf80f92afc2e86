// The lead's 照合・日報 screen: one business day's reconciliation of the venue, and closing the day.
import { z } from 'zod';
import { LEAD, VENUE, channel } from './channel';
import { IsoDate } from './common';

export const DayFiguresView = z.strictObject({
  totals: z.record(z.string(), z.union([z.number(), z.boolean()])),
  byStation: z.array(z.strictObject({ stationId: z.string(), handedOver: z.number(), refusals: z.number() })),
});
export type DayFiguresView = z.infer<typeof DayFiguresView>;

/** Figures that moved after a day's close: corrections made later, shown beside the frozen ones. */
const CorrectedSinceClose = z.array(
  z.strictObject({ figure: z.string(), frozen: z.union([z.number(), z.boolean()]), now: z.union([z.number(), z.boolean()]) }),
);

export const DailyReportView = z.strictObject({
  date: z.string(),
  closed: z.strictObject({ at: z.string(), by: z.string(), figures: DayFiguresView }).nullable(),
  current: DayFiguresView,
  correctedSinceClose: CorrectedSinceClose,
});
export type DailyReportView = z.infer<typeof DailyReportView>;

const CountsView = z.strictObject({
  shipped: z.number(),
  received: z.number(),
  notReceived: z.number(),
  handedOver: z.number(),
  outstanding: z.number(),
  returned: z.number(),
  refusals: z.number(),
  damaged: z.number(),
  holds: z.boolean(),
});

const ReconciliationView = z.strictObject({
  /** The business day (Tokyo): counts are as of its end, per-station figures and the chart are that day's. */
  date: z.string(),
  total: CountsView,
  shipments: z.array(CountsView.extend({ shipmentId: z.string() })),
  /** The cards that break an invariant (the first few hundred; `breakerCount` says how many in all). */
  breakers: z.array(z.strictObject({ reservationNo: z.string(), reason: z.string() })),
  breakerCount: z.number(),
  byStation: z.array(z.strictObject({ stationId: z.string(), handedOver: z.number(), refusals: z.number() })),
  /** Handovers per 30 minutes over the day, all stations: 48 slots from 00:00 Tokyo time. */
  halfHours: z.array(z.number()),
  /** The close, with the day's totals as frozen then (the table above them is today's recomputation). */
  closed: z.strictObject({ at: z.string(), by: z.string(), totals: DayFiguresView.shape.totals }).nullable(),
  /** Figures that moved after the close: corrections made later (never silently changing the frozen ones). */
  correctedSinceClose: CorrectedSinceClose,
  /** Cards handed over at two of the venue's stations while they could not see each other: for the lead to settle. */
  conflicts: z.array(z.strictObject({ reservationNo: z.string(), stations: z.array(z.string()) })),
  /** The stations above in words (本庁舎 窓口1), by id. */
  stationNames: z.record(z.string(), z.string()),
});

export const reconciliationContract = {
  'reconciliation:day': channel(z.strictObject({ date: IsoDate }), ReconciliationView, LEAD, VENUE),
} as const;
