// 日締め from the lead's screen.
import type { dayCloseContract } from '../../shared/ipc/contract/day-close';
import { staffOf, type HandlerSlice } from '../ipc/dispatch';
import type { CounterContext } from '../counter/counter-service';
import { closeDayAndSend } from './close-and-send';
import type { BackupThread } from '../backup/backup-thread';

export function dayCloseHandlers(counter: CounterContext, backupThread?: BackupThread): HandlerSlice<keyof typeof dayCloseContract> {
  return { 'day:close': ({ date }, call) => closeDayAndSend(counter, staffOf(call), date, backupThread) };
}
