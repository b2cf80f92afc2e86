// The venue lead's view of the 個人情報取扱台帳: every use of residents' data at this station, by day, staff and
// resident (main/access/record-uses.ts). Each view is itself recorded.
import { z } from 'zod';
import { ReservationNumber } from '../../roster/reservation-number';
import { LEAD, VENUE, channel } from './channel';
import { IsoDate } from './common';

export const RecordUseQuery = z.strictObject({
  date: IsoDate.nullable(),
  staffId: z.string().trim().min(1).max(32).nullable(),
  reservationNo: ReservationNumber.nullable(),
});

const RecordUse = z.strictObject({
  at: z.string(),
  station: z.string(),
  staff: z.string(),
  staffId: z.string(),
  what: z.string(),
  subject: z.string().nullable(),
  listed: z.number(),
  note: z.string(),
});

export const accessContract = {
  'access:uses': channel(RecordUseQuery, z.strictObject({ uses: z.array(RecordUse), capped: z.boolean() }), LEAD, VENUE),
} as const;
