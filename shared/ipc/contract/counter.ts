// The counter: scan → who it is (or why not), hand over after the ID check, refuse, undo (lead), search, and
// the status strip.
import { z } from 'zod';
import { SEARCH_MIN_PREFIX, searchPrefixProblem } from '../../counter/search-rules';
import { IdCheck } from '../../counter/id-documents';
import { ScanOutcome, SearchHit } from '../../counter/outcomes';
import { ReservationNumber } from '../../roster/reservation-number';
import { VENUE_IDS } from '../../venues/venues';
import { ANY_STAFF, COUNTER, LEAD, VENUE, channel } from './channel';
import { Empty, FreeSpaceWarning, Reason, Recorded } from './common';
import { BackupReminderView } from './backup';

export const StatusView = z.strictObject({
  venue: z.strictObject({ id: z.enum(VENUE_IDS), name: z.string(), place: z.string() }),
  stationId: z.string(),
  /** The station in words, as the counter names it (本庁舎 窓口1; main/counter/names.ts). */
  stationName: z.string(),
  handoversTodayAtStation: z.number(),
  outstandingAtVenue: z.number(),
  cardsAtVenue: z.number(),
  /** Today's close (日締め) at this venue, if today is closed: recording more then needs a lead's approval. */
  todayClosed: z.strictObject({ at: z.string(), by: z.string() }).nullable(),
  /** Seconds a result or confirmation may show a resident before the screen returns to waiting (a setting). */
  personalDataSeconds: z.number(),
  scanner: z.strictObject({
    mode: z.enum(['keyboard', 'hid', 'none']),
    /** The key layout a keyboard-mode scanner is set to, which the renderer decodes KeyboardEvent.code with. */
    layout: z.enum(['us', 'jis']),
    connected: z.boolean(),
    device: z.string().nullable(),
  }),
  /** The data folder's disk running low (null when there is room): the strip says so, lead pages included. */
  freeSpace: FreeSpaceWarning,
  /**
   * The station's clock in doubt: earlier than its own last record (put back, or ahead before: 日締め waits), or
   * far past everything the station knows (asked about). Null when nothing is in doubt.
   */
  clock: z.strictObject({ kind: z.enum(['behind', 'far-ahead']), lastRecorded: z.string(), message: z.string() }).nullable(),
  /**
   * The access record (個人情報取扱台帳) or the station's own events found changed when the station was unlocked:
   * the first row that does not hold. Shown to the venue lead until it is looked into. Null when both hold.
   */
  records: z.strictObject({ record: z.enum(['access', 'events', 'staff']), seq: z.number(), message: z.string() }).nullable(),
  /** Today's searches refused for passing a limit, per person (their last, how many): for the venue lead. */
  searchRefusals: z.array(z.strictObject({ staff: z.string(), at: z.string(), times: z.number() })),
  /** The backup reminder, for the venue lead only (null to a clerk, who cannot make or check one). */
  backup: BackupReminderView.nullable(),
});
export type StatusView = z.infer<typeof StatusView>;

/** A venue lead's ID and PIN, given at the counter to let a clerk record on a day already closed (日締め後). */
const LeadApproval = z.strictObject({ staffId: z.string().min(1).max(32), pin: z.string().min(1).max(16) });
export type LeadApproval = z.infer<typeof LeadApproval>;

export const counterContract = {
  'counter:status': channel(Empty, StatusView, ANY_STAFF, VENUE),
  'counter:scan': channel(
    z.strictObject({ code: z.string().max(256), source: z.enum(['keyboard', 'hid', 'manual']) }),
    ScanOutcome,
    COUNTER,
    VENUE,
  ),
  'counter:view': channel(z.strictObject({ reservationNo: ReservationNumber }), ScanOutcome, COUNTER, VENUE),
  'counter:handover': channel(
    z.strictObject({ reservationNo: ReservationNumber, idCheck: IdCheck, approval: LeadApproval.optional() }),
    z.strictObject({ eventId: z.string(), at: z.string() }),
    COUNTER,
    VENUE,
  ),
  'counter:refuse': channel(
    z.strictObject({ reservationNo: ReservationNumber, reason: Reason, approval: LeadApproval.optional() }),
    Recorded,
    COUNTER,
    VENUE,
  ),
  'counter:undo': channel(z.strictObject({ reservationNo: ReservationNumber, reason: Reason }), Recorded, LEAD, VENUE),
  'counter:search': channel(
    z.strictObject({
      prefix: z
        .string()
        .trim()
        .max(40)
        .refine((p) => searchPrefixProblem(p) === null, `氏名またはカナを${SEARCH_MIN_PREFIX}文字以上入力してください`),
      birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '生年月日を入力してください'),
    }),
    z.strictObject({ hits: z.array(SearchHit), capped: z.boolean() }),
    COUNTER,
    VENUE,
  ),
} as const;
