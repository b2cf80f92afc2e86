// A venue lead manages the venue's staff in the app: enrol, stop an account, set a new PIN. Each is an event
// naming the lead. Venue only: HQ has no lead (its hq staff are set up with `madoguchi staff`).
import { z } from 'zod';
import { STAFF_ROLES } from '../roles';
import { personText } from '../../text/person-text';
import { channel, LEAD, VENUE } from './channel';
import { Empty } from './common';

const StaffView = z.strictObject({ staffId: z.string(), displayName: z.string(), role: z.enum(STAFF_ROLES) });
export type StaffView = z.infer<typeof StaffView>;

const StaffId = z.string().min(1).max(32);
/** On screens and prints beside every record the person makes: one line of visible text. */
export const StaffDisplayName = personText('氏名', 40, true).refine((s) => !s.includes('\n'), '氏名は1行で入力してください');
const Pin = z.string().min(1).max(16);

export const staffContract = {
  'staff:list': channel(Empty, z.array(StaffView), LEAD, VENUE),
  'staff:add': channel(
    z.strictObject({
      staffId: StaffId,
      displayName: StaffDisplayName,
      role: z.enum(['clerk', 'lead']),
      pin: Pin,
    }),
    StaffView,
    LEAD,
    VENUE,
  ),
  /** The account stops: it cannot sign in, and a window it is signed in at is signed out. Its records stay. */
  'staff:disable': channel(z.strictObject({ staffId: StaffId }), z.null(), LEAD, VENUE),
  /** A new PIN (the person forgot it, or it was seen): the lockout and wrong-PIN count start again. */
  'staff:resetPin': channel(z.strictObject({ staffId: StaffId, pin: Pin }), z.null(), LEAD, VENUE),
} as const;
