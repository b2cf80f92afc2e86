// Session store: who is signed in, whether the screen is locked, and the status strip. Lives as long as the
// window; everything else is reset when the staff member signs out.
import { create } from 'zustand';
import type { SessionView, StationView, StatusView } from '../../shared/ipc/contract';
import { toHalfWidthAscii } from '../../shared/roster/text';
import { invoke, type AuthProblem } from './call';

/** `setup`: the station has no data folder yet, and the window shows its first-run setup (初回設定). */
export type SessionPhase = 'starting' | 'unavailable' | 'setup' | 'station-locked' | 'signed-out' | 'locked' | 'active';

export interface SessionState {
  phase: SessionPhase;
  /** The data folder this window opens (a venue's, or headquarters'), and whether it is unlocked. */
  station: StationView | null;
  session: SessionView | null;
  status: StatusView | null;
  /** Why sign-in or unlock failed, as main said it. */
  error: string | null;
  /** Why the app cannot run at all (no API, main unreachable). */
  unavailable: string | null;
  busy: boolean;
  /** Reads the session main already has for this window (a reload keeps it). */
  start(): Promise<void>;
  /** Opens the venue's encrypted data folder with its passphrase (once per station start). */
  unlockStation(passphrase: string): Promise<void>;
  signIn(staffId: string, pin: string): Promise<void>;
  unlock(pin: string): Promise<void>;
  /** `idle`: the idle time ran out (recorded as such), rather than Ctrl+L or the button. */
  lock(idle?: boolean): Promise<void>;
  signOut(): Promise<void>;
  refreshStatus(): Promise<void>;
  setScanner(scanner: Pick<StatusView['scanner'], 'connected' | 'device'>): void;
  /** Main answered "locked" or "signed-out" to some call. */
  authProblem(problem: AuthProblem): void;
  clearError(): void;
}

const phaseOf = (s: SessionView | null): SessionPhase => (s === null ? 'signed-out' : s.locked ? 'locked' : 'active');
/** PINs are digits; 全角 digits from an IME are accepted. */
const cleanPin = (pin: string) => toHalfWidthAscii(pin).trim();

export const useSessionStore = create<SessionState>()((set, get) => ({
  phase: 'starting',
  station: null,
  session: null,
  status: null,
  error: null,
  unavailable: null,
  busy: false,

  async start() {
    const st = await invoke('station:status', {});
    if (!st.ok) return set({ phase: 'unavailable', unavailable: st.error.message });
    set({ station: st.value });
    if (st.value.needsSetup) return set({ phase: 'setup', unavailable: null });
    if (!st.value.unlocked) return set({ phase: 'station-locked', unavailable: null });
    const r = await invoke('session:get', {});
    if (!r.ok) {
      set({ phase: 'unavailable', unavailable: r.error.message });
      return;
    }
    set({ session: r.value, phase: phaseOf(r.value), unavailable: null });
    if (r.value && !r.value.locked) await get().refreshStatus();
  },

  async unlockStation(passphrase) {
    if (passphrase === '') return set({ error: 'パスフレーズを入力してください' });
    set({ busy: true, error: null });
    const r = await invoke('station:unlock', { passphrase });
    set({ busy: false });
    if (!r.ok) return set({ error: r.error.message });
    set({ station: r.value });
    await get().start();
  },

  async signIn(staffId, pin) {
    const id = toHalfWidthAscii(staffId).trim();
    const p = cleanPin(pin);
    if (id === '' || p === '') return set({ error: '職員IDとPINを入力してください' });
    if (!/^\d+$/.test(p)) return set({ error: 'PINは数字で入力してください' });
    set({ busy: true, error: null });
    const r = await invoke('session:signIn', { staffId: id, pin: p });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    set({ busy: false, session: r.value, phase: phaseOf(r.value) });
    await get().refreshStatus();
  },

  async unlock(pin) {
    const p = cleanPin(pin);
    if (p === '') return set({ error: 'PINを入力してください' });
    set({ busy: true, error: null });
    const r = await invoke('session:unlock', { pin: p });
    if (!r.ok) {
      if (r.error.code === 'signed-out') return set({ busy: false, session: null, phase: 'signed-out', error: r.error.message });
      return set({ busy: false, error: r.error.message });
    }
    set({ busy: false, session: r.value, phase: phaseOf(r.value) });
    await get().refreshStatus();
  },

  async lock(idle = false) {
    if (get().phase !== 'active') return;
    // Lock on screen at once; main is told too, so every call is refused until the PIN is given.
    set({ phase: 'locked', error: null, session: get().session && { ...get().session!, locked: true } });
    await invoke('session:lock', idle ? { idle: true } : {});
  },

  async signOut() {
    await invoke('session:signOut', {});
    set({ session: null, status: null, phase: 'signed-out', error: null });
  },

  async refreshStatus() {
    // Headquarters has no counter, so no status strip.
    if (get().phase !== 'active' || get().station?.hq) return;
    const r = await invoke('counter:status', {});
    if (r.ok) set({ status: r.value });
  },

  setScanner(scanner) {
    const status = get().status;
    if (status) set({ status: { ...status, scanner: { ...status.scanner, ...scanner } } });
  },

  authProblem(problem) {
    if (problem === 'station-locked') {
      set({ phase: 'station-locked', session: null, status: null });
    } else if (problem === 'locked') {
      const s = get().session;
      if (get().phase === 'active') set({ phase: 'locked', session: s && { ...s, locked: true } });
    } else if (get().phase !== 'signed-out') {
      set({ phase: 'signed-out', session: null, status: null, error: 'サインインし直してください' });
    }
  },

  clearError: () => set({ error: null }),
}));
