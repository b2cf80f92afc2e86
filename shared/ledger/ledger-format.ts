// The shipment ledger file (各会場送付台帳) as HQ writes it and a venue reads it: what its header says
// and what each row holds. Pure definitions; the byte framing and crypto live in main/ledger.
import { z } from 'zod';
import { VENUE_IDS } from '../venues/venues';
import { RESERVATION_NUMBER_PATTERN, ReservationNumber } from '../roster/reservation-number';

const LEDGER_FORMAT_VERSION = 1;
export const LEDGER_MAGIC = 'MADOGUCHI-LEDGER 1';

export const ShipmentId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, '出荷IDは英数字と . _ - で64文字以内にしてください');

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** What anyone holding the file can read, and what `ledger inspect` prints: no personal data. */
export const LedgerHeader = z.strictObject({
  format: z.literal('madoguchi-shipment-ledger'),
  version: z.literal(LEDGER_FORMAT_VERSION),
  venue: z.enum(VENUE_IDS),
  shipmentId: ShipmentId,
  createdAt: z.string().datetime({ offset: true }),
  rowCount: z.number().int().nonnegative().max(1_000_000),
  hqKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  venueKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  bodyBytes: z.number().int().nonnegative(),
  bodySha256: Sha256Hex,
});
export type LedgerHeader = z.infer<typeof LedgerHeader>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function text(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

/**
 * One card shipped to the venue, from its tuple in the file (tuples keep 40,000 rows compact).
 * Hand-checked rather than zod-parsed: this runs per row on every import and zod costs ~6 µs a row.
 */
export function parseLedgerRow(row: unknown): LedgerCard | null {
  if (!Array.isArray(row) || row.length !== 9) return null;
  const [reservationNo, name, kana, birthDate, address, town, chome, noticeType, shippedOn] = row as unknown[];
  if (typeof reservationNo !== 'string' || !RESERVATION_NUMBER_PATTERN.test(reservationNo)) return null;
  if (!text(name, 100) || !text(kana, 100) || !text(address, 200) || !text(town, 20)) return null;
  if (typeof birthDate !== 'string' || !ISO_DATE.test(birthDate) || typeof shippedOn !== 'string' || !ISO_DATE.test(shippedOn)) return null;
  if (chome !== null && !(typeof chome === 'number' && Number.isInteger(chome) && chome >= 1 && chome <= 9)) return null;
  if (noticeType !== '通常' && noticeType !== '再発行') return null;
  return { reservationNo, name, kana, birthDate, address, town, chome, noticeType, shippedOn };
}

export const LedgerBody = z.strictObject({
  venue: z.enum(VENUE_IDS),
  shipmentId: ShipmentId,
  columns: z.tuple([
    z.literal('reservationNo'),
    z.literal('name'),
    z.literal('kana'),
    z.literal('birthDate'),
    z.literal('address'),
    z.literal('town'),
    z.literal('chome'),
    z.literal('noticeType'),
    z.literal('shippedOn'),
  ]),
  rows: z.array(z.unknown()),
  /**
   * Reservation numbers of the same shipment that went to the other venues, with their venue and nothing else,
   * so the counter can tell a resident who came to the wrong venue where to go (別紙①) without holding their data.
   */
  elsewhere: z.array(z.tuple([ReservationNumber, z.enum(VENUE_IDS)])),
});

/** A card this shipment sent to another venue: only its number and where it went. */
export interface DirectoryEntry {
  readonly reservationNo: string;
  readonly venue: (typeof VENUE_IDS)[number];
}

export const LEDGER_COLUMNS = [
  'reservationNo',
  'name',
  'kana',
  'birthDate',
  'address',
  'town',
  'chome',
  'noticeType',
  'shippedOn',
] as const;

export interface LedgerCard {
  readonly reservationNo: string;
  readonly name: string;
  readonly kana: string;
  readonly birthDate: string;
  readonly address: string;
  readonly town: string;
  readonly chome: number | null;
  readonly noticeType: '通常' | '再発行';
  readonly shippedOn: string;
}
