// A counter PC's first-run setup (初回設定), before its data folder exists: the venue lead chooses the venue and
// the station's label, the folder's passphrase, HQ's key (its fingerprint checked by phone), optionally the daily
// sync's keys, the first lead's account, and where the station's registration file for HQ goes. These channels
// are answered by main/app/station.ts only while no data folder exists; neither site's app serves them.
import { z } from 'zod';
import { VENUE_IDS } from '../../venues/venues';
import { channel } from './channel';
import { Empty } from './common';
import { StationView } from './station';

/** The wizard's steps, in order: a check of one step checks every step before it too. */
export const SETUP_STEPS = ['station', 'passphrase', 'hq-key', 'sync', 'lead', 'registration'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** What the lead has entered so far; files are sent as their text (key files and hq-sync.json are small JSON). */
export const SetupDraft = z.strictObject({
  venue: z.enum(VENUE_IDS).nullable(),
  stationLabel: z.string().max(100),
  passphrase: z.string().max(1024),
  passphraseAgain: z.string().max(1024),
  hqPublicKeyFile: z.string().max(16_384),
  /** The lead heard HQ read the same fingerprint by phone. */
  hqFingerprintConfirmed: z.boolean(),
  /** null: the daily sync is set up later (後で), with `madoguchi sync setup`. */
  sync: z
    .strictObject({
      hqSyncFile: z.string().max(65_536),
      venueKeyFile: z.string().max(16_384),
      venueKeyPassphrase: z.string().max(1024),
    })
    .nullable(),
  lead: z.strictObject({
    staffId: z.string().max(64),
    displayName: z.string().max(100),
    pin: z.string().max(32),
    pinAgain: z.string().max(32),
  }),
  /** Where `<stationId>.station.json` is written for HQ (a USB stick): the whole path. */
  registrationFolder: z.string().max(1024),
});
export type SetupDraft = z.infer<typeof SetupDraft>;

/** The largest draft, JSON-escaped: well over what the fields' caps add up to, under any file's. */
const SETUP_BODY_BYTES = 512 * 1024;
/** Served by no site's app: the station answers them itself, before its folder exists. */
const NO_SITE = [] as const;

export const setupContract = {
  /** Checks the draft's steps up to `upTo`; the first that is wrong is refused, in words naming what to fix. */
  'setup:check': channel(
    z.strictObject({ upTo: z.enum(SETUP_STEPS), draft: SetupDraft }),
    z.strictObject({
      /** HQ's key's whole fingerprint (16 groups), once hq.pub has been read: for the lead to check by phone. */
      hqFingerprint: z.string().nullable(),
      /** Whether the OS's folder dialog is there (the Electron window); browser mode types the path. */
      folderPicker: z.boolean(),
    }),
    'public',
    NO_SITE,
    SETUP_BODY_BYTES,
  ),
  /** Reads hq.pub as the lead chooses it: its whole fingerprint (16 groups), for the lead to check with HQ by phone. */
  'setup:hq-key': channel(
    z.strictObject({ hqPublicKeyFile: z.string().max(16_384) }),
    z.strictObject({ fingerprint: z.string() }),
    'public',
    NO_SITE,
  ),
  /** Makes the data folder with everything in it at once, writes the registration file, and opens the folder. */
  'setup:complete': channel(SetupDraft, StationView, 'public', NO_SITE, SETUP_BODY_BYTES),
  /** The OS's folder dialog, for the registration file's folder; null when the lead cancelled. */
  'setup:choose-folder': channel(Empty, z.strictObject({ folder: z.string().nullable() }), 'public', NO_SITE),
} as const;
