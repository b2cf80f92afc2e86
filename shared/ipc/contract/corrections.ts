// A lead's corrections of a card's record, each with its reason: damaged (or not after all), received or not.
import { z } from 'zod';
import { ReservationNumber } from '../../roster/reservation-number';
import { LEAD, VENUE, channel } from './channel';
import { Reason, Recorded } from './common';

export const correctionsContract = {
  'corrections:markDamaged': channel(z.strictObject({ reservationNo: ReservationNumber, reason: Reason }), Recorded, LEAD, VENUE),
  'corrections:withdrawDamage': channel(z.strictObject({ reservationNo: ReservationNumber, reason: Reason }), Recorded, LEAD, VENUE),
  'corrections:correctReceipt': channel(
    z.strictObject({ reservationNo: ReservationNumber, received: z.boolean(), reason: Reason }),
    Recorded,
    LEAD,
    VENUE,
  ),
} as const;
