// Counter store: what the counter shows now (the last outcome), scans waiting to be shown, and the last
// recorded action. Lives for one signed-in session.
//
// Every scan and every "show this card" goes through one FIFO queue, pumped one item at a time and only
// while no dialog is open. A scan that arrives while the ID check (or any dialog) is open therefore waits,
// visibly, and is shown after the dialog closes; it can never land on the open dialog's card, because
// every dialog action names its own card (the dialog's), never "whatever is shown now".
import { create } from 'zustand';
import type { CardView, ScanOutcome } from '../../shared/counter/outcomes';
import type { IdCheck } from '../../shared/counter/id-documents';
import { scanCodeToSend } from '../scan/scan-code';
import { invoke } from './call';
import { useSessionStore } from './session-store';
import { useUiStore } from './ui-store';
import { useReceiptStore } from './receipt-store';
import { approvalProblem, clock, leadApproval, notice, UNSURE, type Notice } from './counter-notice';

import { useLeadStore } from './lead-store';

type ScanSource = 'keyboard' | 'hid' | 'manual';

type QueueItem =
  | { readonly kind: 'scan'; readonly text: string; readonly source: ScanSource; readonly startedAt: number; readonly endedAt: number }
  | {
      readonly kind: 'view';
      readonly reservationNo: string;
      /** Shown together with the notice of the action that caused it (undo, a failed handover). */
      readonly keepNotice?: boolean;
    };

export interface ShownOutcome {
  /** Increases with every outcome shown, so the screen and its sound react to a repeat of the same card. */
  readonly seq: number;
  readonly outcome: ScanOutcome;
  readonly via: ScanSource | 'view';
  /** performance.now() at the scan's first key and at its terminator (keyboard and HID scans only). */
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  /** Date.now() when shown: the screen returns to waiting a while after this (or after a dialog on it closed). */
  readonly at: number;
}

/** Scans kept while blocked; more than this and the oldest are dropped (with a notice). */
const MAX_QUEUE = 10;

export interface CounterState {
  shown: ShownOutcome | null;
  queue: QueueItem[];
  busy: boolean;
  /** The item being looked up now: counted with the waiting ones, so a scan main has not answered yet shows. */
  calling: { readonly since: number } | null;
  /**
   * Scans waited while the last one was looked up (a hung service, a dialog): the result shown is left up until
   * the clerk is done with it (Esc, or its dialog closes) before the next is shown, not replaced unseen.
   */
  backlog: boolean;
  notice: Notice | null;

  /** A scan from the keyboard capture, the HID scanner (main) or the manual entry dialog. */
  scanArrived(text: string, source: ScanSource, timing?: { startedAt: number; endedAt: number }): void;
  /** Show a card chosen in the search results (before scans waiting: the clerk asked for it just now). */
  viewCard(reservationNo: string): void;
  /** Shows the next waiting item if nothing blocks. */
  pump(): Promise<void>;
  /** The clerk is done with what is shown (Esc): the next waiting item may replace it. */
  next(): void;
  /**
   * A dialog closed. What the clerk asked for in it (a number typed, a card chosen, the card again after an undo)
   * is shown now; scans that merely waited behind a result still up (a dialog cancelled, a search closed) wait
   * for Esc like any backlog, and replace nothing unseen.
   */
  dialogClosed(): void;
  handover(card: CardView, idCheck: IdCheck): Promise<void>;
  refuse(card: CardView, reason: string): Promise<void>;
  undo(card: CardView, reason: string): Promise<void>;
  /** Back to "please scan" (Esc); the next waiting scan, if any, is shown. */
  dismiss(): void;
  /**
   * Nothing personal lingers: a result shown `seconds` ago (with no dialog open on it) goes back to waiting, and
   * a confirmation that names a resident stops naming them — at once when the counter is not on screen (`away`).
   */
  expire(now: number, seconds: number, away: boolean): void;
  reset(): void;
}

let seq = 0;
/** Date.now() when a dialog was last seen open (see expire). */
let dialogSeenAt = 0;

/**
 * Whether held scans must wait: a call is running, a dialog is open, nobody is signed in — or the lead is away
 * from the counter (a lead page, the receipt check), where a resident looked up would be shown to nobody.
 */
