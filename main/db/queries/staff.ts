// Staff accounts (staff): PIN hashes and the lockout counters, never PINs.
import type { Db } from '../connection';
import type { StaffRole } from '../../../shared/ipc/roles';

export interface StaffRow {
  staff_id: string;
  display_name: string;
  role: StaffRole;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  /** 1: locked until a lead unlocks it (15 wrong PINs in a row). */
  unlock_required: 0 | 1;
}

/** Adds the account, or re-enrols it (new name, role and PIN; the lockout cleared; active again). */
export function upsertStaff(db: Db, staff: { staffId: string; displayName: string; role: StaffRole; pinHash: string }): void {
  db.prepare(
    `INSERT INTO staff (staff_id, display_name, role, pin_hash) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
       pin_hash = excluded.pin_hash, failed_attempts = 0, locked_until = NULL, unlock_required = 0, active = 1`,
  ).run(staff.staffId, staff.displayName, staff.role, staff.pinHash);
}

export function listActiveStaff(db: Db): Pick<StaffRow, 'staff_id' | 'display_name' | 'role'>[] {
  return db.prepare('SELECT staff_id, display_name, role FROM staff WHERE active = 1 ORDER BY staff_id').all() as Pick<
    StaffRow,
    'staff_id' | 'display_name' | 'role'
  >[];
}

export function readActiveStaff(db: Db, staffId: string): StaffRow | undefined {
  return db.prepare('SELECT * FROM staff WHERE staff_id = ? AND active = 1').get(staffId) as StaffRow | undefined;
}

/** The wrong-PIN count and lockout after a try (or a lead's unlock: 0, none, 0). */
export function setLockState(
  db: Db,
  staffId: string,
  state: { failedAttempts: number; lockedUntil: string | null; unlockRequired: boolean },
): void {
  db.prepare('UPDATE staff SET failed_attempts = ?, locked_until = ?, unlock_required = ? WHERE staff_id = ?').run(
    state.failedAttempts,
    state.lockedUntil,
    state.unlockRequired ? 1 : 0,
    staffId,
  );
}

type LockedRow = Pick<StaffRow, 'staff_id' | 'display_name' | 'role' | 'failed_attempts' | 'locked_until' | 'unlock_required'>;

/** Active accounts locked now: until a lead unlocks them, or a lockout running past `nowIso` (UTC ISO strings compare as times). */
export function listLockedStaff(db: Db, nowIso: string): LockedRow[] {
  return db
    .prepare(
      `SELECT staff_id, display_name, role, failed_attempts, locked_until, unlock_required FROM staff
       WHERE active = 1 AND (unlock_required = 1 OR locked_until > ?) ORDER BY staff_id`,
    )
    .all(nowIso) as LockedRow[];
}

/** The account whether active or stopped (a stopped one may be enrolled again under its id). */
export function readStaffAnyState(db: Db, staffId: string): (StaffRow & { active: 0 | 1 }) | undefined {
  return db.prepare('SELECT * FROM staff WHERE staff_id = ?').get(staffId) as (StaffRow & { active: 0 | 1 }) | undefined;
}

export function deactivateStaff(db: Db, staffId: string): void {
  db.prepare('UPDATE staff SET active = 0 WHERE staff_id = ?').run(staffId);
}

/** A new PIN hash; the wrong-PIN count and any lockout start again. */
export function replacePinHash(db: Db, staffId: string, pinHash: string): void {
  db.prepare('UPDATE staff SET pin_hash = ?, failed_attempts = 0, locked_until = NULL, unlock_required = 0 WHERE staff_id = ?').run(
    pinHash,
    staffId,
  );
}
