// Input shapes more than one capability's channels accept.
import { z } from 'zod';

export const Reason = z.string().trim().min(1, '理由を入力してください').max(200);
export const Empty = z.strictObject({});
export const ShipmentRef = z.string().min(1).max(64);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD です');
/** What a recorded change answers with: the event that records it. */
export const Recorded = z.strictObject({ eventId: z.string() });
