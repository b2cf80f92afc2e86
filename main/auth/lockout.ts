// How wrong PINs lock an account, and what sign-in says about it. The lock grows: a 5-minute lock that restarted
// the count allowed ≈1,440 guesses a day (a 4-digit PIN fell within a week); now the count runs on through timed
// locks, and the third step waits for a person. Only a right PIN or a lead's unlock sets the count back to 0.
import type { SiteId } from '../../shared/venues/venues';
import { tokyoWallClock } from '../../shared/tokyo-date';

/** At how many wrong PINs in a row an account locks, and for how long (null: until a lead unlocks it). */
const LOCK_STEPS: readonly { readonly failures: number; readonly minutes: number | null }[] = [
  { failures: 5, minutes: 5 },
  { failures: 10, minutes: 60 },
  { failures: 15, minutes: null },
];

export interface LockState {
  /** Wrong PINs in a row since the last right one (or a lead's unlock); timed locks do not reset it. */
  readonly failedAttempts: number;
  /** ISO; a timed lock runs until then. */
  readonly lockedUntil: string | null;
  /** Locked until a venue lead (at HQ, `madoguchi staff unlock`) lifts it. */
  readonly unlockRequired: boolean;
}

export const UNLOCKED: LockState = { failedAttempts: 0, lockedUntil: null, unlockRequired: false };

export function isLocked(state: LockState, now: Date): boolean {
  return state.unlockRequired || (state.lockedUntil !== null && new Date(state.lockedUntil) > now);
}

/** The state after one more wrong PIN (never called while locked: a try then does not count). */
export function afterWrongPin(state: LockState, now: Date): LockState {
  const failedAttempts = state.failedAttempts + 1;
  const step = LOCK_STEPS.find((s) => s.failures === failedAttempts);
  if (!step) return { failedAttempts, lockedUntil: null, unlockRequired: false };
  if (step.minutes === null) return { failedAttempts, lockedUntil: null, unlockRequired: true };
  return { failedAttempts, lockedUntil: new Date(now.getTime() + step.minutes * 60_000).toISOString(), unlockRequired: false };
}

/** What the screen asked for: staff id and PIN (sign-in), or the PIN alone (the lock screen). */
export type Asked = 'id-and-pin' | 'pin';

export type SignInProblem = { code: 'bad-credentials' | 'locked-out' | 'forbidden'; message: string };

const duration = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60}時間` : `${minutes}分間`);

/** Who lifts a lock that waits for a person: the venue lead in the app, or at HQ (no lead) the command line. */
function unlocker(site: SiteId): { who: string; ask: string } {
  return site === 'hq'
    ? { who: '管理者', ask: '事務センターの管理者にロック解除（madoguchi staff unlock）を依頼してください' }
    : { who: '会場責任者', ask: '会場責任者にロック解除を依頼してください' };
}

export function wrongPin(asked: Asked, state: LockState, site: SiteId): SignInProblem {
  const what = asked === 'pin' ? 'PINが違います' : '職員IDまたはPINが違います';
  const next = LOCK_STEPS.find((s) => s.failures > state.failedAttempts)!;
  const left = next.failures - state.failedAttempts;
  const then = next.minutes === null ? `${unlocker(site).who}が解除するまで使えなくなります` : `${duration(next.minutes)}使えなくなります`;
  return { code: 'bad-credentials', message: `${what}（あと${left}回誤ると${then}）` };
}

export function lockedOut(state: LockState, site: SiteId): SignInProblem {
  const { ask } = unlocker(site);
  if (state.unlockRequired || state.lockedUntil === null) {
    return { code: 'locked-out', message: `PINの誤りが${state.failedAttempts}回続いたため、この職員IDは使えません。${ask}` };
  }
  const step = [...LOCK_STEPS].reverse().find((s) => s.failures <= state.failedAttempts && s.minutes !== null);
  const at = tokyoWallClock(state.lockedUntil)?.time ?? state.lockedUntil;
  const how = step ? `（${duration(step.minutes!)}）` : '';
  const lift = site === 'hq' ? `お急ぎのときは${ask}` : '会場責任者がロックを解除できます';
  return {
    code: 'locked-out',
    message: `PINの誤りが${state.failedAttempts}回続いたため、${at}まで${how}使えません。${lift}`,
  };
}
