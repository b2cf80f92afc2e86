// The outcome of a scan, full window: colour, headline and sound differ per outcome.
import { useLayoutEffect } from 'react';
import type { ScanOutcome } from '../../shared/counter/outcomes';
import { DateText } from '../components/DateText';
import { Key } from '../components/Key';
import { tokyoDateTime } from '../format/dates';
import { useConnectionStore } from '../stores/connection-store';
import { useCounterStore, type ShownOutcome } from '../stores/counter-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { BirthDate, CardDetails } from './CardDetails';
import { measureScanToPaint } from './scan-timing';
import { CARD_STATE_LABELS, SHIPMENT_RECEIPT_LABELS } from '../../shared/glossary';

const OUTCOME_HEADLINES: Record<ScanOutcome['kind'], string> = {
  ok: '交付できます',
  'already-handed-over': '交付済み',
  'other-venue': '別の会場のカードです',
  'not-in-ledger': '台帳にない番号です',
  // Said per reason below (notReceivedHeadline): a card the lead recorded as 未着, or one whose box is unchecked.
  'not-received': '交付できません',
  returned: '事務センターへ返戻済みです',
  damaged: '破損のため交付できません',
  malformed: '予約管理番号として読み取れません',
};

/**
 * A card not received, said truly (issue 12's trial found a 未着 card described as an unchecked box): the lead
 * recorded that this card did not arrive, or its shipment's box has not been through the receipt check yet.
 * The words are the glossary's (未着, 受領確認前); each says what to do, since the two are settled differently.
 */
const NOT_RECEIVED = {
  'card-missing': {
    headline: `${CARD_STATE_LABELS['not-received']}のカードです`,
    why: (shipmentId: string) => `このカードは、出荷（${shipmentId}）の受領確認で会場に届いていない（未着）と記録されています。`,
    todo: 'お渡しできません。会場責任者に連絡してください（見つかれば、訂正で受領を記録してお渡しできます）。',
  },
  'shipment-unconfirmed': {
    headline: `${SHIPMENT_RECEIPT_LABELS.unchecked}の出荷のカードです`,
    why: (shipmentId: string) => `このカードの出荷（${shipmentId}）は、まだ会場で受領確認されていません。`,
    todo: 'いまはお渡しできません。会場責任者に受領確認（F4 → 受領確認）を頼んでください。済めばお渡しできます。',
  },
} as const;

export function OutcomeView({ shown }: { readonly shown: ShownOutcome }) {
  const { outcome } = shown;
  // Scans that waited come next, one at a time: the footer then says how to reach them, not to scan on.
  const backlog = useCounterStore((s) => s.backlog);
  useLayoutEffect(() => {
    if (shown.startedAt !== null && shown.endedAt !== null) measureScanToPaint(shown.startedAt, shown.endedAt);
  }, [shown.seq, shown.startedAt, shown.endedAt]);

  return (
    <section className={`outcome outcome-${outcome.kind}`} data-testid="outcome" data-kind={outcome.kind} aria-live="assertive">
      <h1 className="outcome-headline" data-testid="outcome-headline">
        {outcome.kind === 'not-received' ? NOT_RECEIVED[outcome.because].headline : OUTCOME_HEADLINES[outcome.kind]}
      </h1>
      <OutcomeBody outcome={outcome} />
      <p className="outcome-footer" data-testid="outcome-footer">
        {backlog ? (
          <>
            保留中のスキャンがあります（
            <Key k="Esc" /> で次を表示）
          </>
        ) : (
          <>
            次のバーコードをそのままスキャンできます（
            <Key k="Esc" /> で待受に戻る）
          </>
        )}
      </p>
    </section>
  );
}

