// A venue station takes in its sibling stations' files (the venue's other counters), opened with the venue's
// key kept in its data folder: their handovers and receipts reach this counter, and the venue's figures are whole.
import type { Clock } from '../clock';
import type { VenueStore } from '../store/data-folder';
import { pullAndIngest, pullSources, summarizePull } from './pull';
import { venueKey } from './sync-keys';

/** Null when this station holds no venue key (set up with --venue-pub only): nothing to open the files with. */
export async function pullSiblings(ctx: { store: VenueStore; clock: Clock }): Promise<ReturnType<typeof summarizePull> | null> {
  const key = venueKey(ctx.store.db);
  if (!key) return null;
  const sources = pullSources(ctx.store.db, []);
  return summarizePull(await pullAndIngest({ db: ctx.store.db, clock: ctx.clock, recipient: key }, sources));
}
