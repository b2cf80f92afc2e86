// Returns to HQ (返戻): the cards past their collection deadline, recording a batch, and the batches recorded.
import { z } from 'zod';
import { ReservationNumber } from '../../roster/reservation-number';
import { LEAD, VENUE, channel } from './channel';
import { Empty, Reason } from './common';

export const BatchId = z.string().regex(/^rt-[0-9a-f]{12}$/, '返戻バッチIDが不正です');

const ReturnBatchView = z.strictObject({
  /** The internal key (print requests name the batch by it); never shown. */
  batchId: z.string(),
  /** 返戻番号 as people say and write it: the day and the batch's place that day, 20261202-1. */
  number: z.string(),
  at: z.string(),
  by: z.string(),
  /** Where it was recorded, in words (本庁舎 窓口1). */
  stationName: z.string(),
  reason: z.string(),
  cards: z.number(),
});

export const returnsContract = {
  'returns:overdue': channel(
    Empty,
    z.array(z.strictObject({ reservationNo: z.string(), name: z.string(), shippedOn: z.string(), deadline: z.string() })),
    LEAD,
    VENUE,
  ),
  'returns:record': channel(
    z.strictObject({ reservationNos: z.array(ReservationNumber).min(1).max(100_000), reason: Reason }),
    z.strictObject({ batchId: z.string(), number: z.string(), cards: z.number() }),
    LEAD,
    VENUE,
    // 100,000 numbers of 13 bytes each ("A1B-123456",) and the reason: 1.3 MB.
    2 * 1024 * 1024,
  ),
  'returns:batches': channel(Empty, z.array(ReturnBatchView), LEAD, VENUE),
} as const;