function OutcomeBody({ outcome }: { readonly outcome: ScanOutcome }) {
  const openDialog = useUiStore((s) => s.openDialog);
  const isLead = useSessionStore((s) => s.session?.role === 'lead');
  switch (outcome.kind) {
    case 'ok':
      return (
        <>
          <CardDetails card={outcome.card} />
          <div className="outcome-actions">
            <button className="btn btn-primary btn-big" type="button" onClick={() => openDialog({ kind: 'id-check', card: outcome.card })}>
              本人確認へ <Key k="Enter" />
            </button>
            <button className="btn btn-big" type="button" onClick={() => openDialog({ kind: 'refuse', card: outcome.card })}>
              交付できない <Key k="F8" />
            </button>
          </div>
        </>
      );
    case 'already-handed-over':
      // When, where and by whom on the left, with the lead's undo under them (it acts on that handover); the
      // resident on the right, the birth date a line of its own so it wraps only between its two dates.
      return (
        <div className="outcome-split">
          <div>
            <dl className="outcome-facts" data-testid="handover-facts">
              <dt>交付日時</dt>
              <dd data-testid="handover-at">
                <DateText>{tokyoDateTime(outcome.handover.at)}</DateText>
              </dd>
              <dt>交付窓口</dt>
              <dd data-testid="handover-station" title={outcome.handover.stationId}>
                {outcome.handover.stationName}
              </dd>
              <dt>担当</dt>
              <dd data-testid="handover-actor" title={outcome.handover.actor}>
                {outcome.handover.actorName}
              </dd>
            </dl>
            {isLead && (
              <div className="outcome-actions">
                <button
                  className="btn btn-big"
                  type="button"
                  onClick={() => openDialog({ kind: 'undo', card: outcome.card, handover: outcome.handover })}
                >
                  交付を取り消す <Key k="F6" />
                </button>
              </div>
            )}
          </div>
          <div className="card card-compact">
            <p className="card-kana">{outcome.card.kana}</p>
            <p className="card-name" data-testid="card-name">
              {outcome.card.name}
            </p>
            <p className="card-line" data-testid="card-birth">
              生年月日 <BirthDate iso={outcome.card.birthDate} />
            </p>
            <p className="card-line mono">{outcome.card.reservationNo}</p>
          </div>
        </div>
      );
    case 'other-venue':
      return (
        <div className="outcome-message">
          <p>この方のカードは次の会場でお渡しします：</p>
          <p className="outcome-venue" data-testid="other-venue-name">
            {outcome.venue.name}
          </p>
          <p className="outcome-place" data-testid="other-venue-place">
            {outcome.venue.place}
          </p>
          <p className="mono">{outcome.reservationNo}</p>
        </div>
      );
    case 'not-in-ledger':
      return (
        <div className="outcome-message">
          <p className="outcome-code mono" data-testid="outcome-code">
            {outcome.reservationNo}
          </p>
          <p>どの会場の台帳にもありません。通知書の番号を確かめるか、検索（F3）してください。</p>
        </div>
      );
    case 'not-received':
      return (
        <div className="outcome-message">
          <p className="outcome-code mono" data-testid="outcome-code">
            {outcome.reservationNo}
          </p>
          <p data-testid="not-received-why">{NOT_RECEIVED[outcome.because].why(outcome.shipmentId)}</p>
          <p data-testid="not-received-todo">{NOT_RECEIVED[outcome.because].todo}</p>
        </div>
      );
    case 'returned':
      return (
        <div className="outcome-message">
          <p className="outcome-code mono" data-testid="outcome-code">
            {outcome.reservationNo}
          </p>
          <p>
            受取期限を過ぎたため、このカードは <DateText>{tokyoDateTime(outcome.at)}</DateText> に事務センターへ返戻しました。
          </p>
          <p>再発行の手続きをコールセンターにご案内ください。</p>
        </div>
      );
    case 'damaged':
      return (
        <div className="outcome-message">
          <p className="outcome-code mono" data-testid="outcome-code">
            {outcome.reservationNo}
          </p>
          <p>
            このカードは <DateText>{tokyoDateTime(outcome.at)}</DateText> に破損として記録されました。お渡しできません。
          </p>
          <p>会場責任者に連絡してください（カードは事務センターへ返戻し、再発行になります）。</p>
        </div>
      );
    case 'malformed':
      return (
        <div className="outcome-message">
          <p>読み取った内容：</p>
          <p className="outcome-code mono" data-testid="outcome-code">
            {outcome.shown || '（空）'}
          </p>
          <p>もう一度スキャンするか、番号入力（F2）で入力してください。</p>
        </div>
      );
  }
}

export function IdleView() {
  const notice = useCounterStore((s) => s.notice);
  const lost = useConnectionStore((s) => s.lostAt !== null);
  // Nothing can be looked up or recorded: the screen must not invite the next scan as if it could.
  if (lost)
    return (
      <section className="idle idle-lost" data-testid="idle" role="alert">
        <h1 className="idle-headline">窓口サービスと通信できません</h1>
        <p className="idle-sub">スキャンした番号は保留し、通信が戻ったら表示します。交付の記録はできません。</p>
        <p className="idle-sub">続くときは会場責任者に連絡してください</p>
      </section>
    );
  return (
    <section className="idle" data-testid="idle">
      <h1 className="idle-headline">バーコードをスキャンしてください</h1>
      <p className="idle-sub">交付通知書（はがき）の予約管理番号のバーコードを読み取ります</p>
      {notice === null && <p className="idle-sub">番号入力 F2・検索 F3</p>}
    </section>
  );
}
