// The receipt channels: the box confirmed whole, or a receipt check card by card.
import type { receiptContract } from '../../shared/ipc/contract/receipt';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { confirmShipmentReceipt } from './box-receipt';
import { closeReceiptCheck, openReceiptCheck, receiptCheckView, removeUnexpected, scanForReceipt } from './receipt-check';

export function receiptHandlers(counter: CounterContext): HandlerSlice<keyof typeof receiptContract> {
  return {
    'receipt:confirm': ({ shipmentId }, call) => confirmShipmentReceipt(counter, staffOf(call), shipmentId),
    'receipt:open': ({ shipmentId }, call) => openReceiptCheck(counter, staffOf(call), shipmentId),
    'receipt:scan': ({ checkId, shipmentId, code }, call) => scanForReceipt(counter, staffOf(call), checkId, shipmentId, code),
    'receipt:view': ({ checkId, shipmentId }) => ({ ...receiptCheckView(counter, checkId, shipmentId) }),
    'receipt:remove-unexpected': ({ checkId, shipmentId, code }, call) =>
      removeUnexpected(counter, staffOf(call), checkId, shipmentId, code),
    'receipt:close': ({ checkId, shipmentId, differences }, call) =>
      closeReceiptCheck(counter, staffOf(call), checkId, shipmentId, differences),
  };
}
