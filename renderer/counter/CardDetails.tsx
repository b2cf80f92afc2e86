import type { CardView } from '../../shared/counter/outcomes';
import { warekiDate, westernDate } from '../format/dates';
import { DateText } from '../components/DateText';

/** Western, then 和暦 (as on most IDs): where the line is short it wraps between the two, never inside one. */
export function BirthDate({ iso }: { readonly iso: string }) {
  const wareki = warekiDate(iso);
  return (
    <>
      <DateText>{westernDate(iso)}</DateText>
      {wareki && (
        <span className="wareki">
          <DateText>{`（${wareki}）`}</DateText>
        </span>
      )}
    </>
  );
}

/** The resident as the clerk compares them with the ID: name first and biggest. In full (the OK result) the
 *  facts sit two to a row where they are short, so the result fits the window. */
export function CardDetails({ card, compact = false }: { readonly card: CardView; readonly compact?: boolean }) {
  const number = (
    <>
      <dt>予約管理番号</dt>
      <dd className="mono" data-testid="card-number">
        {card.reservationNo}
      </dd>
    </>
  );
  return (
    <div className={compact ? 'card card-compact' : 'card card-full'}>
      <p className="card-kana" data-testid="card-kana">
        {card.kana}
      </p>
      <p className="card-name" data-testid="card-name">
        {card.name}
      </p>
      <dl className="card-facts">
        <dt>生年月日</dt>
        <dd data-testid="card-birth" className="wide">
          <BirthDate iso={card.birthDate} />
        </dd>
        {compact ? (
          number
        ) : (
          <>
            <dt>住所</dt>
            <dd className="wide">{card.address}</dd>
            <dt>通知種別</dt>
            <dd>{card.noticeType}</dd>
            {number}
            <dt>出荷</dt>
            <dd className="wide">
              {card.shipmentId}（発送 <DateText>{westernDate(card.shippedOn)}</DateText>）
            </dd>
          </>
        )}
      </dl>
      {card.refusals > 0 && !compact && <p className="card-warning">過去に {card.refusals} 回、交付できなかった記録があります</p>}
    </div>
  );
}
