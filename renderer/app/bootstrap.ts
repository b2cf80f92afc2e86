// The one place that wires the outside world to the stores: push events from main (HID scans, scanner
// status), the keyboard-scanner capture, the idle lock, window focus, sounds, and the few store-to-store
// reactions (a dialog closing releases waiting scans; signing out forgets everything).
import { api } from '../api-client';
import type { KeyboardLayout } from '../../shared/scanner/boot-keyboard';
import { installKeyboardCapture } from '../scan/keyboard-capture';
import { playCue } from '../sound/cues';
import { invoke, setAuthProblemHandler } from '../stores/call';
import { useConnectionStore } from '../stores/connection-store';
import { HEARTBEAT, installHeartbeat } from './heartbeat';
import { useCounterStore } from '../stores/counter-store';
import { useScanHoldStore, type HeldScan } from '../stores/scan-hold-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useImportStore } from '../stores/import-store';
import { useReceiptStore } from '../stores/receipt-store';
import { installIdleLock } from './idle-lock';
import { useStaffStore } from '../stores/staff-store';
import { useLeadStore } from '../stores/lead-store';
import { useReturnsStore } from '../stores/returns-store';
import { useCorrectionsStore } from '../stores/corrections-store';
import { useAccessStore } from '../stores/access-store';
import { useBackupStore } from '../stores/backup-store';
import { useDataLifeStore } from '../stores/data-life-store';
import { useSetupStore } from '../stores/setup-store';
import { usePrintStore } from '../stores/print-store';
import { leaveLeadWorkspace } from '../lead/LeadWorkspace';

/**
 * Where a scan goes: the open receipt check, the lead's returns or corrections page, or the counter.
 * Only on the counter does a scan look a resident up for a handover.
 */
function routeScan(text: string, toCounter: () => void): void {
  const receipt = useReceiptStore.getState();
  if (receipt.active || receipt.opening) return void receipt.scan(text);
  const page = useLeadStore.getState().page;
  if (page === 'returns') return useReturnsStore.getState().scan(text);
  if (page === 'corrections') return void useCorrectionsStore.getState().lookUp(text);
  if (page === 'access') return useAccessStore.getState().scan(text);
  if (page === 'reconciliation') return useLeadStore.getState().scanIgnored();
  if (page === 'staff') return useStaffStore.getState().scanIgnored();
  if (page === 'backup') return useBackupStore.getState().scanIgnored();
  if (page === 'data-life') return useDataLifeStore.getState().scanIgnored();
  toCounter();
}

/** Until the status strip has loaded: the setting's default. */
const DEFAULT_PERSONAL_DATA_SECONDS = 60;
/** Signed in and unlocked: a scan goes where scans go. Locked or at sign-in: it waits, said on the screen. */
function scanArrived(scan: HeldScan): void {
  const phase = useSessionStore.getState().phase;
  if (phase === 'active') {
    const timing = { startedAt: scan.startedAt, endedAt: scan.endedAt };
    return routeScan(scan.text, () => useCounterStore.getState().scanArrived(scan.text, scan.source, timing));
  }
  if (phase === 'locked' || phase === 'signed-out') useScanHoldStore.getState().hold(scan);
  // No folder yet, so no ledger: a scan types nothing into the setup's fields and is said to be unused there.
  if (phase === 'setup') useSetupStore.getState().scanIgnored();
}

/** Headquarters' own folder has no counter: keys there are only typing. */
function readsScans(): boolean {
  const s = useSessionStore.getState();
  if (s.station?.hq) return false;
  return s.phase === 'active' || s.phase === 'locked' || s.phase === 'signed-out' || s.phase === 'setup';
}

/** Until the status strip has loaded, assume the layout scanners ship with. */
const DEFAULT_SCANNER_LAYOUT: KeyboardLayout = 'us';

