// The 未受領 list for the re-issue notice print run (再発行用交付通知書, 別紙③ 3): residents whose cards were
// never collected by the deadline (still at the venue, or already returned to HQ; from each venue's card fold),
// joined with the rows HQ shipped. UTF-8 (with BOM, for Excel) or CP932 for the ward's systems; a name CP932 cannot hold is refused
// with its row, never silently turned into "?".
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { VENUES, VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { addDays } from '../../shared/tokyo-date';
import { err, ok, type Result } from '../../shared/result';
import type { Db } from '../db/connection';
import { shippedCardRows, shippedOnLookup } from '../db/queries/hq-cards';
import { venueCards, venueEvents } from './consolidation';
import { orderEvents, ReconciliationFold } from '../../shared/reconciliation/reconcile';
import { stationVenuesUnordered } from '../db/queries/sync-stations';

export type CsvEncoding = 'utf8' | 'cp932';

const UNCOLLECTED_COLUMNS = [
  '予約管理番号',
  '氏名',
  '氏名カナ',
  '生年月日',
  '住所',
  '通知種別',
  '発送日',
  '受取期限',
  '会場',
  '出荷ID',
  '状態',
] as const;

export interface UncollectedList {
  readonly bytes: Buffer;
  readonly rows: number;
  readonly perVenue: Record<VenueId, number>;
  /** Whose rows the list holds, by reservation number (for the access record). */
  readonly subjects: readonly string[];
}

export interface CsvProblem {
  readonly code: 'not-cp932';
  readonly message: string;
  readonly rows: readonly { line: number; reservationNo: string; column: string }[];
}

export function uncollectedCsv(
  db: Db,
  options: { asOf: string; deadlineDays: number; encoding: CsvEncoding },
): Result<UncollectedList, CsvProblem> {
  const cards = uncollectedCards(db, options);
  const shipped = shippedCardRows(
    db,
    cards.map((c) => c.reservationNo),
  );
  const perVenue: Record<VenueId, number> = { honchosha: 0, sogo: 0, toyosu: 0 };
  const records = cards
    .map((c, i) => ({ c, row: shipped[i]! }))
    .sort((a, b) => a.c.venue.localeCompare(b.c.venue) || a.c.reservationNo.localeCompare(b.c.reservationNo))
    .map(({ c, row }) => {
      perVenue[c.venue]++;
      return [
        row.reservation_no,
        row.name,
        row.kana,
        row.birth_date,
        row.address,
        row.notice_type,
        row.shipped_on,
        addDays(row.shipped_on, options.deadlineDays),
        VENUES[c.venue].name,
        row.shipment_id,
        c.status === 'returned' ? '返戻済み' : '会場保管中',
      ];
    });
  const text = stringify([[...UNCOLLECTED_COLUMNS], ...records], { record_delimiter: '\r\n' });
  if (options.encoding === 'utf8')
    return ok({
      bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      rows: records.length,
      perVenue,
      subjects: records.map((r) => r[0]!),
    });

  const bad: { line: number; reservationNo: string; column: string }[] = [];
  records.forEach((r, i) =>
    r.forEach((value, col) => {
      if (iconv.decode(iconv.encode(value!, 'cp932'), 'cp932') !== value)
        bad.push({ line: i + 2, reservationNo: r[0]!, column: UNCOLLECTED_COLUMNS[col]! });
    }),
  );
  if (bad.length > 0) {
    return err({
      code: 'not-cp932',
      message: `Shift_JIS (CP932) で表せない文字が ${bad.length} か所にあります。UTF-8 で出力するか、該当の行を確認してください`,
      rows: bad,
    });
  }
  return ok({ bytes: iconv.encode(text, 'cp932'), rows: records.length, perVenue, subjects: records.map((r) => r[0]!) });
}

/** Cards past their collection deadline and never collected, per venue: on the shelf, or already returned. */
export function uncollectedCards(
  db: Db,
  options: { asOf: string; deadlineDays: number },
): { venue: VenueId; reservationNo: string; status: 'outstanding' | 'returned' }[] {
  const stations = stationVenuesUnordered(db);
  const out: { venue: VenueId; reservationNo: string; status: 'outstanding' | 'returned' }[] = [];
  const shippedOn = shippedOnLookup(db);
  for (const venue of VENUE_IDS) {
    const fold = new ReconciliationFold(venueCards(db, venue));
    fold.apply(
      orderEvents(
        venueEvents(
          db,
          stations.filter((s) => s.venue === venue).map((s) => s.station_id),
        ),
      ),
    );
    const due = (no: string) => addDays(shippedOn(no), options.deadlineDays) < options.asOf;
    for (const no of fold.outstandingCards()) if (due(no)) out.push({ venue, reservationNo: no, status: 'outstanding' });
    for (const no of fold.returnedCards()) out.push({ venue, reservationNo: no, status: 'returned' });
  }
  return out;
}
