// The three handover venues (交付会場) of 別紙①. Ids are what files, keys and the CLI use.

export const VENUE_IDS = ['honchosha', 'sogo', 'toyosu'] as const;
export type VenueId = (typeof VENUE_IDS)[number];

export interface Venue {
  readonly id: VenueId;
  /** The name residents and staff use. */
  readonly name: string;
  /** Where in the building the counter is. */
  readonly place: string;
}

export const VENUES: Readonly<Record<VenueId, Venue>> = {
  honchosha: { id: 'honchosha', name: '本庁舎', place: '江東区役所 2階' },
  sogo: { id: 'sogo', name: '総合区民センター', place: '総合区民センター 2階' },
  toyosu: { id: 'toyosu', name: '豊洲シビックセンター', place: '豊洲シビックセンター 11階 区民広場' },
};

export function isVenueId(value: unknown): value is VenueId {
  return typeof value === 'string' && (VENUE_IDS as readonly string[]).includes(value);
}

/**
 * Where a data folder lives: one of the venues, or headquarters (事務センター), whose folder keeps the
 * ledgers it built and, later, what the venues report back.
 */
export type SiteId = VenueId | 'hq';
export const SITE_IDS = [...VENUE_IDS, 'hq'] as const;
const HQ_NAME = '事務センター';

export function siteName(site: SiteId): string {
  return site === 'hq' ? HQ_NAME : VENUES[site].name;
}
