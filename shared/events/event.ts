// The event log's vocabulary. Every record a venue makes (ledger imports now; receipt checks, handovers,
// corrections and sync in later work) is one of these, appended and never changed.
import { z } from 'zod';
import { VENUE_IDS } from '../venues/venues';
import { IdCheck } from '../counter/id-documents';
import { ReservationNumber as ReservationNo } from '../roster/reservation-number';
import { DIFFERENCE_REASONS } from '../glossary';

export const EventId = z.string().regex(/^[0-9a-f]{32}$/, 'a 128-bit id as 32 lower-case hex digits');
export const StationId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'a station id: lower-case letters, digits, hyphens');
export const Actor = z.string().min(1).max(100);

/** Payloads per kind. Never personal data beyond what the record itself is about (reservation numbers). */
export const EventPayloads = {
  'ledger.imported': z.strictObject({
    shipmentId: z.string(),
    venue: z.enum(VENUE_IDS),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
    rowCount: z.number().int().nonnegative(),
    createdAt: z.string(),
    hqKeyId: z.string(),
  }),
  /** A venue lead confirms a shipment's box arrived whole (per-card receipt checks refine this later). */
  'receipt.confirmed': z.strictObject({ shipmentId: z.string(), cards: z.number().int().nonnegative() }),
  /** The card went to the resident (or their proxy) after this ID check. Categories only, never numbers. */
  /** approvedAfterClose: the venue lead who let it be recorded on a day already closed (日締め後). */
  'handover.recorded': z.strictObject({ reservationNo: ReservationNo, idCheck: IdCheck, approvedAfterClose: Actor.optional() }),
  /** The ID check failed: the card stays outstanding. */
  'handover.refused': z.strictObject({
    reservationNo: ReservationNo,
    reason: z.string().min(1).max(200),
    approvedAfterClose: Actor.optional(),
  }),
  /** A venue lead reverses a handover recorded by mistake; the original event stays. */
  'handover.undone': z.strictObject({ reservationNo: ReservationNo, handoverEventId: EventId, reason: z.string().min(1).max(200) }),
  /** One card scanned during a receipt check of a shipment's box. */
  'receipt.card-received': z.strictObject({ reservationNo: ReservationNo, checkId: z.string().min(1).max(64) }),
  /** A venue lead fixes a mistaken receipt record (received or not), with the reason. */
  'receipt.corrected': z.strictObject({ reservationNo: ReservationNo, received: z.boolean(), reason: z.string().min(1).max(200) }),
  /**
   * A scan during a receipt check of a valid reservation number that is not a card of the shipment being
   * checked (kept for the report). A scan that is not a reservation number at all is not recorded: 'malformed'
   * remains only so that events written before that rule still read.
   */
  'receipt.unexpected': z.strictObject({
    checkId: z.string().min(1).max(64),
    shipmentId: z.string(),
    code: z.string().max(64),
    kind: z.enum(['other-shipment', 'other-venue', 'not-in-ledger', 'malformed']),
  }),
  /**
   * The lead takes back a 余剰 scanned by mistake (a card put back in the wrong pile, say) before the check is
   * closed: the code leaves the check's differences; the receipt.unexpected event stays. Scanned again, it is back.
   */
  'receipt.unexpected-removed': z.strictObject({
    checkId: z.string().min(1).max(64),
    shipmentId: z.string(),
    code: z.string().max(64),
  }),
  /** The lead closes a receipt check: every difference with its reason (未着・破損・誤配送・その他). */
  'receipt.check-closed': z.strictObject({
    checkId: z.string().min(1).max(64),
    shipmentId: z.string(),
    shipped: z.number().int().nonnegative(),
    scanned: z.number().int().nonnegative(),
    differences: z.array(
      z.strictObject({
        code: z.string().max(64),
        kind: z.enum(['missing', 'unexpected']),
        reason: z.enum(DIFFERENCE_REASONS),
        memo: z.string().max(200),
      }),
    ),
  }),
  'card.damaged': z.strictObject({ reservationNo: ReservationNo, reason: z.string().min(1).max(200) }),
  /** A lead withdraws a damage record made in error: the card can be handed over again (the record stays). */
  'card.damage-withdrawn': z.strictObject({ reservationNo: ReservationNo, reason: z.string().min(1).max(200) }),
  /** Sent back to HQ (返戻) in a return batch. */
  'card.returned': z.strictObject({ reservationNo: ReservationNo, batchId: z.string().min(1).max(64), reason: z.string().min(1).max(200) }),
  /** The lead closes a business day: its figures are frozen here, exactly as reconciled at the close. */
  'day.closed': z.strictObject({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    totals: z.record(z.string(), z.union([z.number(), z.boolean()])),
    byStation: z.array(z.strictObject({ stationId: z.string(), handedOver: z.number(), refusals: z.number() })),
  }),
  /** HQ built a venue's ledger for a shipment and kept its rows (HQ's data folder only). */
  'hq.ledger-built': z.strictObject({
    shipmentId: z.string(),
    venue: z.enum(VENUE_IDS),
    fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
    rowCount: z.number().int().nonnegative(),
    createdAt: z.string(),
  }),
  'staff.enrolled': z.strictObject({ staffId: z.string(), role: z.enum(['clerk', 'lead', 'hq']) }),
  /**
   * The station came back from a backup after its folder was lost (issue 15): the backup it came from, the sync
   * files it took back from where they had been received, and the rows of its access record lost with the disk
   * (never sent anywhere: an incident to report, 別紙⑦ 第15条). HQ reads it to expect the record from the backup on.
   */
  'station.restored': z.strictObject({
    backupCreatedAt: z.string(),
    backupAccessHead: z.strictObject({ seq: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    reclaimedThroughFile: z.number().int().nonnegative().nullable(),
    lostAccess: z.strictObject({ from: z.number().int().positive(), to: z.number().int().positive() }).nullable(),
  }),
  /**
   * A venue lead lifted an account's PIN lockout (the actor is the lead; at HQ, `cli`): a timed one before it ran
   * out, or (lockedUntil null) one that waited for a person after 15 wrong PINs.
   */
  'staff.unlocked': z.strictObject({ staffId: z.string(), lockedUntil: z.string().nullable() }),
  /** A venue lead stopped an account (the actor is the lead): it no longer signs in; what it recorded stays. */
  'staff.disabled': z.strictObject({ staffId: z.string() }),
  /** A venue lead set a new PIN for an account (never the PIN itself); its lockout was lifted with it. */
  'staff.pin-reset': z.strictObject({ staffId: z.string() }),
} as const;

export type EventKind = keyof typeof EventPayloads;
export type EventPayload<K extends EventKind> = z.infer<(typeof EventPayloads)[K]>;

export interface StoredEvent<K extends EventKind = EventKind> {
  readonly id: string;
  readonly stationId: string;
  readonly seq: number;
  readonly clientTime: string;
  readonly actor: string;
  readonly kind: K;
  readonly payload: EventPayload<K>;
  /** The reservation number the event is about, if any. */
  readonly subject: string | null;
}

export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(EventPayloads, kind);
}

/**
 * The JSON path of a payload field, for SQL that reads it with json_extract. Typed against the kind's schema
 * above, so renaming a payload field breaks the type check instead of silently emptying a query.
 */
export function payloadPath<K extends EventKind>(_kind: K, field: keyof EventPayload<K> & string): string {
  return `$.${field}`;
}
