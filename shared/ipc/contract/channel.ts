// How a contract entry is declared: its input and output schemas, who may call it, and at which site.
import type { z } from 'zod';
import type { StaffRole } from '../roles';

/** Who may call a channel: anyone (even signed out), or signed-in staff of these roles (and not locked). */
export type Access = 'public' | readonly StaffRole[];

/** Where a channel is served: a venue's station, headquarters' (事務センター), or both. */
export type Site = 'venue' | 'hq';

/**
 * What a channel's request may weigh on the wire (browser mode's JSON body), unless it says otherwise: a scan, a
 * search, a PIN, a 200-character reason or memo, a print request are all under 2 KiB. Browser mode stops reading at
 * the cap instead of buffering whatever is sent (an outside trial held ~1 GB for eight 90 MiB bodies).
 */
export const SMALL_BODY_BYTES = 64 * 1024;

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, S extends Site = Site> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  readonly sites: readonly S[];
  /** The most bytes its request body may hold, checked before the body is read in full (see SMALL_BODY_BYTES). */
  readonly maxBodyBytes: number;
}

export function channel<I extends z.ZodType, O extends z.ZodType, S extends Site>(
  input: I,
  output: O,
  access: Access,
  sites: readonly S[],
  maxBodyBytes: number = SMALL_BODY_BYTES,
): ChannelSpec<I, O, S> {
  return { input, output, access, sites, maxBodyBytes };
}

export const COUNTER: readonly StaffRole[] = ['clerk', 'lead'];
export const ANY_STAFF: readonly StaffRole[] = ['clerk', 'lead', 'hq'];
export const LEAD: readonly StaffRole[] = ['lead'];
export const VENUE = ['venue'] as const;
export const HQ = ['hq'] as const;
export const BOTH = ['venue', 'hq'] as const;
