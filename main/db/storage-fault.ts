// When the disk, not the program, is what failed: a full disk (SQLITE_FULL, ENOSPC), a file the system will not
// let us write (SQLITE_READONLY, EACCES), an I/O error, a damaged database (SQLITE_CORRUPT, SQLITE_NOTADB). Said
// to the person as what happened and what to do, with a code for support; the work was not recorded (SQLite
// rolled its transaction back), and nothing recorded before is touched.

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

/** The fault behind an error, or null when it is not the disk's (a bug, said as an internal error). */
export function storageFault(e: unknown): StorageFault | null {
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
