// The lead's 照合・日報 screen.
import type { reconciliationContract } from '../../shared/ipc/contract/reconciliation';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import { accessLog, type CounterContext } from '../counter/counter-service';
import { actorOf } from '../auth/staff';
import { reconciliationView, viewSubjects } from './reconciliation-view';

export function reconciliationHandlers(counter: CounterContext): HandlerSlice<keyof typeof reconciliationContract> {
  return {
    'reconciliation:day': ({ date }, call) => {
      const view = reconciliationView(counter, date);
      // The cards that break an invariant or were handed over twice are residents' records, by reservation
      // number: a look at them, noted with whose (a day that adds up names nobody).
      const subjects = viewSubjects(view);
      if (subjects.length > 0)
        accessLog(counter).record({
          stationId: counter.store.stationId,
          actor: actorOf(staffOf(call)),
          action: 'record-view',
          subject: date,
          detail: { document: 'reconciliation', subjects },
        });
      return view;
    },
  };
}