function blocked(state: CounterState): boolean {
  const receipt = useReceiptStore.getState();
  const away = receipt.opening !== null || receipt.active !== null || useLeadStore.getState().page !== null;
  return state.busy || state.backlog || away || useUiStore.getState().dialog !== null || useSessionStore.getState().phase !== 'active';
}

export const useCounterStore = create<CounterState>()((set, get) => ({
  shown: null,
  queue: [],
  busy: false,
  calling: null,
  backlog: false,
  notice: null,

  scanArrived(text, source, timing) {
    // Signed out or locked: nobody is at the counter to see it, and personal data must not show.
    if (useSessionStore.getState().phase !== 'active') return;
    if (text.trim() === '') return;
    const now = performance.now();
    const item: QueueItem = { kind: 'scan', text, source, startedAt: timing?.startedAt ?? now, endedAt: timing?.endedAt ?? now };
    // A number typed into manual entry is asked for now; a scanner's scan takes its turn.
    let queue = source === 'manual' ? [item, ...get().queue] : [...get().queue, item];
    if (queue.length > MAX_QUEUE) {
      queue = queue.slice(-MAX_QUEUE);
      set({ notice: notice('error', `保留中のスキャンが${MAX_QUEUE}件を超えたため、古いものを破棄しました`, 'error') });
    }
    set({ queue });
    void get().pump();
  },

  viewCard(reservationNo) {
    set({ queue: [{ kind: 'view', reservationNo }, ...get().queue] });
    void get().pump();
  },

  async pump() {
    const state = get();
    if (blocked(state) || state.queue.length === 0) return;
    const [item, ...rest] = state.queue as [QueueItem, ...QueueItem[]];
    set({ queue: rest, busy: true, calling: { since: Date.now() }, backlog: false });
    const r =
      item.kind === 'scan'
        ? await invoke('counter:scan', {
            code: item.source === 'manual' ? item.text.trim() : scanCodeToSend(item.text),
            source: item.source,
          })
        : await invoke('counter:view', { reservationNo: item.reservationNo });
    if (r.ok) {
      const keepNotice = item.kind === 'view' && item.keepNotice === true;
      set({
        busy: false,
        calling: null,
        notice: keepNotice ? get().notice : null,
        shown: {
          seq: ++seq,
          outcome: r.value,
          via: item.kind === 'scan' ? item.source : 'view',
          startedAt: item.kind === 'scan' && item.source !== 'manual' ? item.startedAt : null,
          endedAt: item.kind === 'scan' && item.source !== 'manual' ? item.endedAt : null,
          at: Date.now(),
        },
      });
    } else if (r.error.code === 'locked' || r.error.code === 'signed-out' || r.error.code === 'unreachable') {
      // Main locked first (idle), or could not be reached: keep the scan; it is shown once the same staff member
      // unlocks, or once main answers again (the connection store's heartbeat pumps the queue).
      set({ busy: false, calling: null, queue: [item, ...get().queue] });
      return;
    } else {
      set({ busy: false, calling: null, notice: notice('error', r.error.message, 'error') });
    }
    // More came meanwhile: this one stays up until the clerk is done with it (see backlog) — unless they are all
    // this same scan again (a notice read twice, or scanned again and again at the lock screen).
    const waiting = get().queue;
    if (waiting.length > 0 && !waiting.every((w) => w.kind === 'scan' && item.kind === 'scan' && w.text === item.text))
      set({ backlog: true });
    else void get().pump();
  },

  async handover(card, idCheck) {
    const ui = useUiStore.getState();
    ui.setSubmitting(true);
    const r = await invoke('counter:handover', { reservationNo: card.reservationNo, idCheck, ...leadApproval() });
    useUiStore.getState().setSubmitting(false);
    if (r.ok) {
      // Clear the screen before the dialog closes: closing pumps any waiting scan onto it.
      set({
        shown: null,
        notice: notice(
          'success',
          `交付を記録しました：${card.name} 様（${card.reservationNo}）`,
          'done',
          `${clock(Date.now())} 交付を記録しました`,
        ),
      });
      useUiStore.getState().closeDialog();
      void useSessionStore.getState().refreshStatus();
      return;
    }
    if (r.error.code === 'locked' || r.error.code === 'signed-out') return; // the dialog waits behind the lock screen
    if (r.error.code === 'unreachable') return useUiStore.getState().setDialogError(UNSURE);
    if (r.error.code === 'day-closed') return useUiStore.getState().askApproval(r.error.message);
    if (r.error.code === 'id-check-failed' || r.error.code === 'invalid-input' || approvalProblem(r.error.code)) {
      useUiStore.getState().setDialogError(r.error.message);
      return;
    }
    // The card changed under us (another station handed it over, …): show its state as it is now.
    set({
      notice: notice('error', r.error.message, 'error'),
      shown: null,
      queue: [{ kind: 'view', reservationNo: card.reservationNo, keepNotice: true }, ...get().queue],
    });
    useUiStore.getState().closeDialog();
  },

  async refuse(card, reason) {
    useUiStore.getState().setSubmitting(true);
    const r = await invoke('counter:refuse', { reservationNo: card.reservationNo, reason, ...leadApproval() });
    useUiStore.getState().setSubmitting(false);
    if (r.ok) {
      set({
        shown: null,
        notice: notice(
          'info',
          `交付できなかったことを記録しました：${card.name} 様（カードは交付待ちのままです）`,
          'done',
          `${clock(Date.now())} 交付できなかったことを記録しました`,
        ),
      });
      useUiStore.getState().closeDialog();
      void useSessionStore.getState().refreshStatus();
      return;
    }
    if (r.error.code === 'locked' || r.error.code === 'signed-out') return;
    if (r.error.code === 'unreachable') return useUiStore.getState().setDialogError(UNSURE);
    if (r.error.code === 'day-closed') return useUiStore.getState().askApproval(r.error.message);
    if (r.error.code === 'invalid-input' || approvalProblem(r.error.code)) return useUiStore.getState().setDialogError(r.error.message);
    set({
      notice: notice('error', r.error.message, 'error'),
      shown: null,
      queue: [{ kind: 'view', reservationNo: card.reservationNo, keepNotice: true }, ...get().queue],
    });
    useUiStore.getState().closeDialog();
  },

  async undo(card, reason) {
    useUiStore.getState().setSubmitting(true);
    const r = await invoke('counter:undo', { reservationNo: card.reservationNo, reason });
    useUiStore.getState().setSubmitting(false);
    if (r.ok) {
      // Show the card again: it is waiting for handover once more.
      set({
        notice: notice('info', `交付を取り消しました：${card.name} 様`, null, `${clock(Date.now())} 交付を取り消しました`),
        shown: null,
        queue: [{ kind: 'view', reservationNo: card.reservationNo, keepNotice: true }, ...get().queue],
      });
      useUiStore.getState().closeDialog();
      void useSessionStore.getState().refreshStatus();
      return;
    }
    if (r.error.code === 'locked' || r.error.code === 'signed-out') return;
    if (r.error.code === 'unreachable') return useUiStore.getState().setDialogError(UNSURE);
    if (r.error.code === 'invalid-input' || r.error.code === 'forbidden') return useUiStore.getState().setDialogError(r.error.message);
    set({
      notice: notice('error', r.error.message, 'error'),
      shown: null,
      queue: [{ kind: 'view', reservationNo: card.reservationNo, keepNotice: true }, ...get().queue],
    });
    useUiStore.getState().closeDialog();
  },

  next: () => {
    set({ backlog: false });
    void get().pump();
  },
  dialogClosed: () => {
    const { shown, queue } = get();
    const front = queue[0];
    if (shown && front?.kind === 'scan' && front.source !== 'manual') set({ backlog: true });
    else get().next();
  },
  dismiss: () => {
    set({ shown: null });
    get().next();
  },
  expire(now, seconds, away) {
    const { shown, notice: n } = get();
    const limit = seconds * 1000;
    // A dialog working on the card (the ID check) keeps it up; the clock starts again when the dialog closes.
    if (useUiStore.getState().dialog !== null && !away) dialogSeenAt = now;
    else if (shown && (away || now - Math.max(shown.at, dialogSeenAt) >= limit)) {
      // Scans still waiting stay waiting (Esc shows the next): a resident is never put up for a desk nobody is
      // at. Away (a lead page), nothing is shown to hold them for: they are shown once the lead is back.
      set(away ? { shown: null, backlog: false } : { shown: null });
    }
    if (n?.plain != null && (away || now - n.at >= limit)) set({ notice: { ...n, text: n.plain, plain: null } });
  },
  reset: () => set({ shown: null, queue: [], busy: false, calling: null, backlog: false, notice: null }),
}));
