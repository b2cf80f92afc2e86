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
