// Who is signed in at each window (Electron webContents, or a browser-mode session), and whether the
// screen has locked after the configured idle time. Main decides this; the renderer only displays it.
import type { Clock } from '../clock';
import type { Staff } from './staff';

interface Session {
  staff: Staff;
  lastActivity: number;
  locked: boolean;
}

export class Sessions {
  private readonly byCaller = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly idleLockMinutes: () => number,
    /** Told once when a session locks for being idle (to write it in the access record); Sessions keeps no db. */
    private readonly onIdleLock: (staff: Staff, idleSince: Date) => void = () => {},
  ) {}

  signIn(caller: string, staff: Staff): void {
    this.byCaller.set(caller, { staff, lastActivity: this.clock.now().getTime(), locked: false });
  }

  signOut(caller: string): void {
    this.byCaller.delete(caller);
  }

  /** Ends every session of this staff member (their account was stopped); how many there were. */
  signOutStaff(staffId: string): number {
    let n = 0;
    for (const [caller, s] of this.byCaller) {
      if (s.staff.staffId === staffId) {
        this.byCaller.delete(caller);
        n++;
      }
    }
    return n;
  }

  /** Locks the caller's screen; false if there was nothing to lock (signed out, or locked already). */
  lock(caller: string): boolean {
    const s = this.byCaller.get(caller);
    if (!s || s.locked) return false;
    s.locked = true;
    return true;
  }

  unlock(caller: string): void {
    const s = this.byCaller.get(caller);
    if (s) {
      s.locked = false;
      s.lastActivity = this.clock.now().getTime();
    }
  }

  /** The caller's session, locking it first if it has been idle too long. */
  current(caller: string): { staff: Staff; locked: boolean } | null {
    const s = this.byCaller.get(caller);
    if (!s) return null;
    if (!s.locked && this.clock.now().getTime() - s.lastActivity > this.idleLockMinutes() * 60_000) {
      s.locked = true;
      this.onIdleLock(s.staff, new Date(s.lastActivity));
    }
    return { staff: s.staff, locked: s.locked };
  }

  touch(caller: string): void {
    const s = this.byCaller.get(caller);
    if (s && !s.locked) s.lastActivity = this.clock.now().getTime();
  }
}
