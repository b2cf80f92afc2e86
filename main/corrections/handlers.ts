// The lead's corrections of a card's record.
import type { correctionsContract } from '../../shared/ipc/contract/corrections';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { correctReceipt, markDamaged, withdrawDamage } from './corrections';

export function correctionsHandlers(counter: CounterContext): HandlerSlice<keyof typeof correctionsContract> {
  return {
    'corrections:markDamaged': ({ reservationNo, reason }, call) => markDamaged(counter, staffOf(call), reservationNo, reason),
    'corrections:withdrawDamage': ({ reservationNo, reason }, call) => withdrawDamage(counter, staffOf(call), reservationNo, reason),
    'corrections:correctReceipt': ({ reservationNo, received, reason }, call) =>
      correctReceipt(counter, staffOf(call), reservationNo, received, reason),
  };
}
