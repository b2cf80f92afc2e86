// The station itself: whether its encrypted data folder is open, and opening it.
import { z } from 'zod';
import { VENUE_IDS } from '../../venues/venues';
import { BOTH, channel } from './channel';
import { Empty, FreeSpaceWarning } from './common';

export const StationView = z.strictObject({
  unlocked: z.boolean(),
  /** Headquarters' own data folder (事務センター): no counter, HQ's screens. */
  hq: z.boolean(),
  /** Which venue's data folder this station opens (readable before unlocking: not personal data); null at HQ. */
  venue: z.strictObject({ id: z.enum(VENUE_IDS), name: z.string(), place: z.string() }).nullable(),
  /** For support only (a hover title): screens name the station, never show its id. */
  stationId: z.string().nullable(),
  /**
   * The station as people name it (本庁舎 窓口1; the venue alone where no label is set), once the folder is open:
   * its label is a setting inside the encrypted folder, so before that only the venue can be named. Null at HQ
   * and while locked.
   */
  stationName: z.string().nullable(),
  /**
   * The station's own label (窓口2), or null where none is set or known, so that the unlock screen can tell two
   * PCs of one venue apart. While locked it is the plain copy kept beside the keyring (display only, null when
   * that copy is missing or not usable); once open, the database's setting. Null at HQ.
   */
  stationLabel: z.string().max(20).nullable(),
  /**
   * The data folder's disk running low, read afresh on every ask: shown on the unlock and sign-in screens, so the
   * lead who opens the station in the morning sees it before the day starts (readable while locked: a number).
   */
  freeSpace: FreeSpaceWarning,
  /**
   * Why the folder did not open by itself at start though 「この端末で自動的に開く」 is on (another Windows user, the
   * OS's store reset, a damaged folder): said on the unlock screen, where the passphrase still opens it. Absent otherwise.
   */
  autoOpenProblem: z.string().optional(),
  /**
   * The station has no data folder yet (none, or an empty folder where it should be): the window shows the
   * first-run setup (初回設定, contract/setup.ts) instead of an unlock screen that could not work. Absent otherwise.
   */
  needsSetup: z.literal(true).optional(),
});
export type StationView = z.infer<typeof StationView>;

export const stationContract = {
  /** Whether the station's encrypted data folder is open; until it is, only these two channels answer. */
  'station:status': channel(Empty, StationView, 'public', BOTH),
  'station:unlock': channel(z.strictObject({ passphrase: z.string().min(1).max(1024) }), StationView, 'public', BOTH),
} as const;
