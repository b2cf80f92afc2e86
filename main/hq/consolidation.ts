// HQ's consolidation (issue 5 §4): from the ledgers HQ built and the events the stations sent, per venue and
// ward-wide — shipped, received, handed over, outstanding, returned, discrepancies; J-LIS's count per shipment
// against what HQ shipped; each station's claimed counts against HQ's recomputation from exactly the events the
// claim covered; stations gone quiet; alerts; cards handed over at two stations. Every mismatch names its cards.
import { VENUE_IDS, VENUES, type VenueId } from '../../shared/venues/venues';
import { PAYLOAD_FIELDS_READ } from '../../shared/reconciliation/card-history';
import {
  orderEvents,
  ReconciliationFold,
  type Breaker,
  type Counts,
  type HandoverConflict,
  type ReconCard,
  type ReconEvent,
} from '../../shared/reconciliation/reconcile';
import { addDays, dayText, tokyoDayEnd } from '../../shared/tokyo-date';
import { count, num } from '../../shared/numbers';
import { stationLabel } from '../db/queries/sync-stations';
import { venueStationName } from '../counter/names';
import { breakReasonLabel, figureLabel, INVARIANTS, invariantText } from '../../shared/glossary';
import type { EventKind } from '../../shared/events/event';
import type { Db } from '../db/connection';
import { stationsEvents } from '../db/queries/events-hq';
import { builtLedgerLookup, ledgerRowCounts } from '../db/queries/hq-ledgers';
import { venueShippedCards } from '../db/queries/hq-cards';
import { jlisCounts } from '../db/queries/hq-jlis-counts';
import { latestStationFile, stationFiles } from '../db/queries/sync-files';
import { syncAlerts } from '../db/queries/sync-alerts';
import { stationVenues } from '../db/queries/sync-stations';
import { ALERT_WORDS, type AlertKind } from '../sync/ingest';

export const FIGURES = ['shipped', 'received', 'handedOver', 'outstanding', 'returned', 'refusals', 'damaged'] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Record<Figure, number> & { readonly notReceived: number };

interface ClaimCheck {
  readonly stationId: string;
  readonly seq: number;
  readonly businessDate: string;
  readonly claimed: Record<Figure, number>;
  readonly recomputed: Record<Figure, number>;
  readonly differences: readonly { figure: Figure; claimed: number; recomputed: number }[];
}

interface StationSync {
  readonly stationId: string;
  readonly venue: VenueId;
  readonly files: number;
  readonly lastSeq: number | null;
  readonly lastBusinessDate: string | null;
  readonly lastReceivedAt: string | null;
  /** File numbers missing below the highest held. */
  readonly gaps: readonly number[];
  /** No file for a business day within the last `staleDays` days. */
  readonly stale: boolean;
}

type Conflict = HandoverConflict;

interface VenueConsolidation {
  readonly venue: VenueId;
  readonly name: string;
  readonly figures: Figures;
  readonly holds: boolean;
  readonly breakers: readonly Breaker[];
  readonly claims: readonly ClaimCheck[];
  readonly conflicts: readonly Conflict[];
  readonly stations: readonly StationSync[];
  /**
   * Ledgers a station imported that are not the ones HQ built for this venue (another file, or a shipment HQ
   * has no record of): every card of such a shipment is in question, and its counts cannot agree with HQ's.
   */
  readonly foreignLedgers: readonly { stationId: string; shipmentId: string; rowCount: number; builtRowCount: number | null }[];
}

interface ShipmentCheck {
  readonly shipmentId: string;
  readonly shippedToVenues: Record<VenueId, number>;
  readonly shipped: number;
  /** HQ's count of the cards J-LIS delivered, once recorded. */
  readonly jlisCards: number | null;
  readonly matches: boolean | null;
}

interface Alert {
  readonly at: string;
  readonly stationId: string;
  readonly seq: number | null;
  readonly kind: string;
}

export interface WardConsolidation {
  readonly asOf: string;
  readonly total: Figures;
  readonly holds: boolean;
  readonly venues: readonly VenueConsolidation[];
  readonly shipments: readonly ShipmentCheck[];
  readonly alerts: readonly Alert[];
  /** Every reason the ward's figures do not add up, in words; empty when all is well. */
  readonly mismatches: readonly string[];
}

/** The kinds whose payload reconciliation (the card fold) or the ledger and claim checks read. */
const PAYLOAD_READ = new Set<EventKind>([...(Object.keys(PAYLOAD_FIELDS_READ) as (keyof typeof PAYLOAD_FIELDS_READ)[]), 'ledger.imported']);

/**
 * `asOf`: the day stations are judged quiet against. `through` (a business day, as `hq report --date` gives it):
 * the ward as it stood at that day's end, as a venue's report for that day counts it; without it, everything held.
 */
interface ConsolidateOptions {
  readonly asOf: string;
  readonly through?: string;
  readonly staleDays?: number;
}

