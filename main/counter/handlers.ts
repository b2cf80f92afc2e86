// The counter's channels: scan, view, hand over, refuse, undo, search, and the status strip.
import { VENUES } from '../../shared/venues/venues';
import type { StatusView } from '../../shared/ipc/contract';
import type { counterContract } from '../../shared/ipc/contract/counter';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import { readSetting } from '../store/settings';
import {
  counterStatus,
  decideScan,
  recordHandover,
  recordRefusal,
  searchCards,
  undoHandover,
  viewCard,
  type CounterContext,
} from './counter-service';
import { stationName } from './names';

export function counterHandlers(
  counter: CounterContext,
  scannerStatus: () => StatusView['scanner'],
): HandlerSlice<keyof typeof counterContract> {
  return {
    'counter:status': () => {
      const v = VENUES[counter.store.venue];
      return {
        venue: { id: v.id, name: v.name, place: v.place },
        stationId: counter.store.stationId,
        stationName: stationName(counter.store, counter.store.stationId),
        ...counterStatus(counter),
        personalDataSeconds: readSetting(counter.store.db, 'personal-data-seconds'),
        scanner: scannerStatus(),
      };
    },
    'counter:scan': ({ code }, call) => decideScan(counter, staffOf(call), code),
    'counter:view': ({ reservationNo }, call) => viewCard(counter, staffOf(call), reservationNo),
    'counter:handover': ({ reservationNo, idCheck }, call) => recordHandover(counter, staffOf(call), reservationNo, idCheck),
    'counter:refuse': ({ reservationNo, reason }, call) => recordRefusal(counter, staffOf(call), reservationNo, reason),
    'counter:undo': ({ reservationNo, reason }, call) => undoHandover(counter, staffOf(call), reservationNo, reason),
    'counter:search': (query, call) => searchCards(counter, staffOf(call), query),
  };
}
