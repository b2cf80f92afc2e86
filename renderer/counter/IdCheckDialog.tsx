// 本人確認 and handover, in one window without scrolling: the resident in a strip, the common document sets
// on digit keys (1 = 運転免許証 …, id-presets.ts), the document lists side by side, and the verdict with the
// buttons at the bottom. The lists, reasons and letters are the shared data (shared/counter/id-documents.ts);
// whether they suffice is `checkIdentity`.
import { LeadApproval } from './LeadApproval';
import { useEffect, useRef, useState } from 'react';
import { PIN_OUTCOMES, PROXY_LETTERS, PROXY_REASONS, SURRENDERED_CARDS } from '../../shared/counter/id-documents';
import type { CardView } from '../../shared/counter/outcomes';
import { Key } from '../components/Key';
import { Modal } from '../components/Modal';
import { playCue } from '../sound/cues';
import { useCounterStore } from '../stores/counter-store';
import { useUiStore, type IdDraft } from '../stores/ui-store';
import { CardDetails } from './CardDetails';
import { installDigitKeys } from './digit-keys';
import { draftVerdict, type IdField } from './id-check-draft';
import { applyPreset, ID_PRESETS } from './id-presets';
import { Checkboxes, Choice, DocumentPicker, DocumentTabs, Radios } from './IdChoices';
import { PendingScans } from './PendingScans';
import { SubmitWait } from './SubmitWait';

const PATHS = [
  { id: 'self', label: '本人' },
  { id: 'proxy', label: '代理人' },
] as const;

/** The first input of the part of the form that is missing something. */
const FIELD_SELECTOR: Record<IdField, string> = {
  'proxy-reason': 'select[name="proxy-reason"]',
  'proxy-letter': 'select[name="proxy-letter"]',
  documents: 'input[name="documents-photo"]',
  'proxy-documents': 'input[name="proxy-documents-photo"]',
  pin: 'input[name="pin"]',
};

