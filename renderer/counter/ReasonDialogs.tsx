// 交付できない (refusal, any clerk) and 交付を取り消す (undo, venue lead only): both need a reason, and both
// act on the card the dialog was opened for, never on whatever is on screen.
import { LeadApproval } from './LeadApproval';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CardView, ScanOutcome } from '../../shared/counter/outcomes';
import { Key } from '../components/Key';
import { DateText } from '../components/DateText';
import { Modal } from '../components/Modal';
import { tokyoDateTime } from '../format/dates';
import { useCounterStore } from '../stores/counter-store';
import { useUiStore } from '../stores/ui-store';
import { CardDetails } from './CardDetails';
import { PendingScans } from './PendingScans';
import { SubmitWait } from './SubmitWait';

const REFUSAL_PRESETS = [
  { id: 'id-insufficient', label: '本人確認書類が不足' },
  { id: 'proxy-unproven', label: '代理権を確認できない' },
  { id: 'mismatch', label: '記載内容が本人と一致しない' },
  { id: 'declined', label: '本人が受け取りを辞退' },
  { id: 'other', label: 'その他' },
] as const;
const MAX_REASON = 200;

/** Preset label, then the clerk's words: what main records as the reason. */
function refusalReason(preset: string | null, text: string): string {
  const label = REFUSAL_PRESETS.find((p) => p.id === preset)?.label;
  const words = text.trim();
  const joined = label && preset !== 'other' ? (words ? `${label}：${words}` : label) : words;
  return joined.slice(0, MAX_REASON);
}

/** Enter in a reason field never submits: a keyboard scanner typing into it must not record anything. */
const ctrlEnter = (action: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' && e.ctrlKey) {
    e.preventDefault();
    action();
  }
};

export function RefuseDialog({ card }: { readonly card: CardView }) {
  const draft = useUiStore((s) => s.refuseDraft);
  const update = useUiStore((s) => s.updateRefuseDraft);
  const dialogError = useUiStore((s) => s.dialogError);
  const submitting = useUiStore((s) => s.submitting);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const refuse = useCounterStore((s) => s.refuse);
  const reason = refusalReason(draft.preset, draft.text);
  const missing =
    draft.preset === null
      ? '理由を選んでください'
      : draft.preset === 'other' && draft.text.trim() === ''
        ? '「その他」の理由を入力してください'
        : null;
  const submit = () => {
    if (missing === null && !submitting) void refuse(card, reason);
  };
  return (
    <Modal title="交付できない" onCancel={closeDialog} className="modal-wide modal-reason" testId="refuse-dialog">
      <PendingScans />
      <div className="reason-who">
        <CardDetails card={card} compact />
        <p className="hint">カードは交付待ちのまま残ります。記録されるのは理由だけです。</p>
        {missing && (
          <p className="verdict verdict-missing" role="status">
            {missing}
          </p>
        )}
      </div>
      <div className="reason-form" onKeyDown={ctrlEnter(submit)}>
        <fieldset className="group">
          <legend className="group-legend">理由</legend>
          <div className="choices" role="radiogroup">
            {REFUSAL_PRESETS.map((p, i) => (
              <label key={p.id} className="choice">
                <input
                  type="radio"
                  name="refusal-preset"
                  value={p.id}
                  checked={draft.preset === p.id}
                  onChange={() => update({ preset: p.id })}
                  data-autofocus={(draft.preset === null ? i === 0 : draft.preset === p.id) ? '' : undefined}
                />
                <span>{p.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span className="field-label">詳しい理由（任意、「その他」は必須）</span>
          <textarea
            className="field-input"
            name="refusal-text"
            rows={2}
            maxLength={MAX_REASON}
            value={draft.text}
            onChange={(e) => update({ text: e.target.value })}
          />
        </label>
        <LeadApproval />
        {dialogError && (
          <p className="form-error" role="alert">
            {dialogError}
          </p>
        )}
        <SubmitWait />
        <div className="button-row">
          <button className="btn btn-danger btn-big" type="button" disabled={missing !== null || submitting} onClick={submit}>
            交付できないとして記録 <Key k="Ctrl+Enter" />
          </button>
          <button className="btn" type="button" onClick={closeDialog}>
            キャンセル <Key k="Esc" />
          </button>
        </div>
      </div>
    </Modal>
  );
}

type Handover = Extract<ScanOutcome, { kind: 'already-handed-over' }>['handover'];

export function UndoDialog({ card, handover }: { readonly card: CardView; readonly handover: Handover }) {
  const reason = useUiStore((s) => s.undoReason);
  const setReason = useUiStore((s) => s.setUndoReason);
  const dialogError = useUiStore((s) => s.dialogError);
  const submitting = useUiStore((s) => s.submitting);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const undo = useCounterStore((s) => s.undo);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const missing = reason.trim() === '';
  const submit = () => {
    if (!missing && !submitting) void undo(card, reason.trim().slice(0, MAX_REASON));
  };
  return (
    <Modal title="交付を取り消す（会場責任者）" onCancel={closeDialog} className="modal-wide modal-reason" testId="undo-dialog">
      <PendingScans />
      <div className="reason-who">
        <CardDetails card={card} compact />
        <dl className="outcome-facts outcome-facts-small">
          <dt>交付日時</dt>
          <dd>
            <DateText>{tokyoDateTime(handover.at)}</DateText>
          </dd>
          <dt>交付窓口</dt>
          <dd title={handover.stationId}>{handover.stationName}</dd>
          <dt>担当</dt>
          <dd title={handover.actor}>{handover.actorName}</dd>
        </dl>
        <p className="hint">取り消すと、このカードは交付待ちに戻ります。取消は記録に残ります。</p>
      </div>
      <div className="reason-form" onKeyDown={ctrlEnter(submit)}>
        <label className="field">
          <span className="field-label">取り消す理由（必須）</span>
          <textarea
            ref={ref}
            className="field-input"
            name="undo-reason"
            rows={2}
            maxLength={MAX_REASON}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {dialogError && (
          <p className="form-error" role="alert">
            {dialogError}
          </p>
        )}
        <SubmitWait />
        <div className="button-row">
          <button className="btn btn-danger btn-big" type="button" disabled={missing || submitting} onClick={submit}>
            交付を取り消す <Key k="Ctrl+Enter" />
          </button>
          <button className="btn" type="button" onClick={closeDialog}>
            キャンセル <Key k="Esc" />
          </button>
        </div>
      </div>
    </Modal>
  );
}
