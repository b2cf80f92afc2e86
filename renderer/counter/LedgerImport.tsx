// 台帳の取込 (lead): choose the shipment ledger HQ sent, the venue's key and HQ's public key, type the key's
// passphrase, import. Main verifies the signature before reading anything; the progress bar follows main. Once a
// ledger is in, the form folds away and its outcome and 預り証 (別紙⑦ 第11条) are shown across the menu's top.
import { useEffect, useRef } from 'react';
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
  // Closing the panel forgets the chosen files and the passphrase.
  useEffect(() => () => useImportStore.getState().reset(), []);
  return (
    <section className="ledger-import" data-testid="ledger-import" aria-labelledby="ledger-import-title">
      <h3 id="ledger-import-title">台帳の取込</h3>
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
    </section>
  );
}

/**
 * A ledger taken in: what was imported and its 預り証, across the top of the menu (LeadPanel folds the form away),
 * so both are seen without scrolling at 1366×768; the keyboard goes on from the button the lead needs next.
 */
export function LedgerImportOutcome() {
  const s = useImportStore();
  const print = usePrintStore((p) => p.print);
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    printButton.current?.focus();
  }, []);
  return (
    <div className="import-outcome" data-testid="import-outcome">
      <p className="verdict verdict-ok" role="status" data-testid="import-result">
        {s.message}
      </p>
      <button
        ref={printButton}
        className="btn btn-primary"
        type="button"
        data-testid="print-ledger-receipt"
        onClick={() => void print({ document: 'ledger-receipt', shipmentId: s.shipmentId! })}
      >
        預り証を印刷
      </button>
    </div>
  );
}
