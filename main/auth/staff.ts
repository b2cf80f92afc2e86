// Staff accounts: sign in with staff id + PIN. PINs are short, so they are stretched (scrypt) and an account
// locks after repeated failures, for longer each time (lockout.ts); roles decide what main allows, whatever the
// UI sends, and which roles a folder holds at all (a venue's: clerks and leads; headquarters': HQ staff).
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/connection';
import type { Clock } from '../clock';
import { appendEvent } from '../db/event-log';
import { err, ok, type Result } from '../../shared/result';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../shared/ipc/roles';
import { isVenueId, type SiteId } from '../../shared/venues/venues';
import { listActiveStaff, listLockedStaff, readActiveStaff, setLockState, upsertStaff, type StaffRow } from '../db/queries/staff';
import { readMeta } from '../db/queries/meta';
import { writeTransaction } from '../db/transaction';
import { recordAccess, type AccountAction } from '../access/access-record';
import { afterWrongPin, isLocked, lockedOut, UNLOCKED, wrongPin, type Asked, type LockState, type SignInProblem } from './lockout';

export type { SignInProblem } from './lockout';

const PIN = /^\d{4,8}$/;
export const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/;
// Cheap enough to sign in quickly on a venue PC; the lockout, not the KDF, is what stops PIN guessing.
const PIN_KDF = { N: 2 ** 14, r: 8, p: 1 } as const;

const PinHash = z.strictObject({ N: z.number(), r: z.number(), p: z.number(), salt: z.string(), hash: z.string() });
type PinHash = z.infer<typeof PinHash>;

export interface Staff {
  readonly staffId: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

/** Who the records name for what a folder's setup did before it had a staff account (初回設定, the first `staff add`). */
export const SETUP_ACTOR = 'setup';

/** How an event or access record names who did it: role and staff id, e.g. "clerk:c01". */
export function actorOf(staff: Staff): string {
  return `${staff.role}:${staff.staffId}`;
}

/** Who a wrong PIN for an id that is no account here is recorded as. */
const UNKNOWN_ACTOR = 'unknown-staff';

/**
 * The roles a folder's accounts may have. HQ's screen is HQ's work only (ledgers, the ward's report), so only `hq`;
 * a venue's is the counter, so never `hq` (an `hq1` enrolled at 本庁舎 printed its whole ledger, 1,293 residents).
 */
export function rolesAt(site: SiteId): readonly StaffRole[] {
  return site === 'hq' ? ['hq'] : ['clerk', 'lead'];
}

/** Which site and station a folder's database belongs to (meta, written when the folder was made). */
export function folderOf(db: Db): { site: SiteId; stationId: string } {
  const meta = readMeta(db);
  const site = meta['venue'];
  if (site !== 'hq' && !isVenueId(site)) throw new Error('data folder without a site');
  return { site, stationId: meta['station_id'] ?? '' };
}

function wrongSite(site: SiteId): SignInProblem {
  return {
    code: 'forbidden',
    message:
      site === 'hq'
        ? '会場の職員IDは事務センターの端末では使えません。会場の端末でサインインしてください'
        : '事務センターの職員IDは会場の端末では使えません。事務センターの端末でサインインしてください',
  };
}

export function staffIdProblem(staffId: string): string | null {
  return STAFF_ID.test(staffId) ? null : '職員IDは英数字と . _ - で2〜32文字です';
}

export function pinProblem(pin: string): string | null {
  return PIN.test(pin) ? null : 'PINは4〜8桁の数字です';
}

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, PIN_KDF);
  return JSON.stringify({ ...PIN_KDF, salt: salt.toString('base64'), hash: hash.toString('base64') });
}

export function enrollStaff(db: Db, clock: Clock, stationId: string, actor: string, staff: Staff & { pin: string }): void {
  const idProblem = staffIdProblem(staff.staffId);
  if (idProblem) throw new Error(idProblem);
  if (!STAFF_ROLES.includes(staff.role)) throw new Error(`unknown role ${staff.role}`);
  const { site } = folderOf(db);
  if (!rolesAt(site).includes(staff.role)) {
    throw new Error(
      site === 'hq'
        ? '事務センターのデータフォルダに登録できる役割は hq のみです'
        : `${ROLE_LABELS.hq}（hq）の職員は会場のデータフォルダには登録できません。事務センターのデータフォルダに登録してください`,
    );
  }
  const problem = pinProblem(staff.pin);
  if (problem) throw new Error(problem);
  const pinHash = hashPin(staff.pin);
  writeTransaction(db, () => {
    upsertStaff(db, { staffId: staff.staffId, displayName: staff.displayName, role: staff.role, pinHash });
    appendEvent(db, clock, { stationId, actor, kind: 'staff.enrolled', payload: { staffId: staff.staffId, role: staff.role } });
  });
}

export function listStaff(db: Db): Staff[] {
  return listActiveStaff(db).map((r) => ({ staffId: r.staff_id, displayName: r.display_name, role: r.role }));
}

const stateOf = (row: Pick<StaffRow, 'failed_attempts' | 'locked_until' | 'unlock_required'>): LockState => ({
  failedAttempts: row.failed_attempts,
  lockedUntil: row.locked_until,
  unlockRequired: row.unlock_required === 1,
});

// A stand-in hash with the real parameters: an unknown or disabled id is checked against it, so it takes as long
// as a known one (unchecked, it answered in ~20 ms against ~330 ms, which told which ids exist).
const DUMMY: PinHash = { ...PIN_KDF, salt: randomBytes(16).toString('base64'), hash: randomBytes(32).toString('base64') };

