// THE contract between the renderer and main: every channel's input and output schema and who may call it.
// Main validates every input against it; preload, the browser-mode bridge and the renderer derive their
// types from it. Errors cross as results ({ ok: false, error: { code, message } }), never as exceptions.
import { z } from 'zod';
import { IdCheck } from '../counter/id-documents';
import { ScanOutcome, SearchHit } from '../counter/outcomes';
import { VENUE_IDS } from '../venues/venues';
import { STAFF_ROLES, type StaffRole } from './roles';
import { ReservationNumber as ReservationNo } from '../roster/reservation-number';
import { DIFFERENCE_REASONS } from '../glossary';

const Reason = z.string().trim().min(1, '理由を入力してください').max(200);
const Empty = z.strictObject({});
const ShipmentRef = z.string().min(1).max(64);
const CheckId = z.string().regex(/^rc-[0-9a-f]{16}$/, '受領確認IDが不正です');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD です');

const ReceiptScanOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('received'), reservationNo: z.string() }),
  z.strictObject({ kind: z.literal('already-scanned'), reservationNo: z.string() }),
  z.strictObject({ kind: z.literal('other-shipment'), reservationNo: z.string(), shipmentId: z.string() }),
  z.strictObject({ kind: z.literal('other-venue'), reservationNo: z.string(), venue: z.string() }),
  z.strictObject({ kind: z.literal('not-in-ledger'), reservationNo: z.string() }),
  z.strictObject({ kind: z.literal('malformed'), shown: z.string() }),
]);
const ReceiptCheckView = z.strictObject({
  checkId: z.string(),
  shipmentId: z.string(),
  shipped: z.number(),
  scanned: z.number(),
  missing: z.array(z.string()),
  unexpected: z.array(z.strictObject({ code: z.string(), kind: z.string() })),
  closed: z.boolean(),
});
const DayFiguresView = z.strictObject({
  totals: z.record(z.string(), z.union([z.number(), z.boolean()])),
  byStation: z.array(z.strictObject({ stationId: z.string(), handedOver: z.number(), refusals: z.number() })),
});
/** Figures that moved after a day's close: corrections made later, shown beside the frozen ones. */
const CorrectedSinceClose = z.array(z.strictObject({ figure: z.string(), frozen: z.union([z.number(), z.boolean()]), now: z.union([z.number(), z.boolean()]) }));
const DailyReportView = z.strictObject({
  date: z.string(),
  closed: z.strictObject({ at: z.string(), by: z.string(), figures: DayFiguresView }).nullable(),
  current: DayFiguresView,
  correctedSinceClose: CorrectedSinceClose,
});
const CountsView = z.strictObject({
  shipped: z.number(), received: z.number(), notReceived: z.number(), handedOver: z.number(), outstanding: z.number(),
  returned: z.number(), refusals: z.number(), damaged: z.number(), holds: z.boolean(),
});
const ReconciliationView = z.strictObject({
  /** The business day (Tokyo): counts are as of its end, per-station figures and the chart are that day's. */
  date: z.string(),
  total: CountsView,
  shipments: z.array(CountsView.extend({ shipmentId: z.string() })),
  /** The cards that break an invariant (the first few hundred; `breakerCount` says how many in all). */
  breakers: z.array(z.strictObject({ reservationNo: z.string(), reason: z.string() })),
  breakerCount: z.number(),
  byStation: z.array(z.strictObject({ stationId: z.string(), handedOver: z.number(), refusals: z.number() })),
  /** Handovers per 30 minutes over the day, all stations: 48 slots from 00:00 Tokyo time. */
  halfHours: z.array(z.number()),
  closed: z.strictObject({ at: z.string(), by: z.string() }).nullable(),
  /** Figures that moved after the close: corrections made later (never silently changing the frozen ones). */
  correctedSinceClose: CorrectedSinceClose,
  /** Cards handed over at two of the venue's stations while they could not see each other: for the lead to settle. */
  conflicts: z.array(z.strictObject({ reservationNo: z.string(), stations: z.array(z.string()) })),
});
const BatchId = z.string().regex(/^rt-[0-9a-f]{12}$/, '返戻バッチIDが不正です');
const Figures = z.strictObject({
  shipped: z.number(), received: z.number(), notReceived: z.number(), handedOver: z.number(), outstanding: z.number(),
  returned: z.number(), refusals: z.number(), damaged: z.number(),
});
const PullSummary = z.array(z.strictObject({
  source: z.string(),
  problem: z.string().nullable(),
  ingested: z.number(),
  alreadyHad: z.number(),
  refused: z.array(z.string()),
}));
/** HQ's consolidation of the ward from the ledgers it built and the stations' sync files. */
const WardReportView = z.strictObject({
  asOf: z.string(),
  total: Figures,
  holds: z.boolean(),
  venues: z.array(z.strictObject({
    venue: z.enum(VENUE_IDS),
    name: z.string(),
    figures: Figures,
    holds: z.boolean(),
    stations: z.array(z.strictObject({ stationId: z.string(), files: z.number(), lastSeq: z.number().nullable(), lastBusinessDate: z.string().nullable(), gaps: z.array(z.number()), stale: z.boolean() })),
  })),
  shipments: z.array(z.strictObject({ shipmentId: z.string(), shipped: z.number(), jlisCards: z.number().nullable(), matches: z.boolean().nullable() })),
  mismatches: z.array(z.string()),
});
/** What can be printed; the ledger and the daily report also by HQ, the rest by the venue lead. */
export const PrintRequest = z.discriminatedUnion('document', [
  // `venue` says whose ledger at headquarters, which keeps every venue's; a venue station prints its own.
  z.strictObject({ document: z.literal('ledger'), shipmentId: ShipmentRef, order: z.enum(['town', 'reservation']), venue: z.enum(VENUE_IDS).optional() }),
  z.strictObject({ document: z.literal('daily-report'), date: IsoDate }),
  z.strictObject({ document: z.literal('discrepancy'), checkId: CheckId, shipmentId: ShipmentRef }),
  z.strictObject({ document: z.literal('return-list'), batchId: BatchId }),
]);
export type PrintRequest = z.infer<typeof PrintRequest>;
/** A 100,000-row ledger is ~15 MB; base64 adds a third. */
const MAX_LEDGER_BASE64 = 64 * 1024 * 1024;

