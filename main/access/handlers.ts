// The 個人情報取扱台帳 page: the venue lead's of their station's record, HQ staff's of HQ's own.
import type { accessContract } from '../../shared/ipc/contract/access';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import { recordUses, type RecordSite } from './record-uses';

export function accessHandlers(site: RecordSite): HandlerSlice<keyof typeof accessContract> {
  return {
    'access:uses': (query, call) => {
      const r = recordUses(site, staffOf(call), query);
      return r.ok ? r.value : r;
    },
  };
}
