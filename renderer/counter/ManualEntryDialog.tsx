// 番号入力: the number typed by hand, when a notice's barcode will not read. 全角, lower case and dash
// look-alikes are fine: main normalises exactly as it does for the roster.
import type { FormEvent } from 'react';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import { Modal } from '../components/Modal';
import { Key } from '../components/Key';
import { useCounterStore } from '../stores/counter-store';
import { useUiStore } from '../stores/ui-store';
import { PendingScans } from './PendingScans';

export function ManualEntryDialog() {
  const text = useUiStore((s) => s.manualText);
  const setText = useUiStore((s) => s.setManualText);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const scanArrived = useCounterStore((s) => s.scanArrived);
  const parsed = text.trim() === '' ? null : normalizeReservationNumber(text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return;
    // Queued behind the dialog, then shown the moment it closes.
    scanArrived(text, 'manual');
    closeDialog();
  };
  return (
    <Modal title="番号入力" onCancel={closeDialog} testId="manual-dialog">
      <PendingScans />
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span className="field-label">予約管理番号（例：A1B-123456）</span>
          <input
            className="field-input field-code"
            name="manual-number"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            data-autofocus=""
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <p className="hint" role="status">
          {parsed === null ? '全角・小文字でも入力できます' : parsed.ok ? `→ ${parsed.value}` : parsed.reason}
        </p>
        <div className="button-row">
          <button className="btn btn-primary btn-big" type="submit" disabled={text.trim() === ''}>
            表示 <Key k="Enter" />
          </button>
          <button className="btn" type="button" onClick={closeDialog}>
            キャンセル <Key k="Esc" />
          </button>
        </div>
      </form>
    </Modal>
  );
}
