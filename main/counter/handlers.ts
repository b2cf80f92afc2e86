// The counter's channels: scan, view, hand over, refuse, undo, search, and the status strip.
import { VENUES } from '../../shared/venues/venues';
import type { IpcError, StatusView } from '../../shared/ipc/contract';
import type { counterContract } from '../../shared/ipc/contract/counter';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import { readSetting } from '../store/settings';
import { dayClosing } from '../db/queries/events';
import { publishDay } from '../day-close/close-and-send';
import { verifyStaffPin, type Staff } from '../auth/staff';
import { tokyoDate } from '../../shared/tokyo-date';
import { err, ok, type Result } from '../../shared/result';
import type { LeadApproval } from '../../shared/ipc/contract/counter';
import {
  counterStatus,
  decideScan,
  recordHandover,
  recordRefusal,
  searchCards,
  undoHandover,
  viewCard,
  type CounterContext,
} from './counter-service';
import { actorName, stationName } from './names';
import { freeSpaceWarning } from '../store/free-space';
import { clockDoubt } from './clock-trust';
import { searchRefusalsToday } from './search-limits';
import { backupReminderView } from '../backup/handlers';

export function counterHandlers(
  counter: CounterContext,
  scannerStatus: () => StatusView['scanner'],
  /** What the check of the chained records found when the station was unlocked (main/access/verify-record.ts). */
  records: StatusView['records'] = null,
): HandlerSlice<keyof typeof counterContract> {
  return {
    'counter:status': (_, call) => {
      const v = VENUES[counter.store.venue];
      return {
        venue: { id: v.id, name: v.name, place: v.place },
        stationId: counter.store.stationId,
        stationName: stationName(counter.store, counter.store.stationId),
        ...counterStatus(counter),
        personalDataSeconds: readSetting(counter.store.db, 'personal-data-seconds'),
        todayClosed: closedToday(counter),
        scanner: scannerStatus(),
        freeSpace: freeSpaceWarning(counter.store.dir),
        clock: clockDoubt(counter.store.db, counter.store.stationId, counter.clock.now()),
        records,
        searchRefusals: searchRefusalsToday(counter.store.db, counter.clock.now()).map((r) => ({
          staff: actorName(counter.store, r.actor),
          at: r.at,
          times: r.times,
        })),
        // The lead's alone: a clerk's strip has no use for it, and each status is then one query lighter.
        backup: staffOf(call).role === 'lead' ? backupReminderView(counter.store, counter.clock) : null,
      };
    },
    'counter:scan': ({ code }, call) => decideScan(counter, staffOf(call), code),
    'counter:view': ({ reservationNo }, call) => viewCard(counter, staffOf(call), reservationNo),
    'counter:handover': ({ reservationNo, idCheck, approval }, call) => {
      const approver = approvingLead(counter, approval);
      return approver.ok
        ? afterClosePublished(counter, recordHandover(counter, staffOf(call), reservationNo, idCheck, approver.value))
        : approver;
    },
    'counter:refuse': ({ reservationNo, reason, approval }, call) => {
      const approver = approvingLead(counter, approval);
      return approver.ok
        ? afterClosePublished(counter, recordRefusal(counter, staffOf(call), reservationNo, reason, approver.value))
        : approver;
    },
    'counter:undo': ({ reservationNo, reason }, call) => undoHandover(counter, staffOf(call), reservationNo, reason),
    'counter:search': (query, call) => {
      const r = searchCards(counter, staffOf(call), query);
      return r.ok ? r.value : r;
    },
  };
}

/** The lead who approved recording after 日締め, checked here with their PIN (a wrong PIN counts, as at sign-in). */
function approvingLead(counter: CounterContext, approval: LeadApproval | undefined): Result<Staff | null, IpcError> {
  if (!approval) return ok(null);
  const lead = verifyStaffPin(counter.store.db, counter.clock, approval.staffId, approval.pin);
  if (!lead.ok) return err({ code: lead.error.code, message: `承認: ${lead.error.message}` });
  if (lead.value.role !== 'lead') return err({ code: 'forbidden', message: '承認できるのは会場責任者です' });
  return ok(lead.value);
}

function closedToday(counter: CounterContext): { at: string; by: string } | null {
  const c = dayClosing(counter.store.db, tokyoDate(counter.clock.now()));
  return c && { at: c.at, by: c.actor };
}

/** A record on a day already closed goes out at once (a new sync file), so no sibling hands the card over again. */
function afterClosePublished<R extends { readonly ok: boolean }>(counter: CounterContext, recorded: R): R {
  const today = tokyoDate(counter.clock.now());
  if (recorded.ok && dayClosing(counter.store.db, today)) publishDay(counter, today);
  return recorded;
}
