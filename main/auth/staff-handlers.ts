// The lead's staff page: list, enrol, stop, set a new PIN. The contract allows only leads, at a venue.
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { staffContract } from '../../shared/ipc/contract/staff';
import type { Sessions } from './sessions';
import { recordAccess } from '../access/access-record';
import { actorOf, listStaff } from './staff';
import { addStaffByLead, disableStaffByLead, resetPinByLead } from './staff-admin';

export function staffHandlers(db: Db, clock: Clock, stationId: string, sessions: Sessions): HandlerSlice<keyof typeof staffContract> {
  const ctx = (call: Parameters<typeof staffOf>[0]) => ({ db, clock, stationId, lead: staffOf(call) });
  return {
    'staff:list': () => listStaff(db),
    'staff:add': (input, call) => addStaffByLead(ctx(call), input),
    'staff:disable': ({ staffId }, call) => {
      const r = disableStaffByLead(ctx(call), staffId);
      if (!r.ok) return r;
      // A stopped account signed in somewhere is signed out there at once, and that is recorded as theirs.
      if (sessions.signOutStaff(staffId) > 0) {
        recordAccess(db, clock, { stationId, actor: actorOf(r.value), action: 'sign-out', detail: { disabledBy: actorOf(staffOf(call)) } });
      }
      return null;
    },
    'staff:resetPin': ({ staffId, pin }, call) => {
      const r = resetPinByLead(ctx(call), staffId, pin);
      return r.ok ? null : r;
    },
  };
}
