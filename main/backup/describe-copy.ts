// What a backup's database holds, read from the copy itself (never from the live folder, which has moved on by
// the time anyone looks): every page read back through the cipher's check, the chained records walked link by
// link, the counts, and the station's signing key. Used as a backup is made (its manifest) and as it is checked.
import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/connection';
import { err, ok, type Result } from '../../shared/result';
import { schemaVersion } from '../db/migrate';
import { checkRecords } from '../access/verify-record';
import { folderCounts, lastPublishedSyncFile } from '../db/queries/folder-counts';
import { signingKey } from '../sync/sync-keys';
import { integrityCheck } from '../db/queries/snapshot';
import type { BackupBody } from './manifest';

export interface CopyFacts {
  readonly schemaVersion: number;
  readonly records: BackupBody['records'];
  readonly counts: BackupBody['counts'];
  readonly lastSyncFile: number | null;
  readonly recordsBroken: BackupBody['recordsBroken'];
  /** In words, when the chained records do not hold (the copy is faithful; the folder it came from was changed). */
  readonly recordsProblem: string | null;
  readonly signingKey: string;
  readonly privateKey: KeyObject;
}

/** Reads the copy and closes it. The error says what is wrong with it, as the tail of a sentence. */
export function describeCopy(db: Db, stationId: string): Result<CopyFacts, string> {
  try {
    // Every page, through ChaCha20-Poly1305's tag: one changed byte anywhere fails here.
    const integrity = integrityCheck(db);
    if (integrity !== 'ok') return err(`データベースの整合性の検査で問題が見つかりました（${String(integrity).slice(0, 80)}）`);
    const key = signingKey(db);
    if (key === null) return err('端末の署名鍵がありません');
    const check = checkRecords(db, stationId);
    const head = (h: { seq: number; chain: string } | null) => ({ seq: h?.seq ?? 0, chain: h?.chain ?? null });
    return ok({
      schemaVersion: schemaVersion(db),
      records: { access: head(check.heads.access), events: head(check.heads.events) },
      counts: { ...folderCounts(db), ownEvents: check.ownEvents },
      lastSyncFile: lastPublishedSyncFile(db),
      recordsBroken: check.problem && { record: check.problem.record, seq: check.problem.seq },
      recordsProblem: check.problem?.message ?? null,
      signingKey: key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      privateKey: key.privateKey,
    });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return err('読めないページがあります（媒体の傷み、または書き換え）');
    throw e;
  } finally {
    db.close();
  }
}
