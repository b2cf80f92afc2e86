// The lead's 照合・日報 screen.
import type { HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { reconciliationView } from './reconciliation-view';

export function reconciliationHandlers(counter: CounterContext): HandlerSlice<'reconciliation:day'> {
  return { 'reconciliation:day': ({ date }) => reconciliationView(counter, date) };
}
