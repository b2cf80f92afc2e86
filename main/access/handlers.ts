// The lead's page of the 個人情報取扱台帳.
import type { accessContract } from '../../shared/ipc/contract/access';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { recordUses } from './record-uses';

export function accessHandlers(counter: CounterContext): HandlerSlice<keyof typeof accessContract> {
  return {
    'access:uses': (query, call) => {
      const r = recordUses(counter, staffOf(call), query);
      return r.ok ? r.value : r;
    },
  };
}
