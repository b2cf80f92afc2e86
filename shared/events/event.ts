// The event log's vocabulary. Every record a venue makes (ledger imports now; receipt checks, handovers,
// corrections and sync in later work) is one of these, appended and never changed.
import { z } from 'zod';
import { VENUE_IDS } from '../venues/venues';

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
}

export function isEventKind(kind: string): kind is EventKind {
  return Object.hasOwn(EventPayloads, kind);
}
