// The venue's reconciliation, loaded from its store: the ledger's cards and the whole event log, reconciled
// by the pure function in shared/. `asOf` (a Tokyo date) reconciles the log as it stood at that day's end.
import { reconcile, type Reconciliation } from '../../shared/reconciliation/reconcile';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import type { VenueStore } from './data-folder';

export interface VenueReport extends Reconciliation {
  readonly venue: { readonly id: VenueId; readonly name: string };
  readonly asOf: string | null;
}

export function venueReconciliation(store: VenueStore, options: { asOf?: string } = {}): VenueReport {
  const { db } = store;
  const cards = db.prepare('SELECT reservation_no AS reservationNo, shipment_id AS shipmentId FROM ledger_cards').all() as { reservationNo: string; shipmentId: string }[];
  // Raw rows, no per-event validation: each payload was validated when it was appended. Only the kinds whose
  // payload reconciliation reads bring it along; the rest need only who, when and which card.
  const rows = db
    .prepare(
      `SELECT id, kind, station_id, seq, client_time, subject,
              CASE WHEN kind IN ('receipt.confirmed', 'receipt.corrected', 'handover.undone') THEN payload END AS payload
         FROM events ORDER BY client_time, station_id, seq`,
    )
    .all() as { id: string; kind: string; station_id: string; seq: number; client_time: string; subject: string | null; payload: string | null }[];
  const end = options.asOf ? Date.parse(`${options.asOf}T00:00:00+09:00`) + 86_400_000 : Infinity;
  const events = (end === Infinity ? rows : rows.filter((r) => Date.parse(r.client_time) < end)).map((r) => ({
    id: r.id,
    kind: r.kind,
    stationId: r.station_id,
    seq: r.seq,
    clientTime: r.client_time,
    subject: r.subject,
    payload: r.payload === null ? null : (JSON.parse(r.payload) as unknown),
  }));
  const r = reconcile(cards, events);
  return {
    venue: { id: store.venue, name: VENUES[store.venue].name },
    asOf: options.asOf ?? null,
    ...r,
    byDayAndStation: options.asOf ? r.byDayAndStation.filter((d) => d.date === options.asOf) : r.byDayAndStation,
  };
}
