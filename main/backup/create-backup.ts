// A backup of a data folder (別紙⑥: a recovery set-up for faults; 別紙⑦ (6): media and their backups checked).
// SQLite's VACUUM INTO takes a consistent snapshot of the live database while the counter goes on writing, and
// writes it encrypted with the folder's own key (better-sqlite3's backup API would open the copy without a key
// and write every page in plaintext). Beside it go the keyring (sealed under the venue passphrase, as at the
// station) and a signed manifest computed from the copy itself, so the manifest describes exactly what was
// written. The set is made under a hidden name and renamed into place: a backup is whole or absent.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { SiteId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { DB_FILE, KEYRING_FILE } from '../store/folder-files';
import { fsyncDir, writeFileAtomic } from '../files/atomic-write';
import { storageFault } from '../db/storage-fault';
import { MANIFEST_FILE, manifestText, type BackupBody } from './manifest';
import { describeCopy } from './describe-copy';
import { snapshotInto } from '../db/queries/snapshot';
import { backupName, isBackupOf, partialPrefix } from './backup-names';

export interface BackupSource {
  readonly dir: string;
  readonly db: Db;
  readonly site: SiteId;
  readonly stationId: string;
  openCopy(file: string): Db;
}

export interface BackupMade {
  readonly path: string;
  readonly body: BackupBody;
  /** Older backups of this station removed from the destination (beyond the number kept). */
  readonly removed: readonly string[];
  /** The chained records break in the folder (so in its faithful copy too): said beside the backup. */
  readonly recordsProblem: string | null;
}

export interface BackupProblem {
  readonly code: 'no-destination' | 'disk-full' | 'unwritable' | 'copy-broken';
  readonly message: string;
}

/** The source's signing key must exist (ensureSigningKey, before): the copy carries the key its manifest is signed with. */
export function createBackup(
  source: BackupSource,
  clock: Clock,
  options: { actor: string; destination: string; reason: BackupBody['reason']; keep: number },
): Result<BackupMade, BackupProblem> {
  const destination = resolve(options.destination);
  if (!existsSync(destination) || !statSync(destination).isDirectory())
    return err({
      code: 'no-destination',
      message: `バックアップ先のフォルダ ${destination} がありません。USBメモリなどの媒体を差し込み、フォルダを確かめてから、もう一度お試しください（コード: BACKUP-NO-FOLDER）`,
    });
  const at = clock.now();
  const name = backupName(source.stationId, at, (n) => existsSync(join(destination, n)));
  const partial = join(destination, `${partialPrefix(source.stationId)}${name}`);
  const final = join(destination, name);
  try {
    mkdirSync(partial, { mode: 0o700 });
    const copy = join(partial, DB_FILE);
    snapshotInto(source.db, copy);
    chmodSync(copy, 0o600);
    copyFileSync(join(source.dir, KEYRING_FILE), join(partial, KEYRING_FILE));
    const described = describeCopy(source.openCopy(copy), source.stationId);
    if (!described.ok) {
      rmSync(partial, { recursive: true, force: true });
      return err({ code: 'copy-broken', message: `作ったバックアップを読み直すと、${described.error}（コード: BACKUP-BROKEN）` });
    }
    const body: BackupBody = {
      format: 'madoguchi-backup',
      version: 1,
      site: source.site,
      stationId: source.stationId,
      createdAt: at.toISOString(),
      createdBy: options.actor,
      reason: options.reason,
      schemaVersion: described.value.schemaVersion,
      files: [DB_FILE, KEYRING_FILE].map((f) => fileEntry(partial, f)),
      records: described.value.records,
      counts: described.value.counts,
      recordsBroken: described.value.recordsBroken,
      lastSyncFile: described.value.lastSyncFile,
      signingKey: described.value.signingKey,
    };
    writeFileAtomic(join(partial, MANIFEST_FILE), manifestText(body, described.value.privateKey), { mode: 0o600 });
    fsyncDir(partial);
    renameInto(partial, final, destination);
    const removed = prune(destination, source.stationId, options.keep);
    return ok({ path: final, body, removed, recordsProblem: described.value.recordsProblem });
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    const fault = storageFault(e, destination);
    if (fault?.code === 'DISK-FULL' || (e as { code?: string }).code === 'ENOSPC')
      return err({
        code: 'disk-full',
        message: `バックアップ先 ${destination} の空きが足りないため、バックアップを作れませんでした（途中まで書いたものは消しました）。空きのある媒体に替えて、もう一度お試しください（コード: BACKUP-DISK-FULL）`,
      });
    if (fault !== null || ['EACCES', 'EPERM', 'EROFS', 'EIO'].includes((e as { code?: string }).code ?? ''))
      return err({
        code: 'unwritable',
        message: `バックアップ先 ${destination} に書き込めませんでした（${(e as { code?: string }).code ?? 'エラー'}）。媒体が書き込み禁止になっていないか確かめてください（コード: BACKUP-UNWRITABLE）`,
      });
    throw e;
  }
}

function fileEntry(dir: string, name: string): BackupBody['files'][number] {
  const bytes = readFileSync(join(dir, name));
  return { name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function renameInto(partial: string, final: string, destination: string): void {
  // renameSync of a directory is atomic on one file system; the parent's fsync makes it durable.
  renameSync(partial, final);
  fsyncDir(destination);
}

/** Keeps the newest `keep` backups of this station at the destination; removes older ones and leftovers of a crash. */
function prune(destination: string, stationId: string, keep: number): string[] {
  const entries = readdirSync(destination);
  for (const e of entries) if (e.startsWith(partialPrefix(stationId))) rmSync(join(destination, e), { recursive: true, force: true });
  const ours = entries.filter((e) => isBackupOf(e, stationId) && existsSync(join(destination, e, MANIFEST_FILE))).sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const e of old) rmSync(join(destination, e), { recursive: true, force: true });
  return old.map((e) => join(destination, e));
}
