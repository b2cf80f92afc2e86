// The lead's ledger import: the three files chosen, the key passphrase, and the progress main pushes.
// Lives only while the lead panel is open; the passphrase is dropped as soon as the import ends.
import { create } from 'zustand';
import { invoke } from './call';
import type { PushPayload } from '../../shared/ipc/contract';
import { useSessionStore } from './session-store';
import { count } from '../../shared/numbers';

export type ImportFileKind = 'ledger' | 'venueKey' | 'hqPublicKey';
/** What main pushes as the import goes (the contract's push event). */
export type ImportProgress = PushPayload<'ledger:progress'>;

interface ImportState {
  files: Partial<Record<ImportFileKind, File>>;
  passphrase: string;
  busy: boolean;
  progress: ImportProgress | null;
  error: string | null;
  message: string | null;
  /** The shipment just taken in (or found taken in already): its 預り証 can be printed. */
  shipmentId: string | null;
  setFile(kind: ImportFileKind, file: File | null): void;
  setPassphrase(text: string): void;
  setProgress(progress: ImportProgress): void;
  run(onImported: () => Promise<void>): Promise<void>;
  /** The form again for the next shipment's ledger, the last outcome gone: the venue's and HQ's key files stay chosen. */
  another(): void;
  reset(): void;
}

export const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  keys: '鍵を確認しています',
  verify: '署名を検証し、復号・検査しています',
  write: '記録しています',
  done: '完了',
};

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const EMPTY = { files: {}, passphrase: '', busy: false, progress: null, error: null, message: null, shipmentId: null };

export const useImportStore = create<ImportState>((set, get) => ({
  ...EMPTY,
  setFile: (kind, file) => {
    const files = { ...get().files };
    if (file) files[kind] = file;
    else delete files[kind];
    set({ files, error: null, message: null });
  },
  setPassphrase: (text) => set({ passphrase: text }),
  setProgress: (progress) => {
    if (get().busy) set({ progress });
  },
  async run(onImported) {
    const { files, passphrase } = get();
    if (!files.ledger || !files.venueKey || !files.hqPublicKey)
      return set({ error: '台帳・会場の秘密鍵・事務センターの公開鍵を選んでください' });
    if (!passphrase) return set({ error: '会場鍵のパスフレーズを入力してください' });
    set({ busy: true, error: null, message: null, progress: null });
    const [ledgerBase64, venueKeyFile, hqPublicKeyFile] = await Promise.all([
      base64Of(files.ledger),
      files.venueKey.text(),
      files.hqPublicKey.text(),
    ]);
    const r = await invoke('ledger:import', { ledgerBase64, venueKeyFile, hqPublicKeyFile, passphrase });
    set({ busy: false, passphrase: '' });
    if (!r.ok) return set({ error: r.error.message, progress: null });
    // The folder's first ledger pinned HQ's key: the lead checks its fingerprint with HQ by phone, as the CLI says.
    const pinned =
      r.value.pinnedFingerprint === null
        ? ''
        : `。事務センターの鍵をこの端末に登録しました。指紋 ${r.value.pinnedFingerprint} を事務センターに電話で読み上げてもらい、同じか確かめてください（違えば取り込んだ台帳を使わず、事務センターに連絡してください）`;
    set({
      shipmentId: r.value.shipmentId,
      message:
        r.value.status === 'imported'
          ? `出荷 ${r.value.shipmentId} を取り込みました（${count(r.value.rowCount)}）。預り証を印刷して事務センターに送り、箱が届いたら受領確認をしてください${pinned}`
          : `出荷 ${r.value.shipmentId} は取込済みです（変更なし）`,
    });
    await Promise.all([onImported(), useSessionStore.getState().refreshStatus()]);
  },
  another: () => set({ ...EMPTY, files: { venueKey: get().files.venueKey, hqPublicKey: get().files.hqPublicKey } }),
  reset: () => set(EMPTY),
}));
