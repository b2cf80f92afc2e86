// HQ's own count of the cards J-LIS delivered for each shipment (hq_jlis_counts).
import type { Db } from '../connection';

/** Records the count for a shipment, in place of any recorded before. */
export function setJlisCount(db: Db, shipmentId: string, cards: number, recordedAt: string, actor: string): void {
  db.prepare(
    'INSERT INTO hq_jlis_counts (shipment_id, cards, recorded_at, actor) VALUES (?, ?, ?, ?) ON CONFLICT (shipment_id) DO UPDATE SET cards = excluded.cards, recorded_at = excluded.recorded_at, actor = excluded.actor',
  ).run(shipmentId, cards, recordedAt, actor);
}

/** The recorded count of every shipment that has one, by shipment id. */
export function jlisCounts(db: Db): Map<string, number> {
  return new Map(
    (db.prepare('SELECT shipment_id, cards FROM hq_jlis_counts').all() as { shipment_id: string; cards: number }[]).map((r) => [
      r.shipment_id,
      r.cards,
    ]),
  );
}
