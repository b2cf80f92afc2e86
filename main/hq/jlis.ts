// HQ's count of the cards J-LIS delivered for a shipment: what it received must equal what it shipped to the
// venues (別紙⑥ 2(1)③). Recorded once per shipment; a recount replaces it and says so in the event log.
import { err, ok, type Result } from '../../shared/result';
import type { Db } from '../db/connection';
import { setJlisCount } from '../db/queries/hq-jlis-counts';
import { shipmentCardCount } from '../db/queries/hq-ledgers';
import type { Clock } from '../clock';

export function recordJlisCount(
  db: Db,
  clock: Clock,
  actor: string,
  shipmentId: string,
  cards: number,
): Result<{ shipped: number }, { code: 'not-found'; message: string }> {
  const shipped = shipmentCardCount(db, shipmentId);
  if (shipped === null) return err({ code: 'not-found', message: `出荷 ${shipmentId} の台帳は作成記録にありません` });
  setJlisCount(db, shipmentId, cards, clock.now().toISOString(), actor);
  return ok({ shipped });
}
