// Sync between stations and to HQ: taking in the sibling stations' files now (the daily file is written at day close).
import { z } from 'zod';
import { LEAD, VENUE, channel } from './channel';
import { Empty } from './common';

export const PullSummary = z.array(
  z.strictObject({
    /** Whose files, in words (本庁舎 honchosha-a1b2c3); the folder or address when no station is known. */
    name: z.string(),
    /** The folder or address pulled: secondary detail. */
    source: z.string(),
    problem: z.string().nullable(),
    ingested: z.number(),
    alreadyHad: z.number(),
    refused: z.array(z.string()),
  }),
);

export const syncContract = {
  /** A venue station takes in its sibling stations' files now (as `madoguchi sync pull`). */
  'sync:pullSiblings': channel(Empty, PullSummary, LEAD, VENUE),
} as const;
