// The ID check's inputs: boxes, radios, a choice list for the proxy's reason and letter, and the document
// picker (photo and non-photo lists side by side). The lists are the shared data (shared/counter/id-documents.ts).
import { documentsSuffice, OTHER_ID_DOCUMENTS, PHOTO_ID_DOCUMENTS } from '../../shared/counter/id-documents';
import type { IdDraft } from '../stores/ui-store';

type Option = { readonly id: string; readonly label: string };

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? (list.includes(id) ? [...list] : [...list, id]) : list.filter((x) => x !== id);
}

export function Checkboxes({
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

export function Radios({
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

/** One of a list, as a drop-down: the proxy's reason and letter, eight and three long labels in one line each. */
export function Choice({
  name,
  label,
  options,
  value,
  onChange,
}: {
  name: string;
  label: string;
  options: readonly Option[];
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  return (
    <label className="id-select">
      <span className="group-legend">{label}</span>
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">選んでください</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One photo ID, or two without a photo: both lists side by side, each with its count. The legend (whose
 *  documents) is for screen readers; on screen the dialog's layout says it. */
export function DocumentPicker({
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
    <fieldset className="group doc-picker">
      <legend className="group-legend">{legend}</legend>
      <div className="doc-columns">
        <fieldset className="subgroup">
          <legend>
            写真付き（1点で可）<span className="group-count">選択 {photos}点</span>
          </legend>
          <Checkboxes name={`${name}-photo`} options={PHOTO_ID_DOCUMENTS} value={value} onChange={onChange} />
        </fieldset>
        <fieldset className="subgroup">
          <legend>
            写真なし（2点必要）<span className="group-count">選択 {others}点</span>
          </legend>
          <Checkboxes name={`${name}-other`} options={OTHER_ID_DOCUMENTS} value={value} onChange={onChange} />
        </fieldset>
      </div>
    </fieldset>
  );
}

/** Proxy path: whose documents the picker below shows, each with what is ticked and whether it suffices. */
export function DocumentTabs({
  shown,
  onShow,
  draft,
}: {
  shown: 'resident' | 'proxy';
  onShow: (who: 'resident' | 'proxy') => void;
  draft: IdDraft;
}) {
  const tabs = [
    { who: 'resident', label: '本人（申請者）の書類', docs: draft.documents },
    { who: 'proxy', label: '代理人の書類', docs: draft.proxyDocuments },
  ] as const;
  return (
    <div className="doc-tabs" role="tablist" aria-label="本人確認書類">
      {tabs.map((t) => (
        <button
          key={t.who}
          type="button"
          role="tab"
          className="doc-tab"
          aria-selected={shown === t.who}
          data-testid={`doc-tab-${t.who}`}
          onClick={() => onShow(t.who)}
        >
          {t.label}：{t.docs.length}点{documentsSuffice(t.docs) ? ' ✓ 確認済み' : ' … 不足'}
        </button>
      ))}
    </div>
  );
}
