// 訂正: scan or type a card's number, see its state, pick the correction, give the reason, record it.
import { useEffect, useRef, type FormEvent } from 'react';
import { CORRECTION_LABELS, useCorrectionsStore, type CorrectionKind } from '../stores/corrections-store';
import type { ScanOutcome } from '../../shared/counter/outcomes';
import { CARD_STATE_LABELS as S } from '../../shared/glossary';

const STATE_TEXT: Record<ScanOutcome['kind'], string> = {
  ok: S.outstanding,
  'already-handed-over': S['handed-over'],
  'other-venue': '別の会場のカード',
  'not-in-ledger': 'この会場の台帳にない番号',
  'not-received': `${S['not-received']}（受領の記録がない）`,
  returned: S.returned,
  damaged: `${S.damaged}（交付できない）`,
  malformed: '読み取れない番号',
};

/** Which corrections make sense for a card in this state (main checks again). */
function kindsFor(card: ScanOutcome): CorrectionKind[] {
  switch (card.kind) {
    case 'ok':
      return ['damaged', 'not-received'];
    case 'already-handed-over':
      return ['undo', 'damaged'];
    case 'not-received':
      return ['received', 'damaged'];
    case 'returned':
      return ['damaged'];
    case 'damaged':
      return ['not-damaged', 'not-received'];
    default:
      return [];
  }
}

export function CorrectionsPage() {
  const s = useCorrectionsStore();
  // A card looked up: its whole form, down to 訂正を記録する, is brought into view (the page scrolls on a small screen).
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    card.current?.scrollIntoView({ block: 'end' });
  }, [s.card]);
  const kinds = s.card ? kindsFor(s.card) : [];
  const onLookUp = (e: FormEvent) => {
    e.preventDefault();
    void s.lookUp();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit();
  };
  return (
    <section className="lead-page" data-testid="corrections-page" aria-labelledby="corrections-title">
      <h1 id="corrections-title">訂正（理由の記録が必要です）</h1>
      <form className="inline-form" onSubmit={onLookUp}>
        <label className="field-label" htmlFor="correction-number">
          予約管理番号（スキャンまたは入力）
        </label>
        <input
          id="correction-number"
          className="mono"
          value={s.number}
          autoFocus
          autoComplete="off"
          onChange={(e) => s.setNumber(e.currentTarget.value)}
        />
        <button className="btn" type="submit" disabled={s.busy}>
          照会
        </button>
      </form>
      {s.message && (
        <p className="verdict verdict-ok" role="status" data-testid="correction-done">
          {s.message}
        </p>
      )}
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.card && (
        <div className="correction-card" data-testid="correction-card" ref={card}>
          <p className="correction-state">
            {'card' in s.card
              ? `${s.card.card.name}（${s.card.card.reservationNo}）`
              : 'reservationNo' in s.card
                ? s.card.reservationNo
                : ''}
            ：<strong>{STATE_TEXT[s.card.kind]}</strong>
          </p>
          {kinds.length === 0 ? (
            <p>このカードに記録できる訂正はありません。</p>
          ) : (
            <form onSubmit={onSubmit}>
              <fieldset className="choices">
                <legend>訂正の種類</legend>
                {kinds.map((k) => (
                  <label key={k} className="choice">
                    <input type="radio" name="correction-kind" checked={s.kind === k} onChange={() => s.setKind(k)} />{' '}
                    {CORRECTION_LABELS[k]}
                  </label>
                ))}
              </fieldset>
              <label className="field-label" htmlFor="correction-reason">
                理由（必須）
              </label>
              <textarea
                id="correction-reason"
                value={s.reason}
                maxLength={200}
                rows={2}
                onChange={(e) => s.setReason(e.currentTarget.value)}
              />
              <div className="button-row">
                <button className="btn btn-primary" type="submit" disabled={s.busy}>
                  訂正を記録する
                </button>
              </div>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
