// THE contract between the renderer and main: every channel's input and output schema, who may call it and at
// which site (a venue's station, headquarters'), one file per capability in contract/, merged here. Main
// validates every input against it; preload, the browser-mode bridge and the renderer derive their types from
// it. Errors cross as results ({ ok: false, error: { code, message } }), never as exceptions. A channel's name
// says its capability (`receipt:scan`), not who calls it.
import { z } from 'zod';
import { SMALL_BODY_BYTES, type Site } from './contract/channel';
import { stationContract } from './contract/station';
import { sessionContract } from './contract/session';
import { counterContract } from './contract/counter';
import { ledgerContract } from './contract/ledger';
import { receiptContract } from './contract/receipt';
import { correctionsContract } from './contract/corrections';
import { returnsContract } from './contract/returns';
import { accessContract } from './contract/access';
import { reconciliationContract } from './contract/reconciliation';
import { dayCloseContract } from './contract/day-close';
import { printContract } from './contract/print';
import { syncContract } from './contract/sync';
import { hqContract } from './contract/hq';
import { staffContract } from './contract/staff';
import { backupContract } from './contract/backup';
import { dataLifeContract } from './contract/data-life';
import { autoOpenContract } from './contract/auto-open';
import { setupContract } from './contract/setup';

export { StationView } from './contract/station';
export { SessionView } from './contract/session';
export { StatusView } from './contract/counter';
export { PrintRequest } from './contract/print';
export type { Site } from './contract/channel';
export type { FreeSpaceWarning } from './contract/common';

export const contract = {
  ...stationContract,
  ...sessionContract,
  ...counterContract,
  ...ledgerContract,
  ...receiptContract,
  ...correctionsContract,
  ...returnsContract,
  ...accessContract,
  ...reconciliationContract,
  ...dayCloseContract,
  ...printContract,
  ...syncContract,
  ...hqContract,
  ...staffContract,
  ...backupContract,
  ...dataLifeContract,
  ...autoOpenContract,
  ...setupContract,
} as const;

type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
/** The channels a site serves: its app must answer every one of them (a missing handler is a type error). */
export type SiteChannel<S extends Site> = { [C in Channel]: S extends Contract[C]['sites'][number] ? C : never }[Channel];

export const CHANNELS = Object.keys(contract) as Channel[];

/** The most bytes a request to this channel may send; a name not in the contract gets the small cap (it is refused anyway). */
export function bodyCapOf(channel: string): number {
  return Object.hasOwn(contract, channel) ? contract[channel as Channel].maxBodyBytes : SMALL_BODY_BYTES;
}
export { SMALL_BODY_BYTES };

type IpcErrorCode =
  | 'invalid-input'
  | 'unknown-channel'
  | 'signed-out'
  | 'locked'
  | 'forbidden'
  | 'internal'
  /** The window could not reach main at all (the browser mode's server stopped, main hung): nothing was done. */
  | 'unreachable'
  /** The disk failed (full, read-only, I/O error, damaged database): nothing was recorded; the message says what to do. */
  | 'storage'
  | 'unavailable'
  /** Browser mode: the request was bigger than its channel's cap (HTTP 413); nothing was done. */
  | 'too-large'
  /** Browser mode: too many requests at once (HTTP 503, Retry-After); nothing was done, try again shortly. */
  | 'busy'
  /** Browser mode: an address that does not decode (HTTP 400); nothing was done. */
  | 'bad-request'
  /**
   * Browser mode: the call did not carry this server's live session (the cookie and the tab's secret; a second tab,
   * a session expired or its secret replaced): nothing was done (HTTP 403).
   */
  | 'no-session'
  | 'bad-credentials'
  | 'locked-out'
  | 'malformed'
  | 'not-found'
  | 'not-received'
  | 'already-handed-over'
  | 'id-check-failed'
  | 'not-handed-over'
  | 'returned'
  | 'damaged'
  | 'bad-key-file'
  | 'wrong-passphrase'
  | 'ledger-refused'
  | 'conflict'
  | 'station-locked'
  | 'no-data-folder'
  | 'closed'
  | 'reasons-missing'
  | 'not-outstanding'
  | 'no-reason'
  | 'handed-over'
  | 'not-damaged'
  | 'future'
  | 'clock-behind'
  | 'already-closed'
  | 'day-closed'
  /** A person's searches passed a limit (shared/counter/search-rules.ts): refused, recorded, the lead told. */
  | 'search-limit'
  /** A backup could not be made (no folder set, the medium missing, full or unwritable): the message says which. */
  | 'backup-failed'
  /** PDFで保存 could not write where the lead chose (full, write-protected, not theirs): that place is named. */
  | 'not-saved';
export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
/** What a call answers when main could not be reached: the preload, the browser bridge and the renderer say it alike. */
export const UNREACHABLE: IpcError = { code: 'unreachable', message: '窓口サービスに接続できません' };

/** Pushed from main to the renderer. */
export const PushEvents = {
  'scanner:scan': z.strictObject({ code: z.string() }),
  'scanner:status': z.strictObject({ connected: z.boolean(), device: z.string().nullable() }),
  /** A ledger import's progress, phase by phase, for the lead's progress bar. */
  'ledger:progress': z.strictObject({
    phase: z.enum(['keys', 'verify', 'write', 'done']),
    step: z.number().int(),
    steps: z.number().int(),
  }),
} as const;
export type PushEvent = keyof typeof PushEvents;
export const PUSH_EVENTS = Object.keys(PushEvents) as PushEvent[];
export type PushPayload<E extends PushEvent> = z.infer<(typeof PushEvents)[E]>;

/** What the renderer sees as `window.madoguchi`, identical in Electron (preload) and browser mode (bridge). */
export type MadoguchiApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  readonly on: <E extends PushEvent>(event: E, listener: (payload: PushPayload<E>) => void) => () => void;
};
