// Ticks → IdCheck, and what is still missing. The rules themselves are shared/counter/id-documents.ts
// (`checkIdentity`, the same function main runs before recording); this only adds "nothing chosen yet" and
// which part of the form the missing item is in, so Ctrl+Enter can take the clerk there.
import { checkIdentity, documentsSuffice, type IdCheck } from '../../shared/counter/id-documents';
import type { IdDraft } from '../stores/ui-store';

/** The form's parts, by the `name` of their inputs. */
export type IdField = 'proxy-reason' | 'proxy-letter' | 'documents' | 'proxy-documents' | 'pin';

export type DraftVerdict = { ok: true; check: IdCheck } | { ok: false; missing: string; field: IdField; check: null };

function toIdCheck(d: IdDraft): IdCheck | null {
  if (d.pin === null) return null;
  const proxy =
    d.path === 'proxy' && d.proxyReason !== null && d.proxyLetter !== null
      ? ({ reason: d.proxyReason, letter: d.proxyLetter, documents: d.proxyDocuments } as NonNullable<IdCheck['proxy']>)
      : null;
  return {
    path: d.path,
    documents: d.documents,
    proxy,
    surrendered: d.surrendered as IdCheck['surrendered'],
    pin: d.pin as IdCheck['pin'],
  };
}

/** Where checkIdentity's complaint lies: it judges the proxy's documents, then the resident's, then the letter. */
function fieldOf(d: IdDraft): IdField {
  if (d.path === 'proxy' && !documentsSuffice(d.proxyDocuments)) return 'proxy-documents';
  if (!documentsSuffice(d.documents)) return 'documents';
  return 'proxy-letter';
}

export function draftVerdict(d: IdDraft): DraftVerdict {
  if (d.path === 'proxy') {
    if (d.proxyReason === null) return { ok: false, missing: '代理人の来庁理由を選んでください', field: 'proxy-reason', check: null };
    if (d.proxyLetter === null)
      return {
        ok: false,
        missing: '代理人が持参した書類（照会書・委任状・法定代理人の証明）を選んでください',
        field: 'proxy-letter',
        check: null,
      };
  }
  // Judge the documents with the shared rules before asking for the PIN result, so the clerk sees first
  // what matters most.
  const probe = toIdCheck({ ...d, pin: d.pin ?? 'pins-set' });
  const verdict = probe ? checkIdentity(probe) : { ok: false as const, reason: '入力が不足しています' };
  if (!verdict.ok) return { ok: false, missing: verdict.reason, field: fieldOf(d), check: null };
  const check = toIdCheck(d);
  if (check === null) return { ok: false, missing: '暗証番号の設定結果を選んでください', field: 'pin', check: null };
  return { ok: true, check };
}
