// Ephemeral UI store: which dialog is open and what has been typed or ticked in it. Drafts live here rather
// than in components so an idle lock in the middle of an ID check does not throw the clerk's ticks away.
// Reset on sign-out.
import { create } from 'zustand';
import type { CardView, ScanOutcome, SearchHit } from '../../shared/counter/outcomes';
import { parseBirthDate } from '../../shared/roster/japanese-date';
import { invoke } from './call';
import { useSessionStore } from './session-store';
import { tokyoToday } from '../format/dates';
import { FIGURE_LABELS as F } from '../../shared/glossary';
import { count } from '../../shared/numbers';
import { searchPrefixProblem } from '../../shared/counter/search-rules';

type HandedOver = Extract<ScanOutcome, { kind: 'already-handed-over' }>;

export type Dialog =
  | { readonly kind: 'id-check'; readonly card: CardView }
  | { readonly kind: 'refuse'; readonly card: CardView }
  | { readonly kind: 'undo'; readonly card: CardView; readonly handover: HandedOver['handover'] }
  | { readonly kind: 'manual' }
  | { readonly kind: 'search' }
  | { readonly kind: 'lead' };

/** What the clerk has ticked so far; becomes an IdCheck once complete. */
export interface IdDraft {
  path: 'self' | 'proxy';
  documents: string[];
  proxyReason: string | null;
  proxyLetter: string | null;
  proxyDocuments: string[];
  surrendered: string[];
  pin: string | null;
}

const EMPTY_ID_DRAFT: IdDraft = {
  path: 'self',
  documents: [],
  proxyReason: null,
  proxyLetter: null,
  proxyDocuments: [],
  surrendered: [],
  pin: null,
};

interface RefuseDraft {
  preset: string | null;
  text: string;
}

interface SearchState {
  prefix: string;
  birthDate: string;
  busy: boolean;
  error: string | null;
  result: { hits: SearchHit[]; capped: boolean } | null;
}

interface Shipment {
  shipmentId: string;
  rowCount: number;
  received: boolean;
}

interface LeadState {
  shipments: Shipment[] | null;
  busy: boolean;
  error: string | null;
  message: string | null;
  /** The shipment whose receipt is awaiting the second, confirming press. */
  confirming: string | null;
}

export interface UiState {
  dialog: Dialog | null;
  /** Why the last dialog action failed (shown inside the dialog). */
  dialogError: string | null;
  submitting: boolean;
  idDraft: IdDraft;
  refuseDraft: RefuseDraft;
  undoReason: string;
  manualText: string;
  search: SearchState;
  lead: LeadState;
  /** Keyboard scanners only reach a focused window. */
  windowFocused: boolean;
  /** A lead's ID and PIN for recording after 日締め (LeadApproval), and whether main asked for it. */
  approval: { staffId: string; pin: string };
  approvalAsked: boolean;

  openDialog(dialog: Dialog, options?: { refusePreset?: string; refuseText?: string }): void;
  closeDialog(): void;
  setDialogError(message: string | null): void;
  setApproval(approval: { staffId: string; pin: string }): void;
  /** Main said the day is closed: the dialog shows the approval fields (even if the status strip was stale). */
  askApproval(message: string): void;
  setSubmitting(value: boolean): void;
  updateIdDraft(patch: Partial<IdDraft>): void;
  updateRefuseDraft(patch: Partial<RefuseDraft>): void;
  setUndoReason(text: string): void;
  setManualText(text: string): void;
  updateSearch(patch: Partial<Pick<SearchState, 'prefix' | 'birthDate'>>): void;
  runSearch(): Promise<void>;
  loadShipments(): Promise<void>;
  askConfirmReceipt(shipmentId: string | null): void;
  confirmReceipt(shipmentId: string): Promise<void>;
  /** Takes in the venue's other stations' sync files now (their handovers and receipts). */
  pullSiblings(): Promise<void>;
  setWindowFocused(value: boolean): void;
  reset(): void;
}

const EMPTY_SEARCH: SearchState = { prefix: '', birthDate: '', busy: false, error: null, result: null };
const EMPTY_LEAD: LeadState = { shipments: null, busy: false, error: null, message: null, confirming: null };

