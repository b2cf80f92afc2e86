// Restore on a replacement PC (別紙⑥: recovery from a fault): a checked backup becomes a new data folder, never
// over one that exists. The station then takes back the sync files it published after the backup (their
// records return, their numbers are never used again), and says in its own record what happened: the backup
// it came from and the rows of its access record lost with the disk (`station.restored`, sent to HQ in the
// next file, which expects the record from the backup's head on instead of raising a rewind).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { err, ok, type Result } from '../../shared/result';
import { DB_FILE, KEYRING_FILE } from '../store/folder-files';
import { openDataFolder, type OpenedFolder } from '../store/data-folder';
import { fsyncDir } from '../files/atomic-write';
import { venueKey, type KeyPair } from '../sync/sync-keys';
import { lastExportHead } from '../db/queries/sync-exports';
import { markRestored } from './restored-marks';
import { appendEvent } from '../db/event-log';
import { recordAccess } from '../access/access-record';
import { writeTransaction } from '../db/transaction';
import { verifyBackup } from './verify-backup';
import type { BackupBody } from './manifest';
import { reclaimOwnFiles, type ReclaimedFiles } from './reclaim-files';
import { peekSyncHeader } from '../sync/sync-file';
import { readSetting } from '../store/settings';
import { backupHistory } from './backup-record';

interface RestoredPlace {
  readonly setting: 'backup-folder' | 'sync-outbox';
  readonly value: string;
  readonly resolved: string;
  readonly relative: boolean;
}

export interface Restored {
  readonly dir: string;
  readonly body: BackupBody;
  /** Null at HQ's folder, which publishes no files (it pulls the stations' again). */
  readonly reclaimed: ReclaimedFiles | null;
  readonly lostAccess: { readonly from: number; readonly to: number } | null;
  /** Where the restored folder's settings send backups and sync files now (a relative one moved with the folder). */
  readonly places: readonly RestoredPlace[];
}

export interface RestoreRequest {
  readonly from: string;
  readonly to: string;
  readonly passphrase: string;
  /** The sync files offered back (HQ's or a sibling's copies, or the old outbox), or null: none exist. */
  readonly syncFiles: readonly { name: string; bytes: Uint8Array }[] | null;
  /** The venue's key, when the folder does not keep it (a station set up with the venue's public key only). */
  readonly venueKey?: KeyPair;
  /** Who restores: checked against the restored folder's own accounts by the caller. */
  readonly actor: (opened: OpenedFolder) => Promise<string>;
}

type RestoreProblem = { code: 'not-empty' | 'bad-backup' | 'wrong-passphrase' | 'no-venue-key' | 'no-own-files'; message: string };

/** The station a sync file says it is from, or null for what is not one. */
function fileOf(bytes: Uint8Array): string | null {
  const peek = peekSyncHeader(bytes);
  return peek.ok ? peek.value.stationId : null;
}