export function IdCheckDialog({ card }: { readonly card: CardView }) {
  const draft = useUiStore((s) => s.idDraft);
  const update = useUiStore((s) => s.updateIdDraft);
  const dialogError = useUiStore((s) => s.dialogError);
  const submitting = useUiStore((s) => s.submitting);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const handover = useCounterStore((s) => s.handover);
  const verdict = draftVerdict(draft);
  const form = useRef<HTMLDivElement>(null);
  // On the proxy path one person's documents are shown at a time (both lists at once do not fit the window).
  const [docsOf, setDocsOf] = useState<'resident' | 'proxy'>('resident');
  const [focusField, setFocusField] = useState<{ field: IdField } | null>(null);
  useEffect(() => {
    if (focusField) form.current?.querySelector<HTMLElement>(FIELD_SELECTOR[focusField.field])?.focus();
  }, [focusField]);
  // What Ctrl+Enter (or the button) found missing: said beside the button until the next tick changes the draft.
  const [attempt, setAttempt] = useState<{ missing: string; draft: IdDraft } | null>(null);
  const attempted = attempt?.draft === draft ? attempt.missing : null;

  // Reads the store, not this render: a digit's preset may have landed a moment before Ctrl+Enter.
  const confirm = () => {
    const ui = useUiStore.getState();
    if (ui.submitting) return;
    const v = draftVerdict(ui.idDraft);
    if (v.ok) return void handover(card, v.check);
    setAttempt({ missing: v.missing, draft: ui.idDraft });
    playCue('error');
    if (v.field === 'documents' || v.field === 'proxy-documents') setDocsOf(v.field === 'documents' ? 'resident' : 'proxy');
    setFocusField({ field: v.field }); // focused once the list it is in has rendered
  };
  const refuse = () =>
    openDialog({ kind: 'refuse', card }, verdict.ok ? undefined : { refusePreset: 'id-insufficient', refuseText: verdict.missing });

  // Handing over needs an explicit press: the button, or Ctrl+Enter from anywhere in the dialog (a plain
  // Enter on a checkbox does nothing, so it cannot hand a card over by accident).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && e.ctrlKey) {
        e.preventDefault();
        confirm();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  useEffect(
    () =>
      installDigitKeys(
        ID_PRESETS.map((p) => p.digit),
        (digit) => {
          const preset = ID_PRESETS.find((p) => p.digit === digit);
          const ui = useUiStore.getState();
          if (preset) ui.updateIdDraft(applyPreset(ui.idDraft, preset));
        },
      ),
    [],
  );

  const set = (patch: Partial<IdDraft>) => update(patch);
  const proxy = draft.path === 'proxy';
  return (
    <Modal title="本人確認" onCancel={closeDialog} className="modal-wide modal-id" testId="id-check-dialog">
      <PendingScans corner />
      <div className="id-check" ref={form}>
        <CardDetails card={card} compact />
        <div className="id-row">
          <fieldset className="group group-inline">
            <legend className="group-legend">来庁者</legend>
            <Radios name="path" options={PATHS} value={draft.path} onChange={(v) => set({ path: v as IdDraft['path'] })} autoFocus />
          </fieldset>
          {proxy ? (
            <>
              <Choice
                name="proxy-reason"
                label="代理人の来庁理由"
                options={PROXY_REASONS}
                value={draft.proxyReason}
                onChange={(v) => set({ proxyReason: v })}
              />
              <Choice
                name="proxy-letter"
                label="代理人が持参した書類"
                options={PROXY_LETTERS}
                value={draft.proxyLetter}
                onChange={(v) => set({ proxyLetter: v })}
              />
            </>
          ) : (
            <fieldset className="group group-inline id-presets">
              <legend className="group-legend">よく使う組合せ（数字キー・暗証番号設定済み）</legend>
              {ID_PRESETS.map((p) => (
                <button key={p.digit} type="button" className="preset" onClick={() => update(applyPreset(draft, p))}>
                  <kbd className="key">{p.digit}</kbd>
                  {p.label}
                </button>
              ))}
            </fieldset>
          )}
        </div>
        {proxy && <DocumentTabs shown={docsOf} onShow={setDocsOf} draft={draft} />}
        {proxy && docsOf === 'proxy' ? (
          <DocumentPicker
            legend="代理人の本人確認書類"
            name="proxy-documents"
            value={draft.proxyDocuments}
            onChange={(v) => set({ proxyDocuments: v })}
          />
        ) : (
          <DocumentPicker
            legend={proxy ? '本人（申請者）の本人確認書類' : '本人確認書類'}
            name="documents"
            value={draft.documents}
            onChange={(v) => set({ documents: v })}
          />
        )}
        <div className="id-row">
          <fieldset className="group group-inline">
            <legend className="group-legend">暗証番号</legend>
            <Radios name="pin" options={PIN_OUTCOMES} value={draft.pin} onChange={(v) => set({ pin: v })} />
          </fieldset>
          <fieldset className="group group-inline">
            <legend className="group-legend">返納されたカード（あれば）</legend>
            <Checkboxes
              name="surrendered"
              options={SURRENDERED_CARDS}
              value={draft.surrendered}
              onChange={(v) => set({ surrendered: v })}
            />
          </fieldset>
        </div>
        <LeadApproval />
        {dialogError && (
          <p className="form-error" role="alert">
            {dialogError}
          </p>
        )}
        <SubmitWait />
        {/* The verdict sits just left of 交付する; after a Ctrl+Enter that could not record, it names the missing item there. */}
        <div className="button-row id-buttons">
          {dialogError ? null : attempted ? (
            <p className="confirm-missing" id="confirm-missing" role="alert" data-testid="confirm-missing">
              ✕ {attempted}
            </p>
          ) : (
            <p className={verdict.ok ? 'verdict verdict-ok' : 'verdict verdict-missing'} role="status" data-testid="id-verdict">
              {verdict.ok ? '本人確認ができました。交付できます。' : `不足：${verdict.missing}`}
            </p>
          )}
          <button
            className="btn btn-primary btn-big"
            type="button"
            onClick={confirm}
            aria-disabled={!verdict.ok || submitting}
            aria-describedby={attempted ? 'confirm-missing' : undefined}
          >
            交付する <Key k="Ctrl+Enter" />
          </button>
          <button className="btn btn-danger" type="button" onClick={refuse} disabled={submitting}>
            交付できない
          </button>
          <button className="btn" type="button" onClick={closeDialog}>
            キャンセル <Key k="Esc" />
          </button>
        </div>
      </div>
    </Modal>
  );
}
