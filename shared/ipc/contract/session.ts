// Staff sessions: sign in with a PIN, the idle lock, sign out.
import { z } from 'zod';
import { STAFF_ROLES } from '../roles';
import { ANY_STAFF, BOTH, channel } from './channel';
import { Empty } from './common';

export const SessionView = z.strictObject({
  staffId: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

export const sessionContract = {
  'session:get': channel(Empty, SessionView.nullable(), 'public', BOTH),
  'session:signIn': channel(
    z.strictObject({ staffId: z.string().min(1).max(32), pin: z.string().min(1).max(16) }),
    SessionView,
    'public',
    BOTH,
  ),
  'session:signOut': channel(Empty, z.null(), 'public', BOTH),
  'session:lock': channel(Empty, z.null(), 'public', BOTH),
  'session:unlock': channel(z.strictObject({ pin: z.string().min(1).max(16) }), SessionView, 'public', BOTH),
  /** The clerk is busy in the window (ticking the ID check…): keeps main's idle clock in step with the screen's. */
  'session:touch': channel(Empty, z.null(), ANY_STAFF, BOTH),
} as const;
