import type { CardView } from '../../shared/counter/outcomes';
import { warekiDate, westernDate } from '../format/dates';

export function BirthDate({ iso }: { readonly iso: string }) {
  const wareki = warekiDate(iso);
  return (
    <>
      {westernDate(iso)}
      {wareki && <span className="wareki">（{wareki}）</span>}
    </>
  );
}

/** The resident as the clerk compares them with the ID: name first and biggest. */
export function CardDetails({ card, compact = false }: { readonly card: CardView; readonly compact?: boolean }) {
  return (
    <div className={compact ? 'card card-compact' : 'card'}>
      <p className="card-kana" data-testid="card-kana">
        {card.kana}
      </p>
      <p className="card-name" data-testid="card-name">
        {card.name}
      </p>
      <dl className="card-facts">
        <dt>生年月日</dt>
        <dd data-testid="card-birth">
          <BirthDate iso={card.birthDate} />
        </dd>
        {!compact && (
          <>
            <dt>住所</dt>
            <dd>{card.address}</dd>
            <dt>通知種別</dt>
            <dd>{card.noticeType}</dd>
            <dt>出荷</dt>
            <dd>
              {card.shipmentId}（発送 {westernDate(card.shippedOn)}）
            </dd>
          </>
        )}
        <dt>予約管理番号</dt>
        <dd className="mono" data-testid="card-number">
          {card.reservationNo}
        </dd>
      </dl>
      {card.refusals > 0 && !compact && <p className="card-warning">過去に {card.refusals} 回、交付できなかった記録があります</p>}
    </div>
  );
}
