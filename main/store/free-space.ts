// Free space on the data folder's disk, told to the venue lead before it runs out (issue 13): a full disk is
// handled as a state (storage-fault.ts), but by then the counter has already stopped recording. Read at station
// unlock, on the status strip, at 日締め and by `madoguchi status`, so whoever looks has days to make room.
import { statSync, statfsSync, type StatsFs } from 'node:fs';
import { join } from 'node:path';
import type { FreeSpaceWarning } from '../../shared/ipc/contract/common';
import { DB_FILE } from './folder-files';

const MIB = 1024 * 1024;

/**
 * Below this the lead is warned. A venue's day adds well under a megabyte (events, access rows, one sync file),
 * so a fixed floor that is weeks of work is simpler and safer than a forecast from a few days' growth; what
 * can need far more at once is the database itself (an app update that rebuilds a table, a shipment imported,
 * a WAL rewritten), so a database larger than the floor raises the floor to its own size.
 */
export const LOW_FREE_BYTES = 500 * MIB;
/** Below this a large write (a shipment's import, a sync file) may already fail: the warning says to act now. */
export const CRITICAL_FREE_BYTES = 50 * MIB;

export interface FreeSpace {
  readonly freeBytes: number;
  /** The level below which the lead is warned, as `classifyFreeSpace` chose it (for support and tests). */
  readonly lowBytes: number;
  readonly warning: FreeSpaceWarning;
}

/** MB as people read it on their PC's drive properties (1 MB = 1,048,576 bytes), rounded down. */
function megabytes(bytes: number): string {
  return Math.floor(bytes / MIB).toLocaleString('ja-JP');
}

/** Pure: the free bytes and the database's size (bytes) → whether and how strongly to warn. */
export function classifyFreeSpace(freeBytes: number, databaseBytes: number): FreeSpace {
  const lowBytes = Math.max(LOW_FREE_BYTES, databaseBytes);
  const left = `残り ${megabytes(freeBytes)} MB`;
  const warning: FreeSpaceWarning =
    freeBytes < CRITICAL_FREE_BYTES
      ? {
          level: 'critical',
          freeBytes,
          message: `データフォルダの空き容量がほとんどありません（${left}）。まもなく記録できなくなります。すぐに不要なファイルを削除するか、サポートに連絡してください`,
        }
      : freeBytes < lowBytes
        ? {
            level: 'low',
            freeBytes,
            message: `データフォルダの空き容量が少なくなっています（${left}）。不要なファイルを削除するか、サポートに連絡してください`,
          }
        : null;
  return { freeBytes, lowBytes, warning };
}

export interface FreeSpaceProbe {
  readonly statfs?: (dir: string) => Pick<StatsFs, 'bavail' | 'bsize'>;
  readonly fileSize?: (path: string) => number;
}

/**
 * The data folder's free space, classified; null when the system will not say (no folder yet, an unusual
 * filesystem): a warning guessed from nothing would be worse than none, and the full disk is still caught.
 * `bavail`, not `bfree`: the blocks this (unprivileged) user may still write.
 */
export function dataFolderFreeSpace(dataDir: string, probe: FreeSpaceProbe = {}): FreeSpace | null {
  const statfs = probe.statfs ?? statfsSync;
  const fileSize = probe.fileSize ?? ((p: string) => statSync(p).size);
  let freeBytes: number;
  try {
    const s = statfs(dataDir);
    freeBytes = Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
  if (!Number.isFinite(freeBytes)) return null;
  const size = (name: string) => {
    try {
      return fileSize(join(dataDir, name));
    } catch {
      return 0;
    }
  };
  return classifyFreeSpace(freeBytes, size(DB_FILE) + size(`${DB_FILE}-wal`));
}

/** Just the warning (null when there is room, or when the system will not say). */
export function freeSpaceWarning(dataDir: string, probe?: FreeSpaceProbe): FreeSpaceWarning {
  return dataFolderFreeSpace(dataDir, probe)?.warning ?? null;
}