export async function restoreFolder(clock: Clock, r: RestoreRequest): Promise<Result<Restored, RestoreProblem>> {
  const to = resolve(r.to);
  if (existsSync(to) && readdirSync(to).length > 0)
    return err({
      code: 'not-empty',
      message: `${to} は空ではありません。使っているデータフォルダを上書きしないため、復元は新しい空のフォルダにだけ行います（コード: RESTORE-NOT-EMPTY）`,
    });
  const checked = verifyBackup(r.from, { passphrase: r.passphrase });
  if (!checked.ok)
    return err({ code: checked.error.code === 'wrong-passphrase' ? 'wrong-passphrase' : 'bad-backup', message: checked.error.message });
  const { path, body } = checked.value;
  // Files offered that hold nothing of this station are a wrong folder, not "nothing was sent": the station would
  // reuse numbers HQ holds.
  if (r.syncFiles !== null && !r.syncFiles.some((f) => fileOf(f.bytes) === body.stationId))
    return err({
      code: 'no-own-files',
      message: `指定したフォルダに、この端末（${body.stationId}）の同期ファイルがありません。事務センターで madoguchi sync files-of --station ${body.stationId} で書き出したフォルダを指定してください（何も送っていなければ --nothing-sent）`,
    });

  // Copied under a hidden name beside the target, then renamed: a folder appears whole or not at all.
  const staging = join(dirname(to), `.${basename(to)}.restoring-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    for (const f of [DB_FILE, KEYRING_FILE]) {
      copyFileSync(join(path, f), join(staging, f));
      chmodSync(join(staging, f), 0o600);
    }
    fsyncDir(staging);
    if (existsSync(to)) rmdirSync(to);
    renameSync(staging, to);
    fsyncDir(dirname(to));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }

  const opened = openDataFolder(to, r.passphrase);
  if (!opened.ok) throw new Error(opened.error.message);
  const { store } = opened.value;
  // Until the restore is recorded, nothing is done: a wrong PIN or a missing key leaves no half-made folder.
  const undo = () => {
    store.close();
    rmSync(to, { recursive: true, force: true });
  };
  let actor: string;
  try {
    actor = await r.actor(opened.value);
  } catch (e) {
    undo();
    throw e;
  }
  try {
    let reclaimed: ReclaimedFiles | null = null;
    if (opened.value.site !== 'hq') {
      const recipient = venueKey(store.db) ?? r.venueKey ?? null;
      if (r.syncFiles !== null && r.syncFiles.length > 0 && recipient === null) {
        undo();
        return err({
          code: 'no-venue-key',
          message: 'この端末は会場の鍵を持っていないため、同期ファイルを開けません。会場の秘密鍵（--venue-key）を指定してください',
        });
      }
      reclaimed = recipient && r.syncFiles ? reclaimOwnFiles(opened.value.store, r.syncFiles, recipient) : null;
    }
    const lastFile = lastExportHead(store.db);
    const backupHead = { seq: body.records.access.seq, sha256: body.records.access.chain ?? '0'.repeat(64) };
    // The record reached as far as the last file published said; the backup holds it up to its own head.
    const lostAccess = lastFile && lastFile.access_seq > backupHead.seq ? { from: backupHead.seq + 1, to: lastFile.access_seq } : null;
    // The backup's own making removed older ones beside it (beyond the number kept), after its copy was taken, so
    // its record does not say so: those in its folder that are gone from it now are gone, not on a medium away.
    const removed = backupHistory(store.db)
      .filter((b) => dirname(b.path) === dirname(path) && b.at < body.createdAt && !existsSync(b.path))
      .map((b) => b.path);
    writeTransaction(store.db, () => {
      markRestored(store.db, lastFile?.seq ?? 0, backupHead);
      appendEvent(store.db, clock, {
        stationId: store.stationId,
        actor,
        kind: 'station.restored',
        payload: { backupCreatedAt: body.createdAt, backupAccessHead: backupHead, reclaimedThroughFile: lastFile?.seq ?? null, lostAccess },
      });
      recordAccess(store.db, clock, {
        stationId: store.stationId,
        actor,
        action: 'restore',
        detail: {
          source: path,
          // The backup it came from, as its manifest says: the restored station's backup list starts with it.
          createdAt: body.createdAt,
          reason: body.reason,
          createdBy: body.createdBy,
          removed,
          files: reclaimed?.files.length ?? 0,
          lostFrom: lostAccess?.from ?? null,
          lostTo: lostAccess?.to ?? null,
        },
      });
    });
    store.noteCommitted();
    const places = (['backup-folder', 'sync-outbox'] as const).flatMap((setting) => {
      const value = readSetting(store.db, setting);
      return value === '' ? [] : [{ setting, value, resolved: resolve(to, value), relative: !isAbsolute(value) }];
    });
    store.close();
    return ok({ dir: to, body, reclaimed, lostAccess, places });
  } catch (e) {
    undo();
    throw e;
  }
}