export const SessionView = z.strictObject({
  staffId: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

export const StatusView = z.strictObject({
  venue: z.strictObject({ id: z.enum(VENUE_IDS), name: z.string(), place: z.string() }),
  stationId: z.string(),
  handoversTodayAtStation: z.number(),
  outstandingAtVenue: z.number(),
  cardsAtVenue: z.number(),
  scanner: z.strictObject({
    mode: z.enum(['keyboard', 'hid', 'none']),
    /** The key layout a keyboard-mode scanner is set to, which the renderer decodes KeyboardEvent.code with. */
    layout: z.enum(['us', 'jis']),
    connected: z.boolean(),
    device: z.string().nullable(),
  }),
});
export type StatusView = z.infer<typeof StatusView>;

/** Who may call a channel: anyone (even signed out), or signed-in staff of these roles (and not locked). */
type Access = 'public' | readonly StaffRole[];

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access) {
  return { input, output, access };
}

const COUNTER: readonly StaffRole[] = ['clerk', 'lead'];
const ANY_STAFF: readonly StaffRole[] = ['clerk', 'lead', 'hq'];

export const StationView = z.strictObject({
  unlocked: z.boolean(),
  /** Headquarters' own data folder (事務センター): no counter, HQ's screens. */
  hq: z.boolean(),
  /** Which venue's data folder this station opens (readable before unlocking: not personal data); null at HQ. */
  venue: z.strictObject({ id: z.enum(VENUE_IDS), name: z.string() }).nullable(),
  stationId: z.string().nullable(),
});
export type StationView = z.infer<typeof StationView>;

export const contract = {
  /** Whether the venue's encrypted data folder is open; until it is, only these two channels answer. */
  'station:status': channel(Empty, StationView, 'public'),
  'station:unlock': channel(z.strictObject({ passphrase: z.string().min(1).max(1024) }), StationView, 'public'),
  'session:get': channel(Empty, SessionView.nullable(), 'public'),
  'session:signIn': channel(z.strictObject({ staffId: z.string().min(1).max(32), pin: z.string().min(1).max(16) }), SessionView, 'public'),
  'session:signOut': channel(Empty, z.null(), 'public'),
  'session:lock': channel(Empty, z.null(), 'public'),
  'session:unlock': channel(z.strictObject({ pin: z.string().min(1).max(16) }), SessionView, 'public'),
  /** The clerk is busy in the window (ticking the ID check…): keeps main's idle clock in step with the screen's. */
  'session:touch': channel(Empty, z.null(), ANY_STAFF),
  'status:get': channel(Empty, StatusView, ANY_STAFF),
  'counter:scan': channel(z.strictObject({ code: z.string().max(256), source: z.enum(['keyboard', 'hid', 'manual']) }), ScanOutcome, COUNTER),
  'counter:view': channel(z.strictObject({ reservationNo: ReservationNo }), ScanOutcome, COUNTER),
  'counter:handover': channel(z.strictObject({ reservationNo: ReservationNo, idCheck: IdCheck }), z.strictObject({ eventId: z.string(), at: z.string() }), COUNTER),
  'counter:refuse': channel(z.strictObject({ reservationNo: ReservationNo, reason: Reason }), z.strictObject({ eventId: z.string() }), COUNTER),
  'counter:undo': channel(z.strictObject({ reservationNo: ReservationNo, reason: Reason }), z.strictObject({ eventId: z.string() }), ['lead']),
  'counter:search': channel(
    z.strictObject({ prefix: z.string().trim().min(1, '氏名またはカナを入力してください').max(40), birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '生年月日を入力してください') }),
    z.strictObject({ hits: z.array(SearchHit), capped: z.boolean() }),
    COUNTER,
  ),
  'lead:confirmReceipt': channel(z.strictObject({ shipmentId: z.string().min(1).max(64) }), z.strictObject({ cards: z.number() }), ['lead']),
  /** The lead's import screen: the same service as `madoguchi ledger import`, files read in the window. */
  'lead:importLedger': channel(
    z.strictObject({
      ledgerBase64: z.string().min(1).max(MAX_LEDGER_BASE64, '台帳ファイルが大きすぎます'),
      venueKeyFile: z.string().min(1).max(16_384),
      hqPublicKeyFile: z.string().min(1).max(16_384),
      passphrase: z.string().min(1).max(1024),
    }),
    z.strictObject({ status: z.enum(['imported', 'already-imported']), shipmentId: z.string(), rowCount: z.number() }),
    ['lead'],
  ),
  // The venue lead's receipt check, corrections, returns, reconciliation, day close and prints.
  'lead:receiptOpen': channel(z.strictObject({ shipmentId: ShipmentRef }), z.strictObject({ checkId: z.string() }), ['lead']),
  'lead:receiptScan': channel(z.strictObject({ checkId: CheckId, shipmentId: ShipmentRef, code: z.string().max(256) }), ReceiptScanOutcome, ['lead']),
  'lead:receiptView': channel(z.strictObject({ checkId: CheckId, shipmentId: ShipmentRef }), ReceiptCheckView, ['lead']),
  'lead:receiptClose': channel(
    z.strictObject({
      checkId: CheckId,
      shipmentId: ShipmentRef,
      differences: z.array(z.strictObject({ code: z.string().max(64), kind: z.enum(['missing', 'unexpected']), reason: z.enum(DIFFERENCE_REASONS), memo: z.string().max(200) })).max(100_000),
    }),
    ReceiptCheckView,
    ['lead'],
  ),
  'lead:markDamaged': channel(z.strictObject({ reservationNo: ReservationNo, reason: Reason }), z.strictObject({ eventId: z.string() }), ['lead']),
  'lead:correctReceipt': channel(z.strictObject({ reservationNo: ReservationNo, received: z.boolean(), reason: Reason }), z.strictObject({ eventId: z.string() }), ['lead']),
  'lead:overdue': channel(Empty, z.array(z.strictObject({ reservationNo: z.string(), name: z.string(), shippedOn: z.string(), deadline: z.string() })), ['lead']),
  'lead:returnBatch': channel(z.strictObject({ reservationNos: z.array(ReservationNo).min(1).max(100_000), reason: Reason }), z.strictObject({ batchId: z.string(), cards: z.number() }), ['lead']),
  /** Closes the day; with sync set up, the day's sync file is written to the outbox too (its name, else null). */
  'lead:closeDay': channel(z.strictObject({ date: IsoDate }), DailyReportView.extend({ syncFile: z.string().nullable() }), ['lead']),
  'lead:reconciliation': channel(z.strictObject({ date: IsoDate }), ReconciliationView, ['lead', 'hq']),
  'lead:returnBatches': channel(Empty, z.array(z.strictObject({ batchId: z.string(), at: z.string(), by: z.string(), reason: z.string(), cards: z.number() })), ['lead']),
  /** Renders a document and hands it to the platform's printer: a preview URL (browser mode) or a saved PDF (Electron). */
  'print:document': channel(PrintRequest, z.strictObject({ title: z.string(), pages: z.number().int(), preview: z.string().nullable(), savedTo: z.string().nullable() }), ['lead', 'hq']),
  'lead:shipments': channel(Empty, z.array(z.strictObject({ shipmentId: z.string(), rowCount: z.number(), received: z.boolean() })), ['lead', 'hq']),
  /** At headquarters: every ledger HQ built, per shipment and venue (the rows stay in main until printed). */
  /** Pulls every registered station's source now and takes the files in (as `madoguchi hq pull`). */
  'hq:pull': channel(Empty, PullSummary, ['hq']),
  /** A venue station takes in its sibling stations' files now (as `madoguchi sync pull`). */
  'lead:pullSiblings': channel(Empty, PullSummary, ['lead']),
  'hq:report': channel(z.strictObject({ date: IsoDate }), WardReportView, ['hq']),
  'hq:ledgers': channel(Empty, z.array(z.strictObject({ shipmentId: z.string(), venue: z.enum(VENUE_IDS), rowCount: z.number(), createdAt: z.string() })), ['hq']),
} as const;

