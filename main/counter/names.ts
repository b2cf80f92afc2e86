// Who and where, in words: the counter shows 「窓口　一郎」 and 「本庁舎 窓口1」, not `clerk:clerk1` and
// `honchosha-demo01`. Decided here in main, which knows the staff accounts and the station's settings, so the
// window only shows text; the ids stay beside the names for the record.
import { actorLabel } from '../../shared/ipc/roles';
import { siteName, VENUE_IDS, VENUES, type VenueId } from '../../shared/venues/venues';
import type { VenueStore } from '../store/data-folder';
import { listStaff } from '../auth/staff';
import { readSetting } from '../store/settings';
import { stationLabel } from '../db/queries/sync-stations';
import type { StaffOnPaper } from '../../shared/print/print-html';

/** The venue a station id belongs to: ids are made `<venue>-<suffix>` (data-folder.ts), or null if not one. */
function venueOfStation(stationId: string): VenueId | null {
  const prefix = stationId.slice(0, stationId.indexOf('-'));
  return (VENUE_IDS as readonly string[]).includes(prefix) ? (prefix as VenueId) : null;
}

/**
 * A station as people name it: its venue and its label (`station-label`, e.g. 本庁舎 窓口1): its own setting, or
 * for a registered station (a sibling, or any station at HQ) what its latest sync file said. A station whose
 * label is not known keeps its id after the venue name; an id of no venue (nor HQ's) is shown as is.
 */
export function stationName(store: Pick<VenueStore, 'db' | 'stationId'>, stationId: string): string {
  const venue = venueOfStation(stationId);
  // Headquarters' stations are `hq-<suffix>`: 事務センター in words (its own record lists them).
  if (venue === null) return stationId.startsWith('hq-') ? siteName('hq') : stationId;
  return venueStationName(
    venue,
    stationId,
    stationId === store.stationId ? readSetting(store.db, 'station-label') : stationLabel(store.db, stationId),
  );
}

/**
 * This station as its sign-in and lock screens name it: 本庁舎 窓口1, or the venue alone (本庁舎) where no label is
 * set; there the id would tell a person nothing (support finds it in `madoguchi status`).
 */
export function ownStationName(store: Pick<VenueStore, 'db' | 'venue'>): string {
  const label = ownStationLabel(store);
  return label === null ? VENUES[store.venue].name : `${VENUES[store.venue].name} ${label}`;
}

/** This station's label alone (窓口1), or null where none is set. */
export function ownStationLabel(store: Pick<VenueStore, 'db'>): string | null {
  const label = readSetting(store.db, 'station-label');
  return label === '' ? null : label;
}

/**
 * A station of a known venue in words: 本庁舎 窓口1 with its label, or 本庁舎 honchosha-a1b2c3 where the label
 * is not known (yet: a registered station's label arrives with its sync files).
 */
export function venueStationName(venue: VenueId, stationId: string, label = ''): string {
  return `${VENUES[venue].name} ${label === '' ? stationId : label}`;
}

/**
 * An event's actor (`clerk:clerk1`) as people name them: the staff member's display name when this station
 * knows the account, otherwise the id and role (`clerk1（窓口職員）`, e.g. a sibling station's clerk).
 */
export function actorName(store: Pick<VenueStore, 'db'>, actor: string): string {
  return staffOnPaper(store, actor).name;
}

/**
 * An actor as a printed document names them: the display name, with the staff id beside it (in small print):
 * the event log and the access record keep ids, and display names need not be unique, so an auditor matching
 * a signed paper to the records needs both. An account this station does not know is its id and role.
 */
export function staffOnPaper(store: Pick<VenueStore, 'db'>, actor: string): StaffOnPaper {
  const staffId = actor.slice(actor.indexOf(':') + 1);
  const known = listStaff(store.db).find((s) => s.staffId === staffId);
  return known ? { name: known.displayName, staffId } : { name: actorLabel(actor), staffId: null };
}

interface HandoverRef {
  readonly eventId: string;
  readonly at: string;
  readonly stationId: string;
  readonly actor: string;
}

/** A handover as the counter shows it: the record's ids and, beside them, who and where in words. */
export function handoverView(store: VenueStore, ref: HandoverRef): HandoverRef & { stationName: string; actorName: string } {
  return { ...ref, stationName: stationName(store, ref.stationId), actorName: actorName(store, ref.actor) };
}
