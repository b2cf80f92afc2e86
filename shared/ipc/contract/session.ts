// Staff sessions: sign in with a PIN, the idle lock, sign out.
import { z } from 'zod';
import { STAFF_ROLES } from '../roles';
import { ANY_STAFF, BOTH, channel, LEAD } from './channel';
import { Empty } from './common';

export const SessionView = z.strictObject({
  staffId: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

/** An account locked out after too many wrong PINs, until `lockedUntil` (ISO), or (null) until a lead unlocks it. */
const LockedAccountView = z.strictObject({
  staffId: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
});
export type LockedAccountView = z.infer<typeof LockedAccountView>;

export const sessionContract = {
  'session:get': channel(Empty, SessionView.nullable(), 'public', BOTH),
  'session:signIn': channel(
    z.strictObject({ staffId: z.string().min(1).max(32), pin: z.string().min(1).max(16) }),
    SessionView,
    'public',
    BOTH,
  ),
  'session:signOut': channel(Empty, z.null(), 'public', BOTH),
  /** `idle`: the window locked itself after the idle time (the access record tells it from Ctrl+L). */
  'session:lock': channel(z.strictObject({ idle: z.boolean().optional() }), z.null(), 'public', BOTH),
  'session:unlock': channel(z.strictObject({ pin: z.string().min(1).max(16) }), SessionView, 'public', BOTH),
  /** The clerk is busy in the window (ticking the ID check…): keeps main's idle clock in step with the screen's. */
  'session:touch': channel(Empty, z.null(), ANY_STAFF, BOTH),
  /** The venue lead: accounts locked out now (timed, or until unlocked), and lifting one (staff.unlocked, naming the lead). */
  'session:lockedAccounts': channel(Empty, z.array(LockedAccountView), LEAD, BOTH),
  'session:unlockAccount': channel(z.strictObject({ staffId: z.string().min(1).max(32) }), z.null(), LEAD, BOTH),
} as const;
