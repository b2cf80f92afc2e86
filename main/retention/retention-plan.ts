// Retention as data (別紙⑦ 第12条; 仕様書 6「業務終了後のデータ破棄」): every kind of residents' data this folder holds or
// has put somewhere else, how much, where, how long it is kept and how it goes. Nothing is kept past the end of
// the work: at the contract's end date (setting `contract-end`) every category may be erased, after the ward
// approves the written application. Files that left the encrypted folder in plaintext (the 未受領 CSV, the
// routing report, a print saved as a PDF) are listed from the access record, each until it no longer exists.
// One list, read by `retention plan`, the erasure application and the erasure report.
import { isWithin } from '../files/within';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Db } from '../db/connection';
import { folderCounts } from '../db/queries/folder-counts';
import { accessRowsOfActions } from '../db/queries/access-records';
import { exportedFiles } from '../db/queries/sync-exports';
import { syncFileName } from '../sync/export';
import { readSetting } from '../store/settings';
import { backupHistory } from '../backup/backup-record';
import { DB_FILE } from '../store/folder-files';

type RetentionCategoryId = 'resident-rows' | 'events' | 'access-record' | 'sync-files' | 'backups' | 'plaintext-files';

interface RetentionCategory {
  readonly id: RetentionCategoryId;
  /** In the ward's words (the application and the report use them). */
  readonly item: string;
  /** The medium it is on. */
  readonly medium: string;
  readonly count: number;
  readonly unit: string;
  /** How it is erased (第12条4: made unreadable). */
  readonly method: string;
  /** Where each piece is, when it is outside the folder (a backup, a file). */
  readonly places: readonly { readonly path: string; readonly present: boolean; readonly at: string }[];
}

export interface RetentionPlan {
  readonly dataDir: string;
  /** The end of the work (YYYY-MM-DD), after which everything may go; null until set. */
  readonly contractEnd: string | null;
  readonly categories: readonly RetentionCategory[];
}

const CRYPTO_ERASE = '暗号消去（鍵を破棄し、ファイルを上書きして削除。NIST SP 800-88 の Purge に当たる）';

export function retentionPlan(store: { readonly dir: string; readonly db: Db; readonly stationId: string }): RetentionPlan {
  const { db } = store;
  const counts = folderCounts(db);
  // The folder's own place is said once (dataDir), not in every row: the rows stay short on paper and screen.
  const encrypted = `データフォルダの ${DB_FILE}（暗号化）`;
  const outbox = resolve(store.dir, readSetting(db, 'sync-outbox'));
  const outboxMedium = isWithin(outbox, store.dir)
    ? `データフォルダ内の送信フォルダ（${relative(resolve(store.dir), outbox)}）`
    : `送信フォルダ ${outbox}`;
  const exports = accessRowsOfActions(db, ['export']).flatMap((r) => {
    const d = JSON.parse(r.detail) as { destination?: unknown };
    return typeof d.destination === 'string' ? [{ path: d.destination, present: existsSync(d.destination), at: r.at }] : [];
  });
  const backups = backupHistory(db).map((b) => ({ path: b.path, present: existsSync(b.path), at: b.at }));
  const sent = exportedFiles(db).map((f) => {
    const path = join(outbox, syncFileName(store.stationId, f.seq));
    return { path, present: existsSync(path), at: f.createdAt };
  });
  const contractEnd = readSetting(db, 'contract-end');
  return {
    dataDir: store.dir,
    contractEnd: contractEnd === '' ? null : contractEnd,
    categories: [
      {
        id: 'resident-rows',
        item: '住民の行（送付台帳・事務センターの送付記録: 氏名・カナ・生年月日・住所・予約管理番号）',
        medium: encrypted,
        count: counts.residentRows,
        unit: '件',
        method: CRYPTO_ERASE,
        places: [],
      },
      {
        id: 'events',
        item: '業務記録（受領・交付・訂正・返戻などのイベント）',
        medium: encrypted,
        count: counts.events,
        unit: '件',
        method: CRYPTO_ERASE,
        places: [],
      },
      {
        id: 'access-record',
        item: '個人情報取扱台帳（アクセス記録）',
        medium: encrypted,
        count: counts.accessRows,
        unit: '件',
        method: CRYPTO_ERASE,
        places: [],
      },
      {
        id: 'sync-files',
        item: '送信した同期ファイル（暗号化・署名済み。氏名・住所は含まない）',
        medium: outboxMedium,
        count: sent.length,
        unit: 'ファイル',
        method: '上書きして削除（送信フォルダに見当たらないもの、たとえば故障した元のPCの送信フォルダにあるものは、その媒体ごと消去）',
        // Each file by its place in the outbox: one not there (an outbox left on a PC that was replaced) is said.
        places: sent,
      },
      {
        id: 'backups',
        item: 'バックアップ（暗号化されたデータフォルダの写し）',
        medium: 'バックアップ先の媒体',
        // Every one that still exists somewhere: on its medium, or on one taken away (to be destroyed by hand).
        count: backups.length,
        unit: '組',
        method: `${CRYPTO_ERASE}。媒体が外されているものは、媒体ごと物理的に破壊するか、同じ方法で消去`,
        places: backups,
      },
      {
        id: 'plaintext-files',
        item: '書き出した平文のファイル（未受領一覧のCSV、振分レポート、PDFで保存した帳票）',
        medium: '書き出し先',
        count: exports.filter((e) => e.present).length,
        unit: 'ファイル',
        method: '上書きして削除（見当たらないものは、書き出し先で消去したことを確かめる）',
        places: exports,
      },
    ],
  };
}
