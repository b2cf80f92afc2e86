// Signing in, locking and unlocking: the same at a venue station and at headquarters.
import type { SessionView } from '../../shared/ipc/contract';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import type { HandlerSlice } from '../ipc/dispatch';
import type { sessionContract } from '../../shared/ipc/contract/session';
import type { Sessions } from './sessions';
import { lockedAccounts, unlockAccount, verifyStaffPin } from './staff';

export function sessionHandlers(
  db: Db,
  clock: Clock,
  stationId: string,
  sessions: Sessions,
  idleLockMinutes: () => number,
): HandlerSlice<keyof typeof sessionContract> {
  const view = (caller: string): SessionView | null => {
    const s = sessions.current(caller);
    return s ? { ...s.staff, locked: s.locked, idleLockMinutes: idleLockMinutes() } : null;
  };
  return {
    'session:get': (_i, { caller }) => view(caller),
    'session:signIn': ({ staffId, pin }, { caller }) => {
      const r = verifyStaffPin(db, clock, staffId, pin);
      if (!r.ok) return { ok: false, error: r.error };
      sessions.signIn(caller, r.value);
      return view(caller)!;
    },
    'session:signOut': (_i, { caller }) => {
      sessions.signOut(caller);
      return null;
    },
    'session:lock': (_i, { caller }) => {
      sessions.lock(caller);
      return null;
    },
    'session:unlock': ({ pin }, { caller }) => {
      const s = sessions.current(caller);
      if (!s) return { ok: false, error: { code: 'signed-out', message: 'サインインしてください' } };
      // Only the person who locked the screen can unlock it; anyone else signs out and in.
      const r = verifyStaffPin(db, clock, s.staff.staffId, pin, 'pin');
      if (!r.ok) return { ok: false, error: r.error };
      sessions.unlock(caller);
      return view(caller)!;
    },
    'session:touch': () => null,
    'session:lockedAccounts': () => lockedAccounts(db, clock),
    'session:unlockAccount': ({ staffId }, { staff }) => {
      const r = unlockAccount(db, clock, stationId, staff!, staffId);
      return r.ok ? null : { ok: false, error: r.error };
    },
  };
}
