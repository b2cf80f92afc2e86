// 初回設定 (first-run setup): the draft the venue lead fills step by step, each step checked by main before the
// next is shown (setup:check), and made at once at the end (setup:complete). Files are read here as text (key
// files and hq-sync.json are small JSON) and sent with the draft; main reads and checks them.
import { create } from 'zustand';
import { SETUP_STEPS, type SetupDraft, type SetupStep } from '../../shared/ipc/contract/setup';
import { toHalfWidthAscii } from '../../shared/roster/text';
import { invoke } from './call';
import { useSessionStore } from './session-store';

type SetupFile = 'hqPub' | 'hqSync' | 'venueKey';

interface SetupState {
  step: SetupStep;
  draft: SetupDraft;
  /** The files chosen, for their names beside the pickers. */
  files: Partial<Record<SetupFile, File>>;
  /** HQ's key's fingerprint, once hq.pub has been read. */
  fingerprint: string | null;
  /** Whether the OS's folder dialog is there (Electron); browser mode types the path. */
  folderPicker: boolean;
  busy: boolean;
  error: string | null;
  set(patch: Partial<SetupDraft>): void;
  setLead(patch: Partial<SetupDraft['lead']>): void;
  setSync(patch: Partial<NonNullable<SetupDraft['sync']>>): void;
  chooseFile(kind: SetupFile, file: File): Promise<void>;
  chooseFolder(): Promise<void>;
  /** Checks this step (and those before it) with main, then shows the next, or makes the station at the last. */
  next(): Promise<void>;
  back(): void;
  /** 後で: the daily sync is set up later; the step's files and passphrase are forgotten. */
  skipSync(): Promise<void>;
  scanIgnored(): void;
}

const EMPTY_SYNC = { hqSyncFile: '', venueKeyFile: '', venueKeyPassphrase: '' };

const EMPTY_DRAFT: SetupDraft = {
  venue: null,
  // Typed by the lead, never offered: a second PC given 窓口1 by default would be a second 窓口1.
  stationLabel: '',
  passphrase: '',
  passphraseAgain: '',
  hqPublicKeyFile: '',
  hqFingerprintConfirmed: false,
  sync: EMPTY_SYNC,
  lead: { staffId: '', displayName: '', pin: '', pinAgain: '' },
  registrationFolder: '',
};

const after = (step: SetupStep): SetupStep => SETUP_STEPS[Math.min(SETUP_STEPS.indexOf(step) + 1, SETUP_STEPS.length - 1)]!;

/** Ids and PINs are ASCII; 全角 from an IME is taken as typed. */
function cleaned(draft: SetupDraft): SetupDraft {
  const ascii = (s: string) => toHalfWidthAscii(s).trim();
  return {
    ...draft,
    lead: { ...draft.lead, staffId: ascii(draft.lead.staffId), pin: ascii(draft.lead.pin), pinAgain: ascii(draft.lead.pinAgain) },
    registrationFolder: draft.registrationFolder.trim(),
  };
}

export const useSetupStore = create<SetupState>((set, get) => ({
  step: 'station',
  draft: EMPTY_DRAFT,
  files: {},
  fingerprint: null,
  folderPicker: false,
  busy: false,
  error: null,
  set: (patch) => set({ draft: { ...get().draft, ...patch }, error: null }),
  setLead: (patch) => set({ draft: { ...get().draft, lead: { ...get().draft.lead, ...patch } }, error: null }),
  setSync: (patch) => set({ draft: { ...get().draft, sync: { ...(get().draft.sync ?? EMPTY_SYNC), ...patch } }, error: null }),

  async chooseFile(kind, file) {
    const text = await file.text();
    set({ files: { ...get().files, [kind]: file }, error: null });
    if (kind === 'hqSync') return get().setSync({ hqSyncFile: text });
    if (kind === 'venueKey') return get().setSync({ venueKeyFile: text });
    // A new hq.pub is a new fingerprint: it must be checked by phone again.
    set({ draft: { ...get().draft, hqPublicKeyFile: text, hqFingerprintConfirmed: false }, fingerprint: null, busy: true });
    const r = await invoke('setup:hq-key', { hqPublicKeyFile: text });
    set({ busy: false, ...(r.ok ? { fingerprint: r.value.fingerprint } : { error: r.error.message }) });
  },

  async chooseFolder() {
    const r = await invoke('setup:choose-folder', {});
    if (!r.ok) return set({ error: r.error.message });
    if (r.value.folder !== null) get().set({ registrationFolder: r.value.folder });
  },

  async next() {
    const { step } = get();
    const draft = cleaned(get().draft);
    set({ busy: true, error: null });
    if (step === 'registration') {
      const r = await invoke('setup:complete', draft);
      if (!r.ok) return set({ busy: false, error: r.error.message });
      // The passphrases and PINs are forgotten; the station is open, at sign-in.
      set({ busy: false, draft: EMPTY_DRAFT, files: {} });
      useSessionStore.setState({ station: r.value });
      return useSessionStore.getState().start();
    }
    const r = await invoke('setup:check', { upTo: step, draft });
    if (!r.ok) return set({ busy: false, error: r.error.message });
    set({ busy: false, step: after(step), folderPicker: r.value.folderPicker });
  },

  back() {
    const i = SETUP_STEPS.indexOf(get().step);
    if (i > 0) set({ step: SETUP_STEPS[i - 1]!, error: null });
  },

  async skipSync() {
    const { hqPub } = get().files;
    set({ draft: { ...get().draft, sync: null }, files: hqPub ? { hqPub } : {} });
    await get().next();
  },

  scanIgnored: () => set({ error: '初回設定の画面ではスキャンは使いません。設定が終わってから読み取ってください' }),
}));
