// HQ's consolidation (issue 5 §4): from the ledgers HQ built and the events the stations sent, per venue and
// ward-wide — shipped, received, handed over, outstanding, returned, discrepancies; J-LIS's count per shipment
// against what HQ shipped; each station's claimed counts against HQ's recomputation from exactly the events the
// claim covered; stations gone quiet; alerts; cards handed over at two stations. Every mismatch names its cards.
import { VENUE_IDS, VENUES, type VenueId } from '../../shared/venues/venues';
import { PAYLOAD_FIELDS_READ } from '../../shared/reconciliation/card-history';
import { orderEvents, ReconciliationFold, type Counts, type ReconCard, type ReconEvent } from '../../shared/reconciliation/reconcile';
import { addDays, tokyoDayEnd } from '../../shared/tokyo-date';
import { stationLabel } from '../db/queries/sync-stations';
import { venueStationName } from '../counter/names';
import type { EventKind } from '../../shared/events/event';
import type { Db } from '../db/connection';
import { stationsEvents } from '../db/queries/events-hq';
import { builtLedgerLookup, ledgerRowCounts, venueShipmentsBuiltBefore } from '../db/queries/hq-ledgers';
import { venueShippedCards } from '../db/queries/hq-cards';
import { jlisCounts } from '../db/queries/hq-jlis-counts';
import { latestStationFile, stationFiles } from '../db/queries/sync-files';
import { syncAlerts } from '../db/queries/sync-alerts';
import { stationRevocation, stationVenues } from '../db/queries/sync-stations';
import {
  describeMismatches,
  FIGURES,
  type ClaimCheck,
  type Figure,
  type Figures,
  type ShipmentCheck,
  type StationSync,
  type VenueConsolidation,
  type WardConsolidation,
} from './consolidation-view';

export { FIGURES, type Figure, type Figures, type WardConsolidation } from './consolidation-view';

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
  /** How mismatches name cards: by reservation number (default) or as counts, for a reader not named. */
  readonly cards?: 'named' | 'counted';
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
    const shipments = shipmentChecks(db, options.through === undefined ? null : tokyoDayEnd(options.through));
    const alerts = syncAlerts(db).map((a) => ({ at: a.at, stationId: a.station_id, seq: a.seq, kind: a.kind }));
    const venueOf = new Map(stations.map((s) => [s.station_id, s.venue]));
    const mismatches = describeMismatches(
      venues,
      shipments,
      alerts,
      (id) => {
        const venue = venueOf.get(id);
        return venue === undefined ? id : venueStationName(venue, id, stationLabel(db, id));
      },
      options.cards,
    );
    return { asOf: options.asOf, total, holds: mismatches.length === 0, venues, shipments, alerts, mismatches };
  })();
}

/** The residents a report names (its cards that break an invariant or were handed over twice): its subjects. */
export function cardsNamed(r: WardConsolidation): string[] {
  return [...new Set(r.venues.flatMap((v) => [...v.breakers.map((b) => b.reservationNo), ...v.conflicts.map((c) => c.reservationNo)]))];
}

function consolidateVenue(db: Db, venue: VenueId, stationIds: readonly string[], options: ConsolidateOptions): VenueConsolidation {
  // Events of a later day, and ledgers built after it, are left out of a past day's figures (the claims are
  // checked against all: a station's file covers what it covered, whatever the day asked for).
  const end = options.through === undefined ? null : tokyoDayEnd(options.through);
  const cards = venueCards(db, venue, end === null ? undefined : venueShipmentsBuiltBefore(db, venue, end));
  const events = venueEvents(db, stationIds);
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
  const r = stationRevocation(db, stationId);
  const revoked = r ? { at: r.revoked_at!, reason: r.revoked_reason ?? '', keptThroughSeq: r.revoked_after_seq ?? 0 } : null;
  return {
    stationId,
    venue,
    files: files.length,
    lastSeq: top || null,
    lastBusinessDate,
    lastReceivedAt,
    gaps,
    stale: !revoked && (lastBusinessDate === null || addDays(lastBusinessDate, staleDays) < options.asOf),
    revoked,
  };
}

function shipmentChecks(db: Db, end: string | null): ShipmentCheck[] {
  const rows = ledgerRowCounts(db, end);
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