type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

type IpcErrorCode =
  | 'invalid-input' | 'unknown-channel' | 'signed-out' | 'locked' | 'forbidden' | 'internal'
  | 'unavailable' | 'bad-credentials' | 'locked-out' | 'malformed' | 'not-found' | 'not-received' | 'already-handed-over'
  | 'id-check-failed' | 'not-handed-over' | 'returned' | 'damaged'
  | 'bad-key-file' | 'wrong-passphrase' | 'ledger-refused' | 'conflict' | 'station-locked' | 'no-data-folder'
  | 'closed' | 'reasons-missing' | 'not-outstanding' | 'no-reason' | 'handed-over' | 'future' | 'already-closed';
export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Pushed from main to the renderer. */
export const PushEvents = {
  'scanner:scan': z.strictObject({ code: z.string() }),
  'scanner:status': z.strictObject({ connected: z.boolean(), device: z.string().nullable() }),
  /** A ledger import's progress, phase by phase, for the lead's progress bar. */
  'ledger:progress': z.strictObject({ phase: z.enum(['keys', 'verify', 'write', 'done']), step: z.number().int(), steps: z.number().int() }),
} as const;
export type PushEvent = keyof typeof PushEvents;

/** What the renderer sees as `window.madoguchi`, identical in Electron (preload) and browser mode (bridge). */
export type MadoguchiApi = {
  readonly [C in Channel]: (input: ChannelInput<C>) => Promise<IpcResult<ChannelOutput<C>>>;
} & {
  readonly on: <E extends PushEvent>(event: E, listener: (payload: z.infer<(typeof PushEvents)[E]>) => void) => () => void;
};
