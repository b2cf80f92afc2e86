// 本人確認 and handover. The document lists, proxy reasons, letters, surrendered cards and PIN outcomes are
// the shared data (shared/counter/id-documents.ts); whether they suffice is `checkIdentity`.
import { useEffect } from 'react';
import {
  OTHER_ID_DOCUMENTS,
  PHOTO_ID_DOCUMENTS,
  PIN_OUTCOMES,
  PROXY_LETTERS,
  PROXY_REASONS,
  SURRENDERED_CARDS,
} from '../../shared/counter/id-documents';
import type { CardView } from '../../shared/counter/outcomes';
import { Key } from '../components/Key';
import { Modal } from '../components/Modal';
import { useCounterStore } from '../stores/counter-store';
import { useUiStore, type IdDraft } from '../stores/ui-store';
import { CardDetails } from './CardDetails';
import { draftVerdict } from './id-check-draft';
import { PendingScans } from './PendingScans';

type Option = { readonly id: string; readonly label: string };

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}

function Checkboxes({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <div className="choices">
      {options.map((o) => (
        <label key={o.id} className="choice">
          <input
            type="checkbox"
            name={name}
            value={o.id}
            checked={value.includes(o.id)}
            onChange={(e) => onChange(toggle(value, o.id, e.target.checked))}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

function Radios({
  name,
  options,
  value,
  onChange,
  autoFocus,
}: {
  name: string;
  options: readonly Option[];
  value: string | null;
  onChange: (v: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <div className="choices" role="radiogroup">
      {options.map((o, i) => (
        <label key={o.id} className="choice">
          <input
            type="radio"
            name={name}
            value={o.id}
            checked={value === o.id}
            onChange={() => onChange(o.id)}
            data-autofocus={autoFocus && (value === null ? i === 0 : value === o.id) ? '' : undefined}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </div>
  );
}

/** One photo ID, or two without a photo: both lists side by side, with a count. */
function DocumentPicker({
  legend,
  name,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
}) {
  const photos = value.filter((v) => PHOTO_ID_DOCUMENTS.some((d) => d.id === v)).length;
  const others = value.length - photos;
  return (
    <fieldset className="group">
      <legend className="group-legend">
        {legend}
        <span className="group-count">
          （選択中：写真付き {photos}点・写真なし {others}点）
        </span>
      </legend>
      <div className="doc-columns">
        <fieldset className="subgroup">
          <legend>写真付き（1点で可）</legend>
          <Checkboxes name={`${name}-photo`} options={PHOTO_ID_DOCUMENTS} value={value} onChange={onChange} />
        </fieldset>
        <fieldset className="subgroup">
          <legend>写真なし（2点必要）</legend>
          <Checkboxes name={`${name}-other`} options={OTHER_ID_DOCUMENTS} value={value} onChange={onChange} />
        </fieldset>
      </div>
    </fieldset>
  );
}

const PATHS: readonly Option[] = [
  { id: 'self', label: '本人' },
  { id: 'proxy', label: '代理人' },
];

export function IdCheckDialog({ card }: { readonly card: CardView }) {
  const draft = useUiStore((s) => s.idDraft);
  const update = useUiStore((s) => s.updateIdDraft);
  const dialogError = useUiStore((s) => s.dialogError);
  const submitting = useUiStore((s) => s.submitting);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const handover = useCounterStore((s) => s.handover);
  const verdict = draftVerdict(draft);

  const confirm = () => {
    if (verdict.ok && !submitting) void handover(card, verdict.check);
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

  const set = (patch: Partial<IdDraft>) => update(patch);
  return (
    <Modal title="本人確認" onCancel={closeDialog} className="modal-wide" testId="id-check-dialog">
      <PendingScans />
      <CardDetails card={card} compact />
      <div className="id-form">
        <fieldset className="group">
          <legend className="group-legend">来庁者</legend>
          <Radios name="path" options={PATHS} value={draft.path} onChange={(v) => set({ path: v as IdDraft['path'] })} autoFocus />
        </fieldset>
        {draft.path === 'proxy' && (
          <>
            <fieldset className="group">
              <legend className="group-legend">代理人の来庁理由</legend>
              <Radios name="proxy-reason" options={PROXY_REASONS} value={draft.proxyReason} onChange={(v) => set({ proxyReason: v })} />
            </fieldset>
            <fieldset className="group">
              <legend className="group-legend">代理人が持参した書類</legend>
              <Radios name="proxy-letter" options={PROXY_LETTERS} value={draft.proxyLetter} onChange={(v) => set({ proxyLetter: v })} />
            </fieldset>
          </>
        )}
        <DocumentPicker
          legend={draft.path === 'proxy' ? '本人（申請者）の本人確認書類' : '本人確認書類'}
          name="documents"
          value={draft.documents}
          onChange={(v) => set({ documents: v })}
        />
        {draft.path === 'proxy' && (
          <DocumentPicker
            legend="代理人の本人確認書類"
            name="proxy-documents"
            value={draft.proxyDocuments}
            onChange={(v) => set({ proxyDocuments: v })}
          />
        )}
        <fieldset className="group">
          <legend className="group-legend">返納されたカード（あれば）</legend>
          <Checkboxes name="surrendered" options={SURRENDERED_CARDS} value={draft.surrendered} onChange={(v) => set({ surrendered: v })} />
        </fieldset>
        <fieldset className="group">
          <legend className="group-legend">暗証番号</legend>
          <Radios name="pin" options={PIN_OUTCOMES} value={draft.pin} onChange={(v) => set({ pin: v })} />
        </fieldset>
        <p className={verdict.ok ? 'verdict verdict-ok' : 'verdict verdict-missing'} role="status" data-testid="id-verdict">
          {verdict.ok ? '本人確認ができました。交付できます。' : `不足：${verdict.missing}`}
        </p>
        {dialogError && (
          <p className="form-error" role="alert">
            {dialogError}
          </p>
        )}
        <div className="button-row">
          <button className="btn btn-primary btn-big" type="button" onClick={confirm} disabled={!verdict.ok || submitting}>
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
