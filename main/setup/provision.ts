// A counter PC's first-run setup, done at once: the whole draft is checked, then the data folder is made hidden
// beside its place with everything in it — the station's label, HQ's key pinned, the daily sync's recipients and
// the venue's key, the first lead — the registration file for HQ is written to the lead's folder, and only then
// is the folder renamed into place. A step that fails leaves no folder and no registration file: the lead fixes
// what the message names and runs the setup again, never on a half-made station.
import { rmSync } from 'node:fs';
import type { SetupDraft } from '../../shared/ipc/contract/setup';
import { err, ok, type Result } from '../../shared/result';
import type { Clock } from '../clock';
import { createDataFolder, type VenueStore } from '../store/data-folder';
import { writeSetting } from '../store/settings';
import { trustHqKey } from '../crypto/hq-pin';
import { enrollStaff, SETUP_ACTOR } from '../auth/staff';
import { setUpSync, writeStationRegistration } from '../sync/station-sync-setup';
import { checkSetup, type SetupRefusal } from './setup-checks';
import { needsSetup } from './needs-setup';

export const ALREADY_SET_UP = 'この端末はすでに設定されています（データフォルダがあります）。初回設定はもう行えません';

export interface Provisioned {
  readonly stationId: string;
  readonly registrationFile: string;
}

class StepFailed extends Error {
  constructor(readonly refusal: SetupRefusal) {
    super(refusal.message);
  }
}

export function provisionStation(dataDir: string, clock: Clock, draft: SetupDraft): Result<Provisioned, SetupRefusal> {
  if (!needsSetup(dataDir)) return err({ step: 'station', message: ALREADY_SET_UP });
  const checked = checkSetup(draft, 'registration', dataDir);
  if (!checked.ok) return checked;
  const c = checked.value;
  // Set inside the hidden folder's fill, read after it (or after its failure).
  const written: { file: string | null } = { file: null };
  try {
    const opened = createDataFolder(dataDir, c.venue, c.passphrase, undefined, (made) => {
      const store = made.store as VenueStore;
      const label = writeSetting(store.db, 'station-label', c.stationLabel);
      if (!label.ok) throw new StepFailed({ step: 'station', message: label.message });
      const pinned = trustHqKey(store.db, clock, c.hqKey, [], false);
      if (!pinned.ok) throw new StepFailed({ step: 'hq-key', message: pinned.error.message });
      if (c.sync) {
        const sync = setUpSync(store, c.sync.hqSyncText, c.sync.venueKey, false);
        if (!sync.ok) throw new StepFailed({ step: 'sync', message: sync.error.message });
      }
      enrollStaff(store.db, clock, store.stationId, SETUP_ACTOR, { ...c.lead!, role: 'lead' });
      // Last, once everything else is in: the file HQ registers names keys the folder now holds.
      written.file = writeStationRegistration(store, c.registrationFolder!);
    });
    const stationId = opened.store.stationId;
    opened.store.close();
    return ok({ stationId, registrationFile: written.file! });
  } catch (e) {
    // The folder never appeared (or another program made it first); the file for HQ would name a station that
    // does not exist.
    if (written.file !== null) rmSync(written.file, { force: true });
    if (e instanceof StepFailed) return err(e.refusal);
    if (!needsSetup(dataDir)) return err({ step: 'station', message: ALREADY_SET_UP });
    return err({
      step: 'registration',
      message: `この端末のデータフォルダ（${dataDir}）を作れませんでした（${describeFailure(e)}）。何も作っていません（登録ファイルも書いていません）。そのディスクの空きと書き込みの権限を確かめて、もう一度「設定する」を押してください`,
    });
  }
}

/** A file system error in words, never its path's contents beyond the code. */
function describeFailure(e: unknown): string {
  const code = (e as { code?: string }).code;
  const words: Record<string, string> = {
    ENOSPC: 'ディスクがいっぱいです',
    EACCES: '書き込む権限がありません',
    EPERM: '書き込む権限がありません',
    EROFS: '書き込みできない場所です',
    EIO: '媒体に書き込めません',
  };
  return (code && words[code]) ?? `エラー ${code ?? (e as Error).message}`;
}
