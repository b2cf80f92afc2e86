// 台帳の取込 (lead): choose the shipment ledger HQ sent, the venue's key and HQ's public key, type the key's
// passphrase, import. Main verifies the signature before reading anything; the progress bar follows main.
import { useEffect } from 'react';
import { useImportStore, PHASE_LABELS, type ImportFileKind } from '../stores/import-store';
import { useUiStore } from '../stores/ui-store';
import { FilePicker } from '../components/FilePicker';
import { usePrintStore } from '../stores/print-store';

const FILES: { kind: ImportFileKind; label: string; accept: string }[] = [
  { kind: 'ledger', label: '送付台帳ファイル（<会場>.ledger）', accept: '.ledger' },
  { kind: 'venueKey', label: '会場の秘密鍵（<会場>.key）', accept: '.key' },
  { kind: 'hqPublicKey', label: '事務センターの公開鍵（hq.pub）', accept: '.pub' },
];

export function LedgerImport() {
  const s = useImportStore();
  const loadShipments = useUiStore((u) => u.loadShipments);
  const print = usePrintStore((p) => p.print);
  // Closing the panel forgets the chosen files and the passphrase.
  useEffect(() => () => useImportStore.getState().reset(), []);
  return (
    <section className="ledger-import" data-testid="ledger-import" aria-labelledby="ledger-import-title">
      <h3 id="ledger-import-title">台帳の取込</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void s.run(loadShipments);
        }}
      >
        {FILES.map((f) => (
          <FilePicker
            key={f.kind}
            id={`import-${f.kind}`}
            label={f.label}
            accept={f.accept}
            file={s.files[f.kind] ?? null}
            disabled={s.busy}
            onChange={(file) => s.setFile(f.kind, file)}
          />
        ))}
        <label className="file-field">
          <span>会場鍵のパスフレーズ</span>
          <input
            type="password"
            autoComplete="off"
            value={s.passphrase}
            disabled={s.busy}
            onChange={(e) => s.setPassphrase(e.currentTarget.value)}
          />
        </label>
        <div className="button-row">
          <button className="btn btn-primary" type="submit" disabled={s.busy}>
            取り込む
          </button>
        </div>
      </form>
      {s.progress && (
        <div className="import-progress" role="status" data-testid="import-progress">
          <progress max={s.progress.steps} value={s.progress.step} aria-label="取込の進み具合" />
          <span>{PHASE_LABELS[s.progress.phase]}</span>
        </div>
      )}
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.message && (
        <p className="verdict verdict-ok" role="status" data-testid="import-result">
          {s.message}
        </p>
      )}
      {s.shipmentId && (
        <div className="button-row">
          <button
            className="btn"
            type="button"
            data-testid="print-ledger-receipt"
            onClick={() => void print({ document: 'ledger-receipt', shipmentId: s.shipmentId! })}
          >
            預り証を印刷
          </button>
        </div>
      )}
    </section>
  );
}
