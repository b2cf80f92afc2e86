// The person a command acts as (issue 14): anyone with the folder's passphrase could add a lead, or take the
// 未受領 list of names and addresses, and the record said only `cli`. Commands that change staff or take
// residents' data out now name a person — their staff id (--staff, or MADOGUCHI_STAFF for automation) and PIN
// (asked at the terminal, or MADOGUCHI_PIN) — checked as a sign-in is (wrong PINs count toward the lockout), and
// record that person.
import type { Db } from '../db/connection';
import { actorOf, folderOf, listStaff, SETUP_ACTOR, verifyStaffPin, type Staff } from '../auth/staff';
import { ROLE_LABELS, type StaffRole } from '../../shared/ipc/roles';
import { askPin } from './passphrase';
import { CliError, type CliIo } from './io';

const STAFF_ENV = 'MADOGUCHI_STAFF';

/** Who may do what a command does, in this folder: a venue's lead, HQ's staff. */
export function adminRoleOf(db: Db): StaffRole {
  return folderOf(db).site === 'hq' ? 'hq' : 'lead';
}

export async function actingStaff(io: CliIo, db: Db, given: string | undefined, roles: readonly StaffRole[], what: string): Promise<Staff> {
  const staffId = given ?? io.env[STAFF_ENV];
  const who = roles.map((r) => ROLE_LABELS[r]).join('・');
  if (staffId === undefined || staffId === '')
    throw new CliError(`${what}には、行う${who}の職員IDとPINが必要です（--staff 職員ID、または環境変数 ${STAFF_ENV}）`);
  const pin = await askPin(io, staffId);
  const r = verifyStaffPin(db, io.clock, staffId, pin);
  if (!r.ok) throw new CliError(r.error.message);
  if (!roles.includes(r.value.role)) throw new CliError(`${what}は${who}が行います（${staffId} は${ROLE_LABELS[r.value.role]}です）`);
  return r.value;
}

/**
 * For setting a folder up and running it (staff, ledgers): the folder's lead (HQ: its staff) with PIN — except
 * while it has none yet (the first account, the first ledger), which nobody could otherwise do; recorded as `setup`.
 */
export async function folderAdministrator(io: CliIo, db: Db, given: string | undefined, what: string): Promise<string> {
  const admin = adminRoleOf(db);
  if (!listStaff(db).some((s) => s.role === admin)) {
    // Nobody could be checked: a PIN asked for an account that does not exist would only count as a wrong one.
    if (given !== undefined || io.env[STAFF_ENV])
      io.err(`このデータフォルダにはまだ${ROLE_LABELS[admin]}が登録されていないため、初期設定（setup）として記録します\n`);
    return SETUP_ACTOR;
  }
  return actorOf(await actingStaff(io, db, given, [admin], what));
}

/**
 * For a report whose figures anyone with the folder may read but whose cards name residents (reservation numbers
 * of cards that do not add up): the reader is asked for only when they give an id (--staff or MADOGUCHI_STAFF);
 * without one the report gives counts, so automation reading exit codes needs no PIN.
 */
export async function namedReader(
  io: CliIo,
  db: Db,
  given: string | undefined,
  roles: readonly StaffRole[],
  what: string,
): Promise<Staff | null> {
  const staffId = given ?? io.env[STAFF_ENV];
  return staffId === undefined || staffId === '' ? null : actingStaff(io, db, staffId, roles, what);
}
