// The one door from the renderer into main. For every call: the channel must exist, the input must parse
// against the contract, the caller must be signed in (and unlocked) with a role the channel allows; only
// then does a handler run. Every outcome is a result; nothing is thrown across the boundary, and error
// messages never echo input values (they may hold personal data).
import { storageFault } from '../db/storage-fault';
import { describeUnexpected } from './unexpected';
import type { z } from 'zod';
import {
  contract,
  type Channel,
  type ChannelOutput,
  type IpcError,
  type IpcResult,
  type Site,
  type SiteChannel,
} from '../../shared/ipc/contract';
import type { Staff } from '../auth/staff';
import type { Sessions } from '../auth/sessions';

export interface CallContext {
  readonly caller: string;
  readonly staff: Staff | null;
}

/** The signed-in staff member of a call to a channel that is not public (the dispatcher has checked). */
export function staffOf(ctx: CallContext): Staff {
  if (!ctx.staff) throw new Error('handler reached without a session');
  return ctx.staff;
}

type Handler<C extends Channel> = (
  input: z.infer<(typeof contract)[C]['input']>,
  ctx: CallContext,
) => IpcResult<ChannelOutput<C>> | ChannelOutput<C> | Promise<IpcResult<ChannelOutput<C>> | ChannelOutput<C>>;

/** A capability's slice: a handler for each of its channels (e.g. HandlerSlice<keyof typeof receiptContract>). */
export type HandlerSlice<C extends Channel> = { readonly [K in C]: Handler<K> };

/** What a site's app must answer: every channel the contract serves there, no more (a missing one is a type error). */
export type SiteHandlers<S extends Site> = HandlerSlice<SiteChannel<S>>;

export type Invoke = (channel: string, input: unknown, caller: string) => Promise<IpcResult<unknown>>;

/**
 * Each site answers the channels the contract serves there (a venue station has the counter; headquarters
 * its own). A channel the site does not serve answers 'unavailable' after the usual session and role checks.
 */
export function createDispatcher<S extends Site>(
  site: S,
  handlers: SiteHandlers<S>,
  sessions: Sessions,
  log: (line: string) => void = () => {},
  /** The data folder, to tell a full disk from another I/O error. */
  dataDir?: string,
): Invoke {
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
    if (!(spec.sites as readonly Site[]).includes(site)) return fail('unavailable', 'この端末ではできない操作です');
    const handler = (handlers as Record<string, (i: unknown, c: CallContext) => IpcResult<unknown> | unknown>)[channel]!;
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
      // The disk, not the program: said as what happened and what to do; the station goes on (reads still work).
      const fault = storageFault(e, dataDir);
      if (fault) {
        log(`${channel}: ${fault.code} (${(e as { code?: string }).code})`);
        return fail('storage', fault.message);
      }
      // Where, not what: an error's message may quote a resident's data, and the log is plain text.
      log(`handler ${channel} threw: ${describeUnexpected(e)}`);
      return fail('internal', '内部エラーが発生しました');
    }
  };
}

function fail(code: IpcError['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function isResult(v: unknown): v is IpcResult<unknown> {
  return (
    typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean' && ('value' in v || 'error' in v)
  );
}

/** "path: message" lines from zod, without the offending values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) =>
      // A message written for people (Japanese) stands alone; otherwise the field's path says where.
      i.code === 'custom' || /[ぁ-んァ-ヶ一-龯]/.test(i.message)
        ? i.message
        : `${i.path.length ? i.path.join('.') : '入力'}: 形式が正しくありません`,
    )
    .join('\n');
}
