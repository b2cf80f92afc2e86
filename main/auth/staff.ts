// Staff accounts: sign in with staff id + PIN. PINs are short, so they are stretched (scrypt) and an account
// locks for a while after repeated failures; roles decide what main allows, whatever the UI sends.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { appendEvent } from '../db/event-log';
import { err, ok, type Result } from '../../shared/result';
import { STAFF_ROLES, type StaffRole } from '../../shared/ipc/roles';
import { listActiveStaff, listLockedStaff, readActiveStaff, setSignInFailures, upsertStaff } from '../db/queries/staff';
import { tokyoWallClock } from '../../shared/tokyo-date';
import { writeTransaction } from '../db/transaction';

const PIN = /^\d{4,8}$/;
const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
const MAX_FAILURES = 5;
const LOCKOUT_MS = 5 * 60_000;
// Cheap enough to sign in quickly on a venue PC; the lockout, not the KDF, is what stops PIN guessing.
const PIN_KDF = { N: 2 ** 14, r: 8, p: 1 } as const;

const PinHash = z.strictObject({ N: z.number(), r: z.number(), p: z.number(), salt: z.string(), hash: z.string() });

export interface Staff {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

/** How an event or access record names who did it: role and staff id, e.g. "clerk:c01". */
export function actorOf(staff: Staff): string {
  return `${staff.role}:${staff.staffId}`;
}

export type SignInProblem = { code: 'bad-credentials' | 'locked-out'; message: string };

/** What the screen asked for: staff id and PIN (sign-in), or the PIN alone (the lock screen). */
type Asked = 'id-and-pin' | 'pin';

const LOCKOUT_MINUTES = LOCKOUT_MS / 60_000;

function wrongPin(asked: Asked, attemptsLeft: number | null): SignInProblem {
  const what = asked === 'pin' ? 'PINが違います' : '職員IDまたはPINが違います';
  // An unknown id has no count; saying the rule rather than a number does not tell which ids exist.
  const rule =
    attemptsLeft === null
      ? `PINを${MAX_FAILURES}回続けて誤ると${LOCKOUT_MINUTES}分間使えなくなります`
      : `あと${attemptsLeft}回誤ると${LOCKOUT_MINUTES}分間使えなくなります`;
  return { code: 'bad-credentials', message: `${what}（${rule}）` };
}

function lockedOut(until: string): SignInProblem {
  const at = tokyoWallClock(until)?.time ?? until;
  return {
    code: 'locked-out',
    message: `PINの誤りが${MAX_FAILURES}回続いたため、${at}まで（${LOCKOUT_MINUTES}分間）使えません。会場責任者がロックを解除できます`,
  };
}

export function pinProblem(pin: string): string | null {
  return PIN.test(pin) ? null : 'PINは4〜8桁の数字です';
}

export function enrollStaff(db: Db, clock: Clock, stationId: string, actor: string, staff: Staff & { pin: string }): void {
  if (!STAFF_ID.test(staff.staffId)) throw new Error('職員IDは英数字と . _ - で2〜32文字です');
  if (!STAFF_ROLES.includes(staff.role)) throw new Error(`unknown role ${staff.role}`);
  const problem = pinProblem(staff.pin);
  if (problem) throw new Error(problem);
  const salt = randomBytes(16);
  const hash = scryptSync(staff.pin, salt, 32, PIN_KDF);
  const pinHash = JSON.stringify({ ...PIN_KDF, salt: salt.toString('base64'), hash: hash.toString('base64') });
  writeTransaction(db, () => {
    upsertStaff(db, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role, pinHash });
    appendEvent(db, clock, { stationId, actor, kind: 'staff.enrolled', payload: { staffId: staff.staffId, role: staff.role } });
  });
}

export function listStaff(db: Db): Staff[] {
  return listActiveStaff(db).map((r) => ({ staffId: r.staff_id, displayName: r.display_name, role: r.role }));
}

export function verifyStaffPin(
  db: Db,
  clock: Clock,
  staffId: string,
  pin: string,
  asked: Asked = 'id-and-pin',
): Result<Staff, SignInProblem> {
  const row = readActiveStaff(db, staffId);
  if (!row) return err(wrongPin(asked, null));
  const now = clock.now();
  if (row.locked_until && new Date(row.locked_until) > now) return err(lockedOut(row.locked_until));
  const stored = PinHash.parse(JSON.parse(row.pin_hash));
  const candidate = scryptSync(pin, Buffer.from(stored.salt, 'base64'), 32, { N: stored.N, r: stored.r, p: stored.p });
  if (timingSafeEqual(candidate, Buffer.from(stored.hash, 'base64'))) {
    setSignInFailures(db, staffId, 0, null);
    return ok({ staffId: row.staff_id, displayName: row.display_name, role: row.role });
  }
  const failures = row.failed_attempts + 1;
  const lockedUntil = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
  setSignInFailures(db, staffId, lockedUntil ? 0 : failures, lockedUntil);
  return err(lockedUntil ? lockedOut(lockedUntil) : wrongPin(asked, MAX_FAILURES - failures));
}

export interface LockedAccount extends Staff {
  readonly lockedUntil: string;
}

/** Accounts locked out now (too many wrong PINs), for the venue lead. */
export function lockedAccounts(db: Db, clock: Clock): LockedAccount[] {
  return listLockedStaff(db, clock.now().toISOString()).map((r) => ({
    staffId: r.staff_id,
    displayName: r.display_name,
    role: r.role,
    lockedUntil: r.locked_until,
  }));
}

/** A lead lifts an account's lockout before its time: recorded as an event naming the lead. */
export function unlockAccount(
  db: Db,
  clock: Clock,
  stationId: string,
  lead: Staff,
  staffId: string,
): Result<null, { code: 'not-found'; message: string }> {
  const row = readActiveStaff(db, staffId);
  if (!row || !row.locked_until || new Date(row.locked_until) <= clock.now()) {
    return err({ code: 'not-found', message: 'この職員はロックされていません' });
  }
  writeTransaction(db, () => {
    setSignInFailures(db, staffId, 0, null);
    appendEvent(db, clock, {
      stationId,
      actor: actorOf(lead),
      kind: 'staff.unlocked',
      payload: { staffId, lockedUntil: row.locked_until! },
    });
  });
  return ok(null);
}
