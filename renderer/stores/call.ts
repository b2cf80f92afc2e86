// Every store action reaches main through here: one place that turns a thrown transport failure into a
// result, tells the connection store whether main answered, and reports "locked" / "signed-out" answers so the session store can show the right screen
// (main enforces the idle lock itself; the renderer only follows).
import { api } from '../api-client';
import { UNREACHABLE, type Channel, type ChannelInput, type ChannelOutput, type IpcResult } from '../../shared/ipc/contract';
import { useConnectionStore } from './connection-store';

export type AuthProblem = 'locked' | 'signed-out' | 'station-locked';
let onAuthProblem: (problem: AuthProblem) => void = () => undefined;

/** Set once by bootstrap. */
export function setAuthProblemHandler(handler: (problem: AuthProblem) => void): void {
  onAuthProblem = handler;
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>> {
  let result: IpcResult<ChannelOutput<C>>;
  try {
    const fn = api()[channel] as (i: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
    result = await fn(input);
  } catch {
    result = { ok: false, error: UNREACHABLE };
  }
  if (!result.ok && result.error.code === 'unreachable') useConnectionStore.getState().lost(new Date());
  else useConnectionStore.getState().answered();
  if (!result.ok && (result.error.code === 'locked' || result.error.code === 'signed-out' || result.error.code === 'station-locked'))
    onAuthProblem(result.error.code);
  return result;
}
