// The lead's 照合・日報 screen.
import type { reconciliationContract } from '../../shared/ipc/contract/reconciliation';
import type { HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { reconciliationView } from './reconciliation-view';

export function reconciliationHandlers(counter: CounterContext): HandlerSlice<keyof typeof reconciliationContract> {
  return { 'reconciliation:day': ({ date }) => reconciliationView(counter, date) };
}
