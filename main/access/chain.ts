// The hash chains that make the access record (個人情報取扱台帳) and a station's own events tamper-evident:
// each row carries sha256(previous row's chain ‖ this row's digest), written in the same transaction as the
// row. Removing, changing or reordering a row breaks every link after it; HQ, which is sent the digests
// between two checkpoints (never the rows: no names, no numbers), can tell a record that only grew from one
// that was rewound or rewritten. Plain functions: no database here.
import { createHash } from 'node:crypto';

/** The link before the first row. */
export const GENESIS = '0'.repeat(64);

export interface ChainHead {
  readonly seq: number;
  readonly sha256: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An access row's columns as stored (detail as JSON text). */
export interface AccessColumns {
  seq: number;
  at: string;
  station_id: string;
  actor: string;
  action: string;
  subject: string | null;
  detail: string;
}

/** An event's columns as stored (payload as JSON text). */
export interface EventColumns {
  id: string;
  station_id: string;
  seq: number;
  client_time: string;
  actor: string;
  kind: string;
  payload: string;
  subject: string | null;
}

/** An access row as chained: its columns in this order. Must never change. */
export function accessDigest(r: AccessColumns): string {
  return sha256(JSON.stringify([r.seq, r.at, r.station_id, r.actor, r.action, r.subject, r.detail]));
}

/** An event as chained: its columns in this order. Must never change. */
export function eventDigest(r: EventColumns): string {
  return sha256(JSON.stringify([r.id, r.station_id, r.seq, r.client_time, r.actor, r.kind, r.payload, r.subject]));
}

/** The next link: the previous row's chain (GENESIS for the first) and this row's digest. */
export function link(previous: string, digest: string): string {
  return sha256(previous + digest);
}

/** Where a run of digests, laid after `from`, ends. */
export function foldDigests(from: string, digests: readonly string[]): string {
  let at = from;
  for (const d of digests) at = link(at, d);
  return at;
}