export const useUiStore = create<UiState>()((set, get) => ({
  dialog: null,
  dialogError: null,
  submitting: false,
  idDraft: EMPTY_ID_DRAFT,
  refuseDraft: { preset: null, text: '' },
  undoReason: '',
  manualText: '',
  search: EMPTY_SEARCH,
  lead: EMPTY_LEAD,
  windowFocused: true,
  approval: { staffId: '', pin: '' },
  approvalAsked: false,

  openDialog(dialog, options) {
    // A lead's PIN never outlives the dialog it was typed into.
    const base = { dialog, dialogError: null, submitting: false, approval: { staffId: '', pin: '' }, approvalAsked: false };
    switch (dialog.kind) {
      case 'id-check':
        return set({ ...base, idDraft: EMPTY_ID_DRAFT });
      case 'refuse':
        return set({ ...base, refuseDraft: { preset: options?.refusePreset ?? null, text: options?.refuseText ?? '' } });
      case 'undo':
        return set({ ...base, undoReason: '' });
      case 'manual':
        return set({ ...base, manualText: '' });
      case 'search':
        // Keep the last query: a clerk often corrects one field and searches again.
        return set({ ...base, search: { ...get().search, busy: false, error: null } });
      case 'lead':
        set({ ...base, lead: EMPTY_LEAD });
        return void get().loadShipments();
    }
  },

  // Not while a recording is on its way to main (Esc, キャンセル): closing then would say nothing of a handover
  // that is recorded a moment later. The recording's answer closes it (after setSubmitting(false)) or says why not.
  closeDialog: () => {
    if (get().submitting) return;
    set({ dialog: null, dialogError: null, submitting: false, approval: { staffId: '', pin: '' }, approvalAsked: false });
  },
  setDialogError: (message) => set({ dialogError: message }),
  setApproval: (approval) => set({ approval }),
  askApproval: (message) => set({ dialogError: message, approvalAsked: true }),
  // A new press clears what the last one said (a retry after "could not be reached" must not show it still).
  setSubmitting: (value) => set(value ? { submitting: true, dialogError: null } : { submitting: false }),
  updateIdDraft: (patch) => set({ idDraft: { ...get().idDraft, ...patch } }),
  updateRefuseDraft: (patch) => set({ refuseDraft: { ...get().refuseDraft, ...patch } }),
  setUndoReason: (text) => set({ undoReason: text }),
  setManualText: (text) => set({ manualText: text }),
  updateSearch: (patch) => set({ search: { ...get().search, ...patch, error: null } }),

  async runSearch() {
    const { prefix, birthDate } = get().search;
    const short = searchPrefixProblem(prefix);
    if (short) return set({ search: { ...get().search, error: short, result: null } });
    const date = parseBirthDate(birthDate, tokyoToday());
    if (!date.ok) return set({ search: { ...get().search, error: `生年月日: ${date.reason}`, result: null } });
    set({ search: { ...get().search, busy: true, error: null } });
    const r = await invoke('counter:search', { prefix: prefix.trim(), birthDate: date.value });
    set({ search: { ...get().search, busy: false, result: r.ok ? r.value : null, error: r.ok ? null : r.error.message } });
  },

  async loadShipments() {
    set({ lead: { ...get().lead, busy: true, error: null } });
    const r = await invoke('shipments:list', {});
    set({ lead: { ...get().lead, busy: false, shipments: r.ok ? r.value : null, error: r.ok ? null : r.error.message } });
  },

  askConfirmReceipt: (shipmentId) => set({ lead: { ...get().lead, confirming: shipmentId, message: null } }),

  async pullSiblings() {
    set({ lead: { ...get().lead, busy: true, error: null, message: null } });
    const r = await invoke('sync:pullSiblings', {});
    if (!r.ok) return set({ lead: { ...get().lead, busy: false, error: r.error.message } });
    const problems = r.value.flatMap((p) => (p.problem ? [`${p.name}: ${p.problem}`] : p.refused));
    const taken = r.value.reduce((n, p) => n + p.ingested, 0);
    const message =
      r.value.length === 0
        ? 'ほかの端末が登録されていません（madoguchi sync register）'
        : `ほかの端末の同期ファイルを ${count(taken)}取り込みました`;
    set({ lead: { ...get().lead, busy: false, message, error: problems.length ? problems.join('\n') : null } });
    await Promise.all([get().loadShipments(), useSessionStore.getState().refreshStatus()]);
  },

  async confirmReceipt(shipmentId) {
    set({ lead: { ...get().lead, busy: true, error: null } });
    const r = await invoke('receipt:confirm', { shipmentId });
    if (!r.ok) return set({ lead: { ...get().lead, busy: false, error: r.error.message, confirming: null } });
    const { received, missing } = r.value;
    const message = `${shipmentId} の受領を確認しました（${F.received} ${count(received)}${missing > 0 ? `、${F.notReceived} ${count(missing)}` : ''}）`;
    set({ lead: { ...get().lead, confirming: null, message } });
    await Promise.all([get().loadShipments(), useSessionStore.getState().refreshStatus()]);
  },

  setWindowFocused: (value) => set({ windowFocused: value }),

  reset: () =>
    set({
      dialog: null,
      dialogError: null,
      submitting: false,
      idDraft: EMPTY_ID_DRAFT,
      refuseDraft: { preset: null, text: '' },
      undoReason: '',
      manualText: '',
      search: EMPTY_SEARCH,
      lead: EMPTY_LEAD,
    }),
}));
