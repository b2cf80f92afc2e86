// When the disk, not the program, is what failed: a full disk (SQLITE_FULL, ENOSPC), a file the system will not
// let us write (SQLITE_READONLY, EACCES), an I/O error, a damaged database (SQLITE_CORRUPT, SQLITE_NOTADB). Said
// to the person as what happened and what to do, with a code for support; the work was not recorded (SQLite
// rolled its transaction back), and nothing recorded before is touched.

import { statfsSync } from 'node:fs';

type StorageFaultCode = 'DISK-FULL' | 'READ-ONLY' | 'IO-ERROR' | 'DB-DAMAGED';

export interface StorageFault {
  readonly code: StorageFaultCode;
  readonly message: string;
}

const MESSAGES: Record<StorageFaultCode, string> = {
  'DISK-FULL':
    'ディスクの空きが足りないため記録できませんでした（何も記録していません）。不要なファイルを削除して空きを作り、もう一度操作してください。これまでの記録は失われていません（コード: DISK-FULL）',
  'READ-ONLY':
    'データフォルダに書き込めないため記録できませんでした（何も記録していません）。サポートに連絡してください（コード: READ-ONLY）',
  'IO-ERROR':
    'ディスクの読み書きに失敗したため記録できませんでした（何も記録していません）。サポートに連絡してください（コード: IO-ERROR）',
  'DB-DAMAGED': 'データベースが破損しています。作業を止め、会場責任者・サポートに連絡してください（コード: DB-DAMAGED）',
};

/** Below this, a write that failed is taken to have failed for want of space. */
const NEARLY_FULL_BYTES = 1024 * 1024;

/**
 * The fault behind an error, or null when it is not the disk's (a bug, said as an internal error). `dataDir`:
 * where the database is, so that an I/O error on a disk with no room left is said as the full disk it is
 * (SQLite reports a WAL write that found no space as SQLITE_IOERR, not always SQLITE_FULL).
 */
export function storageFault(e: unknown, dataDir?: string): StorageFault | null {
  const fault = classify(e);
  if (fault?.code === 'IO-ERROR' && dataDir !== undefined && freeBytes(dataDir) < NEARLY_FULL_BYTES)
    return { code: 'DISK-FULL', message: MESSAGES['DISK-FULL'] };
  return fault;
}

function freeBytes(dir: string): number {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function classify(e: unknown): StorageFault | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const kind: StorageFaultCode | null =
    code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
      ? 'DISK-FULL'
      : code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'READ-ONLY'
        : code.startsWith('SQLITE_IOERR') || code === 'EIO'
          ? 'IO-ERROR'
          : code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'
            ? 'DB-DAMAGED'
            : null;
  return kind === null ? null : { code: kind, message: MESSAGES[kind] };
}
