// `erasure verify`: a 消去報告書 checked by its signature; at HQ, also that the key is the one the station registered
// and that the final head of its access record is not behind what its last sync file said (nothing erased after
// a quiet rewind).
import type { Db } from '../db/connection';
import { err, ok, type Result } from '../../shared/result';
import { publicKeyFromRaw } from '../crypto/key-files';
import { registeredStations } from '../sync/registration';
import { lastAccessHeadOf } from '../db/queries/sync-files';
import { erasureReportSigned, parseErasureReport, type ErasureBody } from './erasure-report';

export function verifyErasureReport(text: string, hq: Db | null): Result<{ body: ErasureBody; registered: boolean }, string> {
  const parsed = parseErasureReport(text);
  if (!parsed.ok) return err(parsed.why);
  const { body, signature } = parsed;
  let key;
  try {
    key = publicKeyFromRaw('ed25519', Buffer.from(body.signingKey, 'base64'));
  } catch {
    return err('報告書の署名鍵が読めません');
  }
  if (!erasureReportSigned(body, signature, key)) return err('署名が合いません（報告書が書き換えられています）');
  if (hq === null) return ok({ body, registered: false });
  const station = registeredStations(hq).find((s) => s.stationId === body.stationId);
  if (!station) return err(`端末 ${body.stationId} は事務センターに登録されていません`);
  const same = station.signingPublicKey.export({ type: 'spki', format: 'der' }).equals(key.export({ type: 'spki', format: 'der' }));
  if (!same) return err(`報告書の署名鍵は、端末 ${body.stationId} が登録した鍵ではありません`);
  const last = lastAccessHeadOf(hq, body.stationId);
  if (last !== null && body.finalHeads.access.seq < last)
    return err(`個人情報取扱台帳の最後（${body.finalHeads.access.seq}件目）が、最後の同期ファイルの時点（${last}件目）より前です`);
  return ok({ body, registered: true });
}
