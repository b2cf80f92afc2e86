// What the counter shows after a scan, and the resident's details a clerk compares with the ID.
import { z } from 'zod';
import { VENUE_IDS } from '../venues/venues';

export const CardView = z.strictObject({
  reservationNo: z.string(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string(),
  address: z.string(),
  noticeType: z.enum(['通常', '再発行']),
  shipmentId: z.string(),
  shippedOn: z.string(),
  refusals: z.number().int().nonnegative(),
});
export type CardView = z.infer<typeof CardView>;

const VenueRef = z.strictObject({ id: z.enum(VENUE_IDS), name: z.string(), place: z.string() });

export const ScanOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ok'), card: CardView }),
  z.strictObject({
    kind: z.literal('already-handed-over'),
    card: CardView,
    handover: z.strictObject({
      eventId: z.string(),
      at: z.string(),
      stationId: z.string(),
      actor: z.string(),
      /** Where and by whom in words (本庁舎 窓口1, 窓口　一郎), as main names them; the ids above are the record. */
      stationName: z.string(),
      actorName: z.string(),
    }),
  }),
  z.strictObject({ kind: z.literal('other-venue'), reservationNo: z.string(), venue: VenueRef }),
  z.strictObject({ kind: z.literal('not-in-ledger'), reservationNo: z.string() }),
  z.strictObject({
    kind: z.literal('not-received'),
    reservationNo: z.string(),
    shipmentId: z.string(),
    /** Recorded by a lead as not arrived (card-missing), or its shipment not yet confirmed received. */
    because: z.enum(['card-missing', 'shipment-unconfirmed']),
  }),
  /** Sent back to HQ (返戻) after the collection deadline: the resident must ask HQ for a re-issue. */
  z.strictObject({ kind: z.literal('returned'), reservationNo: z.string(), at: z.string() }),
  /** Recorded as damaged by the venue lead: it cannot be handed over; the resident needs a new card. */
  z.strictObject({ kind: z.literal('damaged'), reservationNo: z.string(), at: z.string() }),
  z.strictObject({ kind: z.literal('malformed'), shown: z.string() }),
]);
export type ScanOutcome = z.infer<typeof ScanOutcome>;
export type ScanOutcomeKind = ScanOutcome['kind'];

export const SearchHit = z.strictObject({
  reservationNo: z.string(),
  name: z.string(),
  kana: z.string(),
  birthDate: z.string(),
  state: z.enum(['outstanding', 'handed-over', 'not-received', 'returned', 'damaged']),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SEARCH_RESULT_CAP = 20;
