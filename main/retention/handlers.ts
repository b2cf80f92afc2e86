// The lead's page 個人情報の保管と報告 (and HQ staff's, of HQ's own folder): the retention plan, read only. It is
// counts and places, no resident's data, so reading it is not a use to note in the access record; printing the
// reports from the same page is (the print path records it).
import type { dataLifeContract } from '../../shared/ipc/contract/data-life';
import type { HandlerSlice } from '../ipc/dispatch';
import type { HqStore, VenueStore } from '../store/data-folder';
import { retentionPlan } from './retention-plan';

export function dataLifeHandlers(store: VenueStore | HqStore): HandlerSlice<keyof typeof dataLifeContract> {
  return {
    'data-life:plan': () => {
      const plan = retentionPlan(store);
      return {
        dataDir: plan.dataDir,
        contractEnd: plan.contractEnd,
        categories: plan.categories.map((c) => ({ ...c, places: [...c.places] })),
      };
    },
  };
}
