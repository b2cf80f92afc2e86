// The station's own channels once its data folder is open (main/app/station.ts answers them itself before).
import type { StationView } from '../../shared/ipc/contract';
import type { stationContract } from '../../shared/ipc/contract/station';
import type { HandlerSlice } from '../ipc/dispatch';

export function stationHandlers(view: StationView): HandlerSlice<keyof typeof stationContract> {
  return { 'station:status': () => view, 'station:unlock': () => view };
}
