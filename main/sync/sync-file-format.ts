// What a station's daily sync file holds, as schemas and types: the signed header (no personal data), the body
// (events, the counts the station claims, what it had merged, the head of its access record) and the problems a
// reader names. The byte framing, signing and sealing are in sync-file.ts.
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { Actor, EventId, EventPayloads, StationId, type EventKind, type StoredEvent } from '../../shared/events/event';
import { VENUE_IDS, type VenueId } from '../../shared/venues/venues';
import { MAX_RECIPIENTS, type SyncRecipientKey } from './sync-crypto';

export const MAX_SYNC_FILE_BYTES = 256 * 1024 * 1024;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const KeyId = z.string().regex(/^[0-9a-f]{16}$/);
const Count = z.number().int().nonnegative();

export const SyncHeader = z.strictObject({
  format: z.literal('madoguchi-station-sync'),
  version: z.literal(1),
  venue: z.enum(VENUE_IDS),
  stationId: StationId,
  seq: z.number().int().min(1),
  businessDate: z.iso.date(),
  createdAt: z.iso.datetime({ offset: true }),
  prevSha256: Hex64.nullable(),
  stationKeyId: KeyId,
  recipients: z
    .array(z.strictObject({ keyId: KeyId }))
    .min(1)
    .max(MAX_RECIPIENTS)
    .refine((list) => new Set(list.map((r) => r.keyId)).size === list.length, 'recipients must be distinct'),
  bodyBytes: Count.max(MAX_SYNC_FILE_BYTES),
  bodySha256: Hex64,
});
export type SyncHeader = z.infer<typeof SyncHeader>;

/** Only what is needed to look the signer up; nothing else of an unverified header is exposed. */
export const PeekedHeader = z.object({ venue: z.enum(VENUE_IDS), stationId: StationId, seq: z.number().int().min(1), stationKeyId: KeyId });
export type UnverifiedSyncHeader = z.infer<typeof PeekedHeader>;

export const ClaimedCounts = z.strictObject({
  shipped: Count,
  received: Count,
  handedOver: Count,
  outstanding: Count,
  returned: Count,
  refusals: Count,
  damaged: Count,
});
/** Cumulative as of the end of the business day, as the station computed them: claims for HQ to reconcile. */
export type ClaimedCounts = z.infer<typeof ClaimedCounts>;

const EVENT_KINDS = Object.keys(EventPayloads) as [EventKind, ...EventKind[]];
// The payload is checked per kind afterwards, so a failure can name the event without echoing its content.
const SyncEventShape = z.strictObject({
  id: EventId,
  stationId: StationId,
  seq: z.number().int().min(1),
  clientTime: z.iso.datetime({ offset: true }),
  actor: Actor,
  kind: z.enum(EVENT_KINDS),
  subject: z.string().max(100).nullable(),
  payload: z.unknown(),
});
export const SyncBodyShape = z.strictObject({
  events: z.array(SyncEventShape),
  claimed: ClaimedCounts,
  knownThrough: z.record(StationId, Count),
  accessHead: z.strictObject({ seq: Count, sha256: Hex64 }).nullable(),
  accessLink: z.strictObject({
    from: z.strictObject({ seq: Count, sha256: Hex64 }).nullable(),
    digests: z.array(Hex64),
  }),
  /** What the station is called at its venue (its station-label, 窓口1), when it has one. */
  stationLabel: z.string().min(1).max(40).optional(),
  /** The station's own check found its records changed: which record, and the first row that does not hold. */
  recordsBroken: z.strictObject({ record: z.enum(['access', 'events', 'staff']), seq: Count }).optional(),
});

export type SyncEvent = StoredEvent;
export interface SyncBody {
  readonly events: readonly SyncEvent[];
  readonly claimed: ClaimedCounts;
  /**
   * The events the claim was computed from: per station (itself and siblings it merged), the highest seq it
   * held. HQ recomputes from exactly these, so a claim and HQ's figure differ only if something is wrong.
   */
  readonly knownThrough: Readonly<Record<string, number>>;
  /** The station's access record (別紙⑦) as of the file: its last entry's seq and chain hash. */
  readonly accessHead: { readonly seq: number; readonly sha256: string } | null;
  /**
   * Where the previous file left the access record, and the digest of each row since (main/sync/access-checkpoint.ts):
   * HQ checks the record only grew without seeing a row of it.
   */
  readonly accessLink: { readonly from: { readonly seq: number; readonly sha256: string } | null; readonly digests: readonly string[] };
  /** What the station is called at its venue (窓口1): HQ and its siblings name it so (本庁舎 窓口1). */
  readonly stationLabel?: string;
  /**
   * The station's own check of its chained records (main/access/verify-record.ts) found a row missing or changed:
   * said to HQ, since the lead who sees it on the strip may be the one who changed it.
   */
  readonly recordsBroken?: { readonly record: 'access' | 'events' | 'staff'; readonly seq: number };
}

export interface OpenedSyncFile {
  readonly header: SyncHeader;
  readonly body: SyncBody;
  readonly fileSha256: string;
}

export type SyncFileProblemCode =
  | 'too-large'
  | 'not-a-sync-file'
  | 'bad-signature'
  | 'bad-header'
  | 'wrong-station'
  | 'wrong-venue'
  | 'truncated'
  | 'not-a-recipient'
  | 'cannot-decrypt'
  | 'bad-body';
export interface SyncFileProblem {
  readonly code: SyncFileProblemCode;
  readonly message: string;
}

/** Where the file says it comes from, as the caller's registry records it. */
export interface ExpectedOrigin {
  readonly venue: VenueId;
  readonly stationId: string;
}

export interface SyncFileInput {
  readonly venue: VenueId;
  readonly stationId: string;
  readonly seq: number;
  readonly businessDate: string;
  readonly createdAt: string;
  /** fileSha256 of this station's previous sync file, null for its first. */
  readonly prevSha256: string | null;
  readonly signingKey: { readonly keyId: string; readonly privateKey: KeyObject };
  readonly recipients: readonly SyncRecipientKey[];
  readonly body: SyncBody;
}
