// The station's own channels once its data folder is open (main/app/station.ts answers them itself before).
import type { StationView } from '../../shared/ipc/contract';
import type { stationContract } from '../../shared/ipc/contract/station';
import type { HandlerSlice } from '../ipc/dispatch';
import { freeSpaceWarning } from './free-space';

/** `view` is fixed once open; the free space is not, so it is read on every ask (a statfs: cheap). */
export function stationHandlers(view: Omit<StationView, 'freeSpace'>, dataDir: string): HandlerSlice<keyof typeof stationContract> {
  const now = (): StationView => ({ ...view, freeSpace: freeSpaceWarning(dataDir) });
  return { 'station:status': now, 'station:unlock': now };
}