export function consolidate(db: Db, options: ConsolidateOptions): WardConsolidation {
  return db.transaction(() => {
    const stations = stationVenues(db);
    const venues = VENUE_IDS.map((venue) =>
      consolidateVenue(
        db,
        venue,
        stations.filter((s) => s.venue === venue).map((s) => s.station_id),
        options,
      ),
    );
    const total = sumFigures(venues.map((v) => v.figures));
    const shipments = shipmentChecks(db);
    const alerts = syncAlerts(db).map((a) => ({ at: a.at, stationId: a.station_id, seq: a.seq, kind: a.kind }));
    const venueOf = new Map(stations.map((s) => [s.station_id, s.venue]));
    const mismatches = describeMismatches(venues, shipments, alerts, (id) => {
      const venue = venueOf.get(id);
      return venue === undefined ? id : venueStationName(venue, id, stationLabel(db, id));
    });
    return { asOf: options.asOf, total, holds: mismatches.length === 0, venues, shipments, alerts, mismatches };
  })();
}

function consolidateVenue(db: Db, venue: VenueId, stationIds: readonly string[], options: ConsolidateOptions): VenueConsolidation {
  const cards = venueCards(db, venue);
  const events = venueEvents(db, stationIds);
  // Events of a later day are left out of a past day's figures (the claims are checked against all: a station's
  // file covers what it covered, whatever the day asked for).
  const end = options.through === undefined ? null : tokyoDayEnd(options.through);
  const fold = new ReconciliationFold(cards);
  fold.apply(orderEvents(end === null ? events : events.filter((e) => e.clientTime < end)));
  const r = fold.result();
  const figures = pick(r.total);
  return {
    venue,
    name: VENUES[venue].name,
    figures,
    holds: r.total.holds,
    breakers: r.breakers,
    claims: stationIds.flatMap((id) => claimCheck(db, id, venue, events) ?? []),
    foreignLedgers: foreignLedgers(db, venue, events),
    conflicts: r.conflicts,
    stations: stationIds.map((id) => stationSync(db, id, venue, options)),
  };
}

export function venueCards(db: Db, venue: VenueId, shipments?: ReadonlySet<string>): ReconCard[] {
  const rows: ReconCard[] = venueShippedCards(db, venue);
  return shipments ? rows.filter((c) => shipments.has(c.shipmentId)) : rows;
}

export function venueEvents(db: Db, stationIds: readonly string[]): ReconEvent[] {
  return stationsEvents(db, stationIds, PAYLOAD_READ);
}

/** The station's latest claim, against HQ's fold of exactly the events (and the ledgers) it covered. */
function claimCheck(db: Db, stationId: string, venue: VenueId, venueEvents: readonly ReconEvent[]): ClaimCheck | null {
  const last = latestStationFile(db, stationId);
  if (!last) return null;
  const claim = JSON.parse(last.claimed) as Record<Figure, number> & { knownThrough: Record<string, number> };
  const known = claim.knownThrough;
  const covered = venueEvents.filter((e) => e.seq <= (known[e.stationId] ?? 0));
  // The station's shipped = the ledgers it imported itself.
  const imported = new Set(
    covered
      .filter((e) => e.stationId === stationId && e.kind === 'ledger.imported')
      .map((e) => (e.payload as { shipmentId: string }).shipmentId),
  );
  const fold = new ReconciliationFold(venueCards(db, venue, imported));
  fold.apply(covered);
  const recomputed = pick(fold.result().total);
  const claimed = Object.fromEntries(FIGURES.map((f) => [f, claim[f]])) as Record<Figure, number>;
  const differences = FIGURES.filter((f) => claimed[f] !== recomputed[f]).map((f) => ({
    figure: f,
    claimed: claimed[f],
    recomputed: recomputed[f],
  }));
  return { stationId, seq: last.seq, businessDate: last.business_date, claimed, recomputed: stripNotReceived(recomputed), differences };
}

function foreignLedgers(db: Db, venue: VenueId, events: readonly ReconEvent[]): VenueConsolidation['foreignLedgers'] {
  const built = builtLedgerLookup(db);
  return events.flatMap((e) => {
    if (e.kind !== 'ledger.imported') return [];
    const p = e.payload as { shipmentId: string; fileSha256: string; rowCount: number };
    const ours = built(p.shipmentId, venue);
    return ours?.file_sha256 === p.fileSha256
      ? []
      : [{ stationId: e.stationId, shipmentId: p.shipmentId, rowCount: p.rowCount, builtRowCount: ours?.row_count ?? null }];
  });
}

