// この端末で自動的に開く: the data folder's key also kept for this OS user on this PC (Windows' credentials,
// DPAPI), so the station opens at start without the passphrase; staff still sign in with their PINs. The venue
// lead (HQ staff for HQ's own folder) turns it on with the passphrase typed again, and off; main records both.
import { z } from 'zod';
import { BOTH, channel } from './channel';
import { Empty } from './common';

const LEAD_OR_HQ = ['lead', 'hq'] as const;

const AutoOpenView = z.strictObject({
  /** The keyring holds the OS slot. */
  on: z.boolean(),
  /** Why it cannot be turned on here (no OS key store: browser mode, a Linux without a Secret Service), or null. */
  unavailable: z.string().nullable(),
});

export const autoOpenContract = {
  'auto-open:status': channel(Empty, AutoOpenView, LEAD_OR_HQ, BOTH),
  /** Needs the passphrase again: someone who merely finds the station signed in cannot bind the folder to it. */
  'auto-open:enable': channel(
    z.strictObject({
      passphrase: z.string({ error: 'パスフレーズを入力してください' }).min(1, 'パスフレーズを入力してください').max(1024),
    }),
    AutoOpenView,
    LEAD_OR_HQ,
    BOTH,
  ),
  'auto-open:disable': channel(Empty, AutoOpenView, LEAD_OR_HQ, BOTH),
} as const;
