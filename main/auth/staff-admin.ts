// A venue lead manages the venue's staff in the app (issue 14): enrol a clerk or lead, stop an account, set a
// new PIN. Each is an event naming the lead, in the same transaction; a PIN is never recorded.
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { appendEvent } from '../db/event-log';
import { writeTransaction } from '../db/transaction';
import { err, ok, type Result } from '../../shared/result';
import type { StaffRole } from '../../shared/ipc/roles';
import { deactivateStaff, readActiveStaff, readStaffAnyState, replacePinHash } from '../db/queries/staff';
import { actorOf, enrollStaff, folderOf, hashPin, pinProblem, rolesAt, STAFF_ID, type Staff } from './staff';

interface AdminContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly stationId: string;
  /** The lead doing it, named by every event. */
  readonly lead: Staff;
}

type AdminProblem = { code: 'invalid-input' | 'conflict' | 'not-found'; message: string };

const NOT_ENROLLED: AdminProblem = { code: 'not-found', message: 'この職員IDは登録されていません（停止済みの場合は登録し直してください）' };

export function addStaffByLead(
  ctx: AdminContext,
  input: { staffId: string; displayName: string; role: StaffRole; pin: string },
): Result<Staff, AdminProblem> {
  if (!STAFF_ID.test(input.staffId)) return err({ code: 'invalid-input', message: '職員IDは英数字と . _ - で2〜32文字です' });
  if (!rolesAt(folderOf(ctx.db).site).includes(input.role)) {
    return err({ code: 'invalid-input', message: '会場で登録できる役割は窓口職員と会場責任者です' });
  }
  const problem = pinProblem(input.pin);
  if (problem) return err({ code: 'invalid-input', message: problem });
  // An active account is never overwritten from here (a slip would take over a colleague's id); a stopped one
  // is enrolled again, as `staff add` does.
  if (readStaffAnyState(ctx.db, input.staffId)?.active === 1) {
    return err({ code: 'conflict', message: 'この職員IDは既に登録されています。PINを変えるときは「PINを再設定」を使ってください' });
  }
  const staff: Staff = { staffId: input.staffId, displayName: input.displayName, role: input.role };
  enrollStaff(ctx.db, ctx.clock, ctx.stationId, actorOf(ctx.lead), { ...staff, pin: input.pin });
  return ok(staff);
}

export function disableStaffByLead(ctx: AdminContext, staffId: string): Result<Staff, AdminProblem> {
  const row = readActiveStaff(ctx.db, staffId);
  if (!row) return err(NOT_ENROLLED);
  // The last word on accounts is a lead's: one who stopped themself could leave the venue with none.
  if (staffId === ctx.lead.staffId) {
    return err({ code: 'conflict', message: 'ご自身のアカウントは停止できません。ほかの会場責任者に依頼してください' });
  }
  writeTransaction(ctx.db, () => {
    deactivateStaff(ctx.db, staffId);
    appendEvent(ctx.db, ctx.clock, { stationId: ctx.stationId, actor: actorOf(ctx.lead), kind: 'staff.disabled', payload: { staffId } });
  });
  return ok({ staffId: row.staff_id, displayName: row.display_name, role: row.role });
}

export function resetPinByLead(ctx: AdminContext, staffId: string, pin: string): Result<null, AdminProblem> {
  const problem = pinProblem(pin);
  if (problem) return err({ code: 'invalid-input', message: problem });
  if (!readActiveStaff(ctx.db, staffId)) return err(NOT_ENROLLED);
  const pinHash = hashPin(pin);
  writeTransaction(ctx.db, () => {
    replacePinHash(ctx.db, staffId, pinHash);
    appendEvent(ctx.db, ctx.clock, { stationId: ctx.stationId, actor: actorOf(ctx.lead), kind: 'staff.pin-reset', payload: { staffId } });
  });
  return ok(null);
}
