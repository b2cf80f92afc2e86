// Every store action reaches main through here: one place that turns a thrown transport failure into a
// result, and reports "locked" / "signed-out" answers so the session store can show the right screen
// (main enforces the idle lock itself; the renderer only follows).
import { api } from '../api-client';
import type { Channel, ChannelInput, ChannelOutput, IpcResult } from '../../shared/ipc/contract';

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
    result = { ok: false, error: { code: 'internal', message: '窓口サービスに接続できません' } };
  }
  if (!result.ok && (result.error.code === 'locked' || result.error.code === 'signed-out' || result.error.code === 'station-locked'))
    onAuthProblem(result.error.code);
  return result;
}
