// The one door from the renderer into main. For every call: the channel must exist, the input must parse
// against the contract, the caller must be signed in (and unlocked) with a role the channel allows; only
// then does a handler run. Every outcome is a result; nothing is thrown across the boundary, and error
// messages never echo input values (they may hold personal data).
import type { z } from 'zod';
import { contract, type Channel, type ChannelOutput, type IpcError, type IpcResult } from '../../shared/ipc/contract';
import type { Staff } from '../staff/staff';
import type { Sessions } from '../session/sessions';

interface CallContext {
  readonly caller: string;
  readonly staff: Staff | null;
}

export type Handlers = {
  readonly [C in Channel]: (
    input: z.infer<(typeof contract)[C]['input']>,
    ctx: CallContext,
  ) => IpcResult<ChannelOutput<C>> | ChannelOutput<C> | Promise<IpcResult<ChannelOutput<C>> | ChannelOutput<C>>;
};

export type Invoke = (channel: string, input: unknown, caller: string) => Promise<IpcResult<unknown>>;

/**
 * A venue station answers every channel; headquarters' app only its own (HQ has no counter). A channel a
 * site does not serve answers 'unavailable' after the usual session and role checks.
 */
export function createDispatcher(handlers: Handlers | Partial<Handlers>, sessions: Sessions, log: (line: string) => void = () => {}): Invoke {
  return async (channel, input, caller) => {
    if (!Object.hasOwn(contract, channel)) return fail('unknown-channel', '不明な操作です');
    const spec = contract[channel as Channel];
    // Who may call comes before what was sent: a caller without the role learns nothing about the input rules.
    const session = sessions.current(caller);
    if (spec.access !== 'public') {
      if (!session) return fail('signed-out', 'サインインしてください');
      if (session.locked) return fail('locked', '画面がロックされています。PINを入力してください');
      if (!spec.access.includes(session.staff.role)) return fail('forbidden', 'この操作の権限がありません');
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return fail('invalid-input', describeIssues(parsed.error));
    if (spec.access !== 'public') sessions.touch(caller);
    const handler = handlers[channel as Channel] as ((i: unknown, c: CallContext) => IpcResult<unknown> | unknown) | undefined;
    if (!handler) return fail('unavailable', 'この端末ではできない操作です');
    try {
      const out = await handler(parsed.data, { caller, staff: session?.staff ?? null });
      const result = isResult(out) ? out : { ok: true as const, value: out };
      if (result.ok) {
        // Main promises its own outputs match the contract too; a mismatch is our bug, not the caller's.
        const checked = spec.output.safeParse(result.value);
        if (!checked.success) {
          log(`output of ${channel} does not match the contract: ${describeIssues(checked.error)}`);
          return fail('internal', '内部エラーが発生しました');
        }
        return { ok: true, value: checked.data };
      }
      return result;
    } catch (e) {
      log(`handler ${channel} threw: ${(e as Error).stack ?? String(e)}`);
      return fail('internal', '内部エラーが発生しました');
    }
  };
}

function fail(code: IpcError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function isResult(v: unknown): v is IpcResult<unknown> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean' && ('value' in v || 'error' in v);
}

/** "path: message" lines from zod, without the offending values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '入力'}: ${i.code === 'custom' || /[ぁ-んァ-ヶ一-龯]/.test(i.message) ? i.message : '形式が正しくありません'}`)
    .join('\n');
}
