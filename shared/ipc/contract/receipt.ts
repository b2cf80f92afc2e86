// Receipt of a shipment at the venue: the box confirmed whole, or a receipt check scanning every card, closed
// with a reason for every difference.
import { z } from 'zod';
import { personText } from '../../text/person-text';
import { DIFFERENCE_REASONS } from '../../glossary';
import { VENUE_IDS } from '../../venues/venues';
import { LEAD, VENUE, channel } from './channel';
import { ShipmentRef } from './common';

const CheckId = z.string().regex(/^rc-[0-9a-f]{16}$/, '受領確認IDが不正です');

const DifferenceReason = z.enum(DIFFERENCE_REASONS);

export const ReceiptScanOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('received'), reservationNo: z.string() }),
  z.strictObject({ kind: z.literal('already-scanned'), reservationNo: z.string() }),
  z.strictObject({ kind: z.literal('other-shipment'), reservationNo: z.string(), shipmentId: z.string() }),
  z.strictObject({ kind: z.literal('other-venue'), reservationNo: z.string(), venue: z.enum(VENUE_IDS) }),
  z.strictObject({ kind: z.literal('not-in-ledger'), reservationNo: z.string() }),
  // Not a reservation number (a misread): nothing was recorded.
  z.strictObject({ kind: z.literal('malformed'), shown: z.string() }),
]);
export type ReceiptScanOutcome = z.infer<typeof ReceiptScanOutcome>;

export const ReceiptCheckView = z.strictObject({
  checkId: z.string(),
  shipmentId: z.string(),
  shipped: z.number(),
  scanned: z.number(),
  missing: z.array(z.string()),
  unexpected: z.array(z.strictObject({ code: z.string(), kind: z.string() })),
  closed: z.boolean(),
});
export type ReceiptCheckView = z.infer<typeof ReceiptCheckView>;

export const Difference = z.strictObject({
  code: z.string().max(64),
  kind: z.enum(['missing', 'unexpected']),
  reason: DifferenceReason,
  memo: personText('メモ', 200, false),
});
export type Difference = z.infer<typeof Difference>;

export const receiptContract = {
  'receipt:confirm': channel(
    z.strictObject({ shipmentId: z.string().min(1).max(64) }),
    // The box's cards now received, and those a lead had already recorded as not arrived (they stay so).
    z.strictObject({ received: z.number(), missing: z.number() }),
    LEAD,
    VENUE,
  ),
  'receipt:open': channel(z.strictObject({ shipmentId: ShipmentRef }), z.strictObject({ checkId: z.string() }), LEAD, VENUE),
  'receipt:scan': channel(
    z.strictObject({ checkId: CheckId, shipmentId: ShipmentRef, code: z.string().max(256) }),
    ReceiptScanOutcome,
    LEAD,
    VENUE,
  ),
  'receipt:view': channel(z.strictObject({ checkId: CheckId, shipmentId: ShipmentRef }), ReceiptCheckView, LEAD, VENUE),
  // A 余剰 scanned by mistake, taken back out of the open check (an event; the scan stays in the log).
  'receipt:remove-unexpected': channel(
    z.strictObject({ checkId: CheckId, shipmentId: ShipmentRef, code: z.string().min(1).max(64) }),
    ReceiptCheckView,
    LEAD,
    VENUE,
  ),
  'receipt:close': channel(
    z.strictObject({ checkId: CheckId, shipmentId: ShipmentRef, differences: z.array(Difference).max(100_000) }),
    ReceiptCheckView,
    LEAD,
    VENUE,
    // 100,000 differences with a reason each are ≈7 MB; the rest leaves room for ≈15,000 full 200-character memos.
    16 * 1024 * 1024,
  ),
} as const;

export { CheckId };