function stationSync(db: Db, stationId: string, venue: VenueId, options: ConsolidateOptions): StationSync {
  const files = stationFiles(db, stationId);
  const held = new Set(files.map((f) => f.seq));
  const top = files.at(-1)?.seq ?? 0;
  const gaps: number[] = [];
  for (let s = 1; s < top; s++) if (!held.has(s)) gaps.push(s);
  const lastBusinessDate = files.reduce<string | null>((m, f) => (m === null || f.business_date > m ? f.business_date : m), null);
  const lastReceivedAt = files.reduce<string | null>((m, f) => (m === null || f.received_at > m ? f.received_at : m), null);
  const staleDays = options.staleDays ?? 1;
  return {
    stationId,
    venue,
    files: files.length,
    lastSeq: top || null,
    lastBusinessDate,
    lastReceivedAt,
    gaps,
    stale: lastBusinessDate === null || addDays(lastBusinessDate, staleDays) < options.asOf,
  };
}

function shipmentChecks(db: Db): ShipmentCheck[] {
  const rows = ledgerRowCounts(db);
  const jlis = jlisCounts(db);
  const byShipment = new Map<string, Record<VenueId, number>>();
  for (const r of rows) {
    const v = byShipment.get(r.shipment_id) ?? { honchosha: 0, sogo: 0, toyosu: 0 };
    v[r.venue] += r.row_count;
    byShipment.set(r.shipment_id, v);
  }
  return [...byShipment].map(([shipmentId, shippedToVenues]) => {
    const shipped = VENUE_IDS.reduce((n, v) => n + shippedToVenues[v], 0);
    const jlisCards = jlis.get(shipmentId) ?? null;
    return { shipmentId, shippedToVenues, shipped, jlisCards, matches: jlisCards === null ? null : jlisCards === shipped };
  });
}

function describeMismatches(
  venues: readonly VenueConsolidation[],
  shipments: readonly ShipmentCheck[],
  alerts: readonly Alert[],
  /** A station in words, with the label its files gave (本庁舎 窓口1); an unregistered one by its id. */
  stationWords: (stationId: string) => string,
): string[] {
  const out: string[] = [];
  for (const s of shipments)
    if (s.matches === false)
      out.push(`出荷 ${s.shipmentId}: J-LIS からの受領 ${count(s.jlisCards ?? 0)} ≠ 各会場への送付の合計 ${count(s.shipped)}`);
  for (const v of venues) {
    if (!v.holds)
      out.push(
        `${v.name}: 件数が合いません（${
          v.breakers
            .map((b) => `${b.reservationNo} ${breakReasonLabel(b.reason)}`)
            .slice(0, 20)
            .join('、') || `${INVARIANTS.map((inv) => invariantText(inv)).join('、')} が不成立`
        }）`,
      );
    for (const f of v.foreignLedgers) {
      out.push(
        `${stationWords(f.stationId)}: 出荷 ${f.shipmentId} の台帳（${count(f.rowCount)}）は事務センターが作成した${f.builtRowCount === null ? '記録にありません' : `もの（${count(f.builtRowCount)}）と異なります`}`,
      );
    }
    for (const c of v.claims)
      for (const d of c.differences)
        out.push(`${stationWords(c.stationId)} #${c.seq}: ${figureLabel(d.figure)} 申告 ${num(d.claimed)} ≠ 再計算 ${num(d.recomputed)}`);
    for (const c of v.conflicts)
      out.push(`${v.name}: ${c.reservationNo} が複数の端末で交付されています（${c.stations.map((id) => stationWords(id)).join('、')}）`);
    for (const s of v.stations) {
      if (s.gaps.length > 0) out.push(`${stationWords(s.stationId)}: 同期ファイルの欠番 ${s.gaps.join(', ')}`);
      if (s.stale)
        out.push(
          `${stationWords(s.stationId)}: ${s.lastBusinessDate ? `${dayText(s.lastBusinessDate)} 以降` : 'まだ一度も'}同期ファイルが届いていません`,
        );
    }
  }
  for (const a of alerts) {
    out.push(`${stationWords(a.stationId)}${a.seq !== null ? ` #${a.seq}` : ''}: ${ALERT_WORDS[a.kind as AlertKind] ?? a.kind}`);
  }
  return out;
}

function pick(c: Counts): Figures {
  return {
    shipped: c.shipped,
    received: c.received,
    notReceived: c.notReceived,
    handedOver: c.handedOver,
    outstanding: c.outstanding,
    returned: c.returned,
    refusals: c.refusals,
    damaged: c.damaged,
  };
}
function stripNotReceived(f: Figures): Record<Figure, number> {
  return Object.fromEntries(FIGURES.map((k) => [k, f[k]])) as Record<Figure, number>;
}
function sumFigures(list: readonly Figures[]): Figures {
  const t = { shipped: 0, received: 0, notReceived: 0, handedOver: 0, outstanding: 0, returned: 0, refusals: 0, damaged: 0 };
  for (const f of list) for (const k of Object.keys(t) as (keyof Figures)[]) t[k] += f[k];
  return t;
}