export function bootstrap(): () => void {
  const disposers: Array<() => void> = [];
  const session = useSessionStore;
  const counter = useCounterStore;
  const ui = useUiStore;

  setAuthProblemHandler((problem) => session.getState().authProblem(problem));

  const idle = installIdleLock(window, {
    minutes: () => {
      const s = session.getState();
      return s.phase === 'active' && s.session ? s.session.idleLockMinutes : null;
    },
    onIdle: () => void session.getState().lock(true),
    onActivity: () => {
      if (session.getState().phase === 'active') void api()['session:touch']({});
    },
  });
  disposers.push(() => idle.dispose());

  // Nothing personal lingers: each second, results and confirmations past the station's time stop showing a
  // resident (at once while the lead's menu or pages or the receipt check are open instead of the counter, and
  // while main cannot be reached: nothing can be done with them, and the clerk may have left the desk).
  const expiry = window.setInterval(() => {
    const seconds = session.getState().status?.personalDataSeconds ?? DEFAULT_PERSONAL_DATA_SECONDS;
    const away =
      useLeadStore.getState().page !== null ||
      useReceiptStore.getState().active !== null ||
      ui.getState().dialog?.kind === 'lead' ||
      useConnectionStore.getState().lostAt !== null;
    counter.getState().expire(Date.now(), seconds, away);
  }, 1000);
  disposers.push(() => window.clearInterval(expiry));

  disposers.push(
    installKeyboardCapture(document, {
      enabled: readsScans,
      layout: () => session.getState().status?.scanner.layout ?? DEFAULT_SCANNER_LAYOUT,
      onScan: (scan) => scanArrived({ ...scan, source: 'keyboard' }),
      onStray: (text) => useScanHoldStore.getState().setStray(text),
    }),
  );

  try {
    const a = api();
    disposers.push(
      a.on('scanner:scan', ({ code }) => {
        idle.touch();
        const now = performance.now();
        if (readsScans()) scanArrived({ text: code, source: 'hid', startedAt: now, endedAt: now });
      }),
      a.on('scanner:status', (s) => session.getState().setScanner(s)),
      a.on('ledger:progress', (p) => useImportStore.getState().setProgress(p)),
    );
  } catch (e) {
    session.setState({ phase: 'unavailable', unavailable: (e as Error).message });
    return () => disposers.forEach((d) => d());
  }

  const onFocus = () => ui.getState().setWindowFocused(true);
  const onBlur = () => ui.getState().setWindowFocused(false);
  window.addEventListener('focus', onFocus);
  window.addEventListener('blur', onBlur);
  ui.getState().setWindowFocused(document.hasFocus());
  disposers.push(() => {
    window.removeEventListener('focus', onFocus);
    window.removeEventListener('blur', onBlur);
  });

  // A dialog closing, or the screen becoming usable again, releases scans that waited.
  disposers.push(
    ui.subscribe((now, before) => {
      if (before.dialog !== null && now.dialog === null) counter.getState().dialogClosed();
    }),
    session.subscribe((now, before) => {
      if (now.phase === before.phase) return;
      if (now.phase === 'active') {
        idle.touch();
        void counter.getState().pump();
        // Scans read at the lock or sign-in screen, in the order they came.
        for (const scan of useScanHoldStore.getState().take()) scanArrived(scan);
      }
      if (now.phase === 'station-locked') useScanHoldStore.getState().clear();
      if (now.phase === 'signed-out' || now.phase === 'station-locked') {
        counter.getState().reset();
        ui.getState().reset();
        useReceiptStore.getState().exit();
        useImportStore.getState().reset();
        leaveLeadWorkspace();
        usePrintStore.getState().dismiss();
      }
    }),
  );

  // Sounds: one cue per outcome shown, and one for each recorded action.
  disposers.push(
    counter.subscribe((now, before) => {
      if (now.shown && now.shown.seq !== before.shown?.seq) playCue(now.shown.outcome.kind);
      if (now.notice && now.notice.seq !== before.notice?.seq && now.notice.cue) playCue(now.notice.cue);
    }),
    useReturnsStore.subscribe((now, before) => {
      if (now.lastScan && now.lastScan.seq !== before.lastScan?.seq) playCue(now.lastScan.tone === 'ok' ? 'done' : 'error');
    }),
    useReceiptStore.subscribe((now, before) => {
      if (now.last && now.last !== before.last) playCue(now.last.kind === 'received' ? 'done' : 'error');
    }),
  );

  // Back at the counter from a lead page or the receipt check: the strip's figures are brought up to date (cards
  // received or returned meanwhile), and scans held for the counter while the lead was away are shown.
  const backAtCounter = () => {
    void session.getState().refreshStatus();
    void counter.getState().pump();
  };
  disposers.push(
    useReceiptStore.subscribe((now, before) => {
      if (now.opening === null && before.opening !== null) backAtCounter();
    }),
    useLeadStore.subscribe((now, before) => {
      if (now.page === null && before.page !== null) backAtCounter();
    }),
  );

  // Main stopped or hung: the strip says so (and the scanner is not shown as ready); scans wait in the queue.
  // When it answers again, the strip is refreshed and the waiting scans are shown.
  disposers.push(
    installHeartbeat(window, {
      ...HEARTBEAT,
      ask: () => invoke('station:status', {}),
      onNoAnswer: (at) => useConnectionStore.getState().lost(at),
    }),
    useConnectionStore.subscribe((now, before) => {
      if (now.lostAt !== null && before.lostAt === null) playCue('error');
      if (now.lostAt === null && before.lostAt !== null) {
        void session.getState().refreshStatus();
        void counter.getState().pump();
      }
    }),
  );

  void session.getState().start();
  return () => disposers.forEach((d) => d());
}
