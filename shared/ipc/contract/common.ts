// Input shapes more than one capability's channels accept.
import { z } from 'zod';
import { personText } from '../../text/person-text';

export const Reason = personText('理由', 200, true);
export const Empty = z.strictObject({});
export const ShipmentRef = z.string().min(1).max(64);
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD です');
/** What a recorded change answers with: the event that records it. */
export const Recorded = z.strictObject({ eventId: z.string() });
/**
 * The data folder's disk running low (main/store/free-space.ts), null when there is room: `low` to make room
 * within days, `critical` when a large write may already fail. The message says what to do.
 */
export const FreeSpaceWarning = z
  .strictObject({ level: z.enum(['low', 'critical']), freeBytes: z.number().nonnegative(), message: z.string() })
  .nullable();
export type FreeSpaceWarning = z.infer<typeof FreeSpaceWarning>;
