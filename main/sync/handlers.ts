// Sync from a venue station's window: take in the sibling stations' files now.
import type { syncContract } from '../../shared/ipc/contract/sync';
import type { HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { pullSiblings } from './siblings';

export function syncHandlers(counter: CounterContext): HandlerSlice<keyof typeof syncContract> {
  return {
    'sync:pullSiblings': async () => {
      const pulled = await pullSiblings(counter);
      return (
        pulled ?? {
          ok: false,
          error: { code: 'unavailable', message: 'この端末には会場の鍵が保管されていません（madoguchi sync setup --venue-key）' },
        }
      );
    },
  };
}
