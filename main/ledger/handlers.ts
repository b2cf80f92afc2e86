// The ledger's channels at a venue: importing one in the lead's window, and the shipments imported.
import type { ledgerContract } from '../../shared/ipc/contract/ledger';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { isShipmentReceived } from '../db/queries/events';
import { listShipments } from '../db/queries/shipments';
import type { Push } from '../ipc/push';
import { importLedgerFromWindow } from './import-handler';

export function ledgerHandlers(counter: CounterContext, push: Push): HandlerSlice<keyof typeof ledgerContract> {
  const { db } = counter.store;
  return {
    'ledger:import': (req, call) => importLedgerFromWindow(counter, staffOf(call), req, push),
    'shipments:list': () =>
      listShipments(db).map((s) => ({ shipmentId: s.shipment_id, rowCount: s.row_count, received: isShipmentReceived(db, s.shipment_id) })),
  };
}
