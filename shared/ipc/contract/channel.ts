// How a contract entry is declared: its input and output schemas, who may call it, and at which site.
import type { z } from 'zod';
import type { StaffRole } from '../roles';

/** Who may call a channel: anyone (even signed out), or signed-in staff of these roles (and not locked). */
export type Access = 'public' | readonly StaffRole[];

/** Where a channel is served: a venue's station, headquarters' (事務センター), or both. */
export type Site = 'venue' | 'hq';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, S extends Site = Site> {
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  readonly sites: readonly S[];
}

export function channel<I extends z.ZodType, O extends z.ZodType, S extends Site>(
  input: I,
  output: O,
  access: Access,
  sites: readonly S[],
): ChannelSpec<I, O, S> {
  return { input, output, access, sites };
}

export const COUNTER: readonly StaffRole[] = ['clerk', 'lead'];
export const ANY_STAFF: readonly StaffRole[] = ['clerk', 'lead', 'hq'];
export const LEAD: readonly StaffRole[] = ['lead'];
export const VENUE = ['venue'] as const;
export const HQ = ['hq'] as const;
export const BOTH = ['venue', 'hq'] as const;
