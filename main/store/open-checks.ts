// What opening a station's folder looks for in its database before any work is done on it (issue 13): damage
// (a page the cipher cannot authenticate, a file cut short, a b-tree that does not hold together) and a rollback
// (fewer events or access records than the head beside it says were committed). Either refuses the folder with
// what is wrong, a support code and what to do; nothing is written to the database or beside it.
import { DB_FILE } from './folder-files';
import { count } from '../../shared/numbers';
import { quickCheck, logHeads, type LogHeads } from '../db/integrity';
import type { Db } from '../db/connection';
import { missingFromHead } from './head';

export class FolderRefusal extends Error {
  constructor(
    readonly code: 'database-damaged' | 'rolled-back',
    message: string,
  ) {
    super(message);
    this.name = 'FolderRefusal';
  }
}

/** The database is damaged: `what` says how, as found. The passphrase was right (the keyring opened with it). */
export function damaged(what: string): FolderRefusal {
  return new FolderRefusal(
    'database-damaged',
    `データベース（${DB_FILE}）が破損しています（${what}）。パスフレーズは正しく、鍵は開きました。このままでは作業できないため開きません（何も書き込んでいません）。作業を止め、バックアップから復元するか、サポートに連絡してください（コード: DB-DAMAGED）`,
  );
}

/** Throws a FolderRefusal when the database is damaged or holds less than its head says was committed. */
export function checkOnOpen(db: Db, head: LogHeads | null): void {
  const problem = quickCheck(db);
  if (problem !== null) throw damaged('整合性の検査で読めないページか壊れた索引が見つかりました');
  const missing = missingFromHead(head, logHeads(db));
  if (missing === null) return;
  const lacks = [
    missing.events > 0 ? `記録（イベント）${count(missing.events)}` : null,
    missing.accessRecords > 0 ? `アクセス記録${count(missing.accessRecords)}` : null,
  ].filter((s) => s !== null);
  throw new FolderRefusal(
    'rolled-back',
    `データベース（${DB_FILE}）が、最後に記録した時より前の状態に戻っています: ${lacks.join('、')}がありません（異常終了の後に ${DB_FILE}-wal が消えたか、古いコピーに置き換えられた可能性があります）。このまま使うと、受け渡したカードを再び受け渡すおそれがあるため開きません（何も書き込んでいません）。${DB_FILE}-wal を元に戻せる場合は戻してから開き直し、戻せない場合は作業を止めてサポートに連絡してください（コード: DB-ROLLED-BACK）`,
  );
}
