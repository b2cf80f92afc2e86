// HQ turns the roster into one shipment ledger per venue: read and validate every row, route each
// address to its venue (別紙①), and seal each venue's rows to that venue's key under HQ's signature.
// An invalid row stops everything; a row that cannot be routed is listed, never dropped silently.
import { routeAddress, type RouteRefusalCode } from '../../shared/address/route-address';
import { ShipmentId, type LedgerCard } from '../../shared/ledger/ledger-format';
import { VENUE_IDS, VENUES, type VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { readRoster, type RosterEncoding, type RosterProblem } from '../roster/read-roster';
import type { PrivateKeyHandle, PublicKeyHandle } from '../crypto/key-files';
import type { Clock } from '../clock';
import { tokyoDate } from '../../shared/tokyo-date';
import { encodeLedgerFile } from './ledger-file';

interface UnroutedRow {
  readonly line: number;
  readonly reservationNo: string;
  readonly code: RouteRefusalCode;
  readonly reason: string;
}

/** Written beside the ledgers. Line numbers and reservation numbers only: HQ looks the rest up in its roster. */
export interface RoutingReport {
  readonly shipmentId: string;
  readonly createdAt: string;
  readonly rosterEncoding: RosterEncoding;
  readonly rosterRows: number;
  readonly perVenue: Record<VenueId, number>;
  readonly unrouted: readonly UnroutedRow[];
}

export interface BuiltLedger {
  readonly venue: VenueId;
  readonly rowCount: number;
  readonly bytes: Buffer;
  /** The rows sealed in the file, for HQ's own record (its data folder keeps them to print and reconcile). */
  readonly cards: readonly LedgerCard[];
}

export type BuildProblem =
  | { readonly code: 'bad-shipment-id'; readonly message: string }
  | { readonly code: 'invalid-roster'; readonly message: string; readonly problems: readonly RosterProblem[] }
  | { readonly code: 'missing-venue-key'; readonly message: string; readonly venues: readonly VenueId[] };

export interface BuildInput {
  readonly roster: Uint8Array;
  readonly shipmentId: string;
  readonly hqKey: PrivateKeyHandle;
  readonly venueKeys: Partial<Record<VenueId, PublicKeyHandle>>;
  readonly clock: Clock;
}

export function buildLedgers(input: BuildInput): Result<{ ledgers: BuiltLedger[]; report: RoutingReport }, BuildProblem> {
  const id = ShipmentId.safeParse(input.shipmentId);
  if (!id.success) return err({ code: 'bad-shipment-id', message: id.error.issues[0]?.message ?? '出荷IDが不正です' });
  const now = input.clock.now();
  const roster = readRoster(input.roster, { today: tokyoDate(now) });
  if (!roster.ok) {
    return err({
      code: 'invalid-roster',
      message: `名簿に不備が ${roster.problems.length} 件あります。台帳は作成していません`,
      problems: roster.problems,
    });
  }

  const perVenueCards: Record<VenueId, LedgerCard[]> = { honchosha: [], sogo: [], toyosu: [] };
  const unrouted: UnroutedRow[] = [];
  for (const row of roster.rows) {
    const route = routeAddress(row.address);
    if (!route.ok) {
      unrouted.push({ line: row.line, reservationNo: row.reservationNo, code: route.code, reason: route.reason });
      continue;
    }
    perVenueCards[route.venue].push({
      reservationNo: row.reservationNo,
      name: row.name,
      kana: row.kana,
      birthDate: row.birthDate,
      address: row.address,
      town: route.town,
      chome: route.chome,
      noticeType: row.noticeType,
      shippedOn: row.shippedOn,
    });
  }

  const needed = VENUE_IDS.filter((v) => perVenueCards[v].length > 0);
  const missing = needed.filter((v) => input.venueKeys[v] === undefined);
  if (missing.length > 0) {
    return err({
      code: 'missing-venue-key',
      message: `会場の公開鍵がありません: ${missing.map((v) => `${VENUES[v].name}（${v}.pub）`).join('、')}`,
      venues: missing,
    });
  }

  const createdAt = now.toISOString();
  const ledgers = needed.map((venue) => ({
    venue,
    rowCount: perVenueCards[venue].length,
    cards: perVenueCards[venue],
    bytes: encodeLedgerFile({
      venueKey: input.venueKeys[venue]!,
      hqKey: input.hqKey,
      shipmentId: id.data,
      createdAt,
      cards: perVenueCards[venue],
      elsewhere: VENUE_IDS.filter((v) => v !== venue).flatMap((v) =>
        perVenueCards[v].map((c) => ({ reservationNo: c.reservationNo, venue: v })),
      ),
    }),
  }));
  const report: RoutingReport = {
    shipmentId: id.data,
    createdAt,
    rosterEncoding: roster.encoding,
    rosterRows: roster.rows.length,
    perVenue: { honchosha: perVenueCards.honchosha.length, sogo: perVenueCards.sogo.length, toyosu: perVenueCards.toyosu.length },
    unrouted,
  };
  return ok({ ledgers, report });
}
