// Which order the shipment ledger prints in: the one agreed with the ward (町丁目, then number) or by number.
import type { LedgerOrder } from '../../shared/print/ledger-print';

export type { LedgerOrder };

export function LedgerOrderSelect({
  id,
  value,
  onChange,
}: {
  readonly id: string;
  readonly value: LedgerOrder;
  readonly onChange: (order: LedgerOrder) => void;
}) {
  return (
    <label className="field-label" htmlFor={id}>
      台帳の印刷順{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value === 'reservation' ? 'reservation' : 'town')}>
        <option value="town">町丁目順（区との取り決め）</option>
        <option value="reservation">予約管理番号順</option>
      </select>
    </label>
  );
}