function pinMatches(pin: string, stored: PinHash): boolean {
  const candidate = scryptSync(pin, Buffer.from(stored.salt, 'base64'), 32, { N: stored.N, r: stored.r, p: stored.p });
  return timingSafeEqual(candidate, Buffer.from(stored.hash, 'base64'));
}

// Wrong PINs for ids that are no account here, counted as for an account (in memory, per folder, the newest
// 1,000 ids), so the answers — attempts left, the lockout — do not tell an unknown id from a known one.
const UNKNOWN_IDS_KEPT = 1_000;
const unknownIds = new WeakMap<Db, Map<string, LockState>>();
function unknownIdStates(db: Db): Map<string, LockState> {
  let m = unknownIds.get(db);
  if (!m) unknownIds.set(db, (m = new Map()));
  return m;
}

/**
 * The id typed, as the access record keeps it for an unknown account: not one shaped like a PIN (4–8 digits),
 * which may be a PIN typed into the id field, nor anything that is no staff id at all.
 */
const typedIdToKeep = (staffId: string): string | null => (PIN.test(staffId) || !STAFF_ID.test(staffId) ? null : staffId);

/**
 * Checks a staff id and PIN (sign-in, the lock screen, a lead's approval, the CLI). Every wrong PIN, lockout and
 * refusal goes to the access record, naming the account tried (never the PIN).
 */
export function verifyStaffPin(
  db: Db,
  clock: Clock,
  staffId: string,
  pin: string,
  asked: Asked = 'id-and-pin',
): Result<Staff, SignInProblem> {
  const { site, stationId } = folderOf(db);
  const now = clock.now();
  const row = readActiveStaff(db, staffId);
  const unknown = unknownIdStates(db);
  const state = row ? stateOf(row) : (unknown.get(staffId) ?? UNLOCKED);
  // The PIN is stretched on every try, locked or unknown ids too, so how long the answer takes tells nothing.
  const right = pinMatches(pin, row ? PinHash.parse(JSON.parse(row.pin_hash)) : DUMMY) && row !== undefined;
  const staff: Staff | null = row ? { staffId: row.staff_id, displayName: row.display_name, role: row.role } : null;
  const record = (action: AccountAction, detail: Record<string, string | number | boolean | null>) =>
    recordAccess(db, clock, {
      stationId,
      actor: staff ? actorOf(staff) : UNKNOWN_ACTOR,
      action,
      detail: { staffId: staff ? staff.staffId : typedIdToKeep(staffId), ...detail },
    });

  if (isLocked(state, now)) {
    record('sign-in-refused', { reason: 'locked-out' });
    return err(lockedOut(state, site));
  }
  if (right && staff) {
    if (state.failedAttempts > 0 || state.lockedUntil) setLockState(db, staff.staffId, UNLOCKED);
    if (!rolesAt(site).includes(staff.role)) {
      record('sign-in-refused', { reason: 'role-not-at-this-site' });
      return err(wrongSite(site));
    }
    return ok(staff);
  }
  const next = afterWrongPin(state, now);
  const lockedNow = isLocked(next, now);
  writeTransaction(db, () => {
    if (staff) setLockState(db, staff.staffId, next);
    record('pin-failed', staff ? { failures: next.failedAttempts } : { known: false });
    if (staff && lockedNow) record('locked-out', { failures: next.failedAttempts, until: next.lockedUntil });
  });
  if (!staff) {
    unknown.delete(staffId);
    unknown.set(staffId, next);
    if (unknown.size > UNKNOWN_IDS_KEPT) unknown.delete(unknown.keys().next().value!);
  }
  return err(lockedNow ? lockedOut(next, site) : wrongPin(asked, next, site));
}

export interface LockedAccount extends Staff {
  /** ISO; null: locked until someone unlocks it. */
  readonly lockedUntil: string | null;
  readonly failedAttempts: number;
}

/** Accounts locked now (too many wrong PINs), for the venue lead: timed lockouts and those waiting for a person. */
export function lockedAccounts(db: Db, clock: Clock): LockedAccount[] {
  return listLockedStaff(db, clock.now().toISOString()).map((r) => ({
    staffId: r.staff_id,
    displayName: r.display_name,
    role: r.role,
    lockedUntil: r.unlock_required === 1 ? null : r.locked_until,
    failedAttempts: r.failed_attempts,
  }));
}

/**
 * A lead (or at HQ, the command line) lifts an account's lockout: the wrong-PIN count starts again at 0. Recorded
 * as an event naming who lifted it, and in the access record.
 */
export function unlockAccount(
  db: Db,
  clock: Clock,
  stationId: string,
  actor: string,
  staffId: string,
): Result<null, { code: 'not-found'; message: string }> {
  const row = readActiveStaff(db, staffId);
  if (!row || !isLocked(stateOf(row), clock.now())) {
    return err({ code: 'not-found', message: 'この職員はロックされていません' });
  }
  writeTransaction(db, () => {
    setLockState(db, staffId, UNLOCKED);
    const lockedUntil = row.unlock_required === 1 ? null : row.locked_until;
    appendEvent(db, clock, { stationId, actor, kind: 'staff.unlocked', payload: { staffId, lockedUntil } });
    recordAccess(db, clock, { stationId, actor, action: 'account-unlocked', detail: { staffId, failures: row.failed_attempts } });
  });
  return ok(null);
}
