// The 個人情報取扱台帳 page: every use of residents' data at this site — the venue lead's station, or HQ's own
// folder for HQ staff — by day, staff and resident (main/access/record-uses.ts). Each view is itself recorded.
import { z } from 'zod';
import { ReservationNumber } from '../../roster/reservation-number';
import { BOTH, channel } from './channel';
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
  // One meaning at both sites: this site's own record, read by whoever answers for it there (a clerk may not).
  'access:uses': channel(RecordUseQuery, z.strictObject({ uses: z.array(RecordUse), capped: z.boolean() }), ['lead', 'hq'], BOTH),
} as const;
