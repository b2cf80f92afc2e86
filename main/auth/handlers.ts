// Signing in, locking and unlocking: the same at a venue station and at headquarters. Each is written to the
// access record (who held the station, from when to when), as are wrong PINs and lockouts (staff.ts).
import type { SessionView } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import type { HandlerSlice } from '../ipc/dispatch';
import type { sessionContract } from '../../shared/ipc/contract/session';
import type { Sessions } from './sessions';
import { recordAccess, type AccountAction } from '../access/access-record';
import { actorOf, lockedAccounts, unlockAccount, verifyStaffPin, type Staff } from './staff';

type Note = (staff: Staff, action: AccountAction, detail?: Record<string, string | number | boolean | null>) => void;

/** Writes a session's change (sign-in, lock …) to the access record, naming the staff member. */
function sessionNotes(db: Db, clock: Clock, stationId: string): Note {
  return (staff, action, detail = {}) => recordAccess(db, clock, { stationId, actor: actorOf(staff), action, detail });
}

/** For Sessions: a screen left idle locks when main next hears from it; written once, then. */
export function idleLockNote(db: Db, clock: Clock, stationId: string): (staff: Staff, idleSince: Date) => void {
  const note = sessionNotes(db, clock, stationId);
  return (staff, idleSince) => note(staff, 'lock', { idle: true, idleSince: idleSince.toISOString() });
}

export function sessionHandlers(
  db: Db,
  clock: Clock,
  stationId: string,
  sessions: Sessions,
  idleLockMinutes: () => number,
): HandlerSlice<keyof typeof sessionContract> {
  const note = sessionNotes(db, clock, stationId);
  const view = (caller: string): SessionView | null => {
    const s = sessions.current(caller);
    return s ? { ...s.staff, locked: s.locked, idleLockMinutes: idleLockMinutes() } : null;
  };
  return {
    'session:get': (_i, { caller }) => view(caller),
    'session:signIn': ({ staffId, pin }, { caller }) => {
      const r = verifyStaffPin(db, clock, staffId, pin);
      if (!r.ok) return { ok: false, error: r.error };
      // Written before the session starts: a sign-in the record could not hold does not happen.
      const before = sessions.current(caller);
      if (before) note(before.staff, 'sign-out', { replacedBy: r.value.staffId });
      note(r.value, 'sign-in');
      sessions.signIn(caller, r.value);
      return view(caller)!;
    },
    'session:signOut': (_i, { caller }) => {
      const s = sessions.current(caller);
      // Signed out first: leaving always works, even when the record cannot be written.
      sessions.signOut(caller);
      if (s) note(s.staff, 'sign-out');
      return null;
    },
    'session:lock': ({ idle }, { caller }) => {
      const s = sessions.current(caller);
      if (s && sessions.lock(caller)) note(s.staff, 'lock', { idle: idle ?? false });
      return null;
    },
    'session:unlock': ({ pin }, { caller }) => {
      const s = sessions.current(caller);
      if (!s) return { ok: false, error: { code: 'signed-out', message: 'サインインしてください' } };
      // Only the person who locked the screen can unlock it; anyone else signs out and in.
      const r = verifyStaffPin(db, clock, s.staff.staffId, pin, 'pin');
      if (!r.ok) return { ok: false, error: r.error };
      note(s.staff, 'unlock');
      sessions.unlock(caller);
      return view(caller)!;
    },
    'session:touch': () => null,
    'session:lockedAccounts': () => lockedAccounts(db, clock),
    'session:unlockAccount': ({ staffId }, { staff }) => {
      const r = unlockAccount(db, clock, stationId, actorOf(staff!), staffId);
      return r.ok ? null : { ok: false, error: r.error };
    },
  };
}
