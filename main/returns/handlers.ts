// Returns to HQ (返戻): the overdue cards, recording a batch, and the batches recorded.
import type { returnsContract } from '../../shared/ipc/contract/returns';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { actorOf } from '../auth/staff';
import { overdueCards, recordReturnBatch, returnBatches } from './returns';

export function returnsHandlers(counter: CounterContext): HandlerSlice<keyof typeof returnsContract> {
  return {
    'returns:overdue': (_i, call) => {
      const cards = overdueCards(counter);
      // A list of residents' names is a look at their records: noted, by whose records it showed.
      counter.access?.record({
        stationId: counter.store.stationId,
        actor: actorOf(staffOf(call)),
        action: 'record-view',
        detail: { overdueList: cards.length, subjects: cards.map((c) => c.reservationNo) },
      });
      return cards;
    },
    'returns:record': ({ reservationNos, reason }, call) => recordReturnBatch(counter, staffOf(call), reservationNos, reason),
    'returns:batches': () => returnBatches(counter).map(({ stationId: _, seq: __, ...b }) => b),
  };
}
