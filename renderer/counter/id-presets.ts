// The document sets most residents bring, one digit key each in the ID check (1 = 運転免許証, …): a person
// coming for their own card with one of these and their PINs set is the common handover, so picking the set
// and recording take two keys. A preset only ticks what the clerk could tick by hand; whether it suffices is
// still `checkIdentity`'s to say (shared/counter/id-documents.ts), and any tick can be changed afterwards.
import type { IdDraft } from '../stores/ui-store';

interface IdPreset {
  readonly digit: number;
  /** What the clerk reads beside the digit. */
  readonly label: string;
  readonly documents: readonly string[];
}

export const ID_PRESETS: readonly IdPreset[] = [
  { digit: 1, label: '運転免許証', documents: ['drivers-license'] },
  { digit: 2, label: 'パスポート', documents: ['passport'] },
  { digit: 3, label: '在留カード', documents: ['residence-card'] },
  { digit: 4, label: '保険証＋年金手帳', documents: ['health-insurance', 'pension-book'] },
];

/** The resident in person with these documents, PINs set; returned cards (通知カード…) stay as ticked. */
export function applyPreset(draft: IdDraft, preset: IdPreset): IdDraft {
  return {
    ...draft,
    path: 'self',
    documents: [...preset.documents],
    proxyReason: null,
    proxyLetter: null,
    proxyDocuments: [],
    pin: 'pins-set',
  };
}
