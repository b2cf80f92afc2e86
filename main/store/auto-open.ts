// この端末で自動的に開く, as the lead turns it on and off: the keyring's OS slot (os-key-slot.ts) added with the
// passphrase typed again, or removed. keyring.json is rewritten whole through a temp file renamed over it, so a
// crash leaves the old keyring or the new one, and both open by passphrase. The change is written to the access
// record in the transaction the file is replaced in: a record that cannot be written leaves the keyring as it was.
import type { PassphraseTries } from '../auth/passphrase-tries';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock';
import { err, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../files/atomic-write';
import { writeTransaction } from '../db/transaction';
import { recordAccess } from '../access/access-record';
import type { HqStore, VenueStore } from './data-folder';
import { KEYRING_FILE } from './folder-files';
import { unlockKeyring } from './keyring';
import { folderHasOsSlot, hasOsSlot, withOsSlot, withoutOsSlot } from './os-key-slot';
import type { OsKeyStore } from './os-key-store';

interface AutoOpenView {
  readonly on: boolean;
  readonly unavailable: string | null;
}

type Refusal = { readonly code: 'unavailable' | 'wrong-passphrase' | 'locked-out'; readonly message: string };

const UNAVAILABLE =
  'この端末では OS の資格情報（Windows の資格情報など、鍵の保管庫）が使えないため、自動的に開く設定はできません。データフォルダはパスフレーズで開いてください';

export interface AutoOpen {
  view(): AutoOpenView;
  enable(actor: string, passphrase: string): Result<AutoOpenView, Refusal>;
  disable(actor: string): AutoOpenView;
}

/** `tries`: the station's one tally of wrong passphrases, so this field is no way around the unlock screen's wait. */
export function autoOpen(store: VenueStore | HqStore, clock: Clock, os: OsKeyStore | null, tries: PassphraseTries): AutoOpen {
  const file = join(store.dir, KEYRING_FILE);
  const usable = () => os !== null && os.available();
  // A store opened with its raw key (tests) has no keyring: nothing is on.
  const keyring = () => (existsSync(file) ? readFileSync(file, 'utf8') : null);
  const view = (): AutoOpenView => {
    return { on: folderHasOsSlot(store.dir), unavailable: usable() ? null : UNAVAILABLE };
  };
  const change = (actor: string, on: boolean, text: string) =>
    writeTransaction(store.db, () => {
      recordAccess(store.db, clock, { stationId: store.stationId, actor, action: 'auto-open-settings', detail: { on } });
      writeFileAtomic(file, text, { mode: 0o600 });
    });

  return {
    view,
    enable(actor, passphrase) {
      if (os === null || !os.available()) return err({ code: 'unavailable', message: UNAVAILABLE });
      const now = clock.now().getTime();
      if (tries.waitingUntil(now) !== null)
        return err({ code: 'locked-out', message: 'パスフレーズの誤りが続いたため、しばらく待ってからもう一度お試しください' });
      const text = keyring();
      if (text === null) return err({ code: 'unavailable', message: UNAVAILABLE });
      const unlocked = unlockKeyring(text, passphrase);
      if (!unlocked.ok) {
        tries.wrong(now, 'auto-open');
        return err({
          code: 'wrong-passphrase',
          message: 'パスフレーズが違います（データフォルダを開くときのパスフレーズを入力してください）',
        });
      }
      tries.right();
      const dbKey = unlocked.value.dbKey;
      const own = store.keyCopy();
      try {
        // The keyring on disk must be the open folder's own (not one put in its place while it was open).
        if (own.length !== dbKey.length || !timingSafeEqual(own, dbKey)) throw new Error('keyring.json does not hold the open folder key');
        change(actor, true, withOsSlot(text, dbKey, os));
      } finally {
        dbKey.fill(0);
        own.fill(0);
      }
      store.noteCommitted();
      return ok(view());
    },
    disable(actor) {
      const text = keyring();
      if (text !== null && hasOsSlot(text) === true) {
        change(actor, false, withoutOsSlot(text));
        store.noteCommitted();
      }
      return view();
    },
  };
}
