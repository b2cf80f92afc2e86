// Headquarters (事務センター): the ledgers HQ built, pulling the stations' files, and the ward's consolidation.
import { z } from 'zod';
import { VENUE_IDS } from '../../venues/venues';
import { HQ, channel } from './channel';
import { Empty, IsoDate } from './common';
import { PullSummary } from './sync';

const Figures = z.strictObject({
  shipped: z.number(),
  received: z.number(),
  notReceived: z.number(),
  handedOver: z.number(),
  outstanding: z.number(),
  returned: z.number(),
  refusals: z.number(),
  damaged: z.number(),
});

/** HQ's consolidation of the ward from the ledgers it built and the stations' sync files. */
const WardReportView = z.strictObject({
  asOf: z.string(),
  total: Figures,
  holds: z.boolean(),
  venues: z.array(
    z.strictObject({
      venue: z.enum(VENUE_IDS),
      name: z.string(),
      figures: Figures,
      holds: z.boolean(),
      stations: z.array(
        z.strictObject({
          stationId: z.string(),
          /** As the venue calls it (本庁舎 窓口1), from its files; the venue and its id until one says. */
          name: z.string(),
          files: z.number(),
          lastSeq: z.number().nullable(),
          lastBusinessDate: z.string().nullable(),
          gaps: z.array(z.number()),
          stale: z.boolean(),
        }),
      ),
    }),
  ),
  shipments: z.array(
    z.strictObject({ shipmentId: z.string(), shipped: z.number(), jlisCards: z.number().nullable(), matches: z.boolean().nullable() }),
  ),
  mismatches: z.array(z.string()),
});

export const hqContract = {
  /** Every ledger HQ built, per shipment and venue (the rows stay in main until printed). */
  'hq:ledgers': channel(
    Empty,
    z.array(
      z.strictObject({
        shipmentId: z.string(),
        venue: z.enum(VENUE_IDS),
        rowCount: z.number(),
        createdAt: z.string(),
        /** The venue's 預り証: where (in words), by whom (staff id) and when the file was imported; null until it arrives. */
        receipt: z.strictObject({ station: z.string(), by: z.string(), at: z.string() }).nullable(),
      }),
    ),
    ['hq'],
    HQ,
  ),
  'hq:report': channel(z.strictObject({ date: IsoDate }), WardReportView, ['hq'], HQ),
  /** Pulls every registered station's source now and takes the files in (as `madoguchi hq pull`). */
  'hq:pull': channel(Empty, PullSummary, ['hq'], HQ),
} as const;
