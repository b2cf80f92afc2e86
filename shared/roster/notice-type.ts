// 通知種別: whether the card's notice is the first one (通常) or a reissue (再発行).
import { z } from 'zod';

const NOTICE_TYPES = ['通常', '再発行'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];
export const NoticeType = z.enum(NOTICE_TYPES);

export type NoticeTypeResult = { ok: true; value: NoticeType } | { ok: false; reason: string };

/**
 * Only the two values the ward's system writes are accepted (after trim and NFKC, so 半角/全角
 * and stray spaces do not matter). The abbreviation 「再」 is deliberately NOT read as 再発行: the
 * system never writes it, so it means the file was edited by hand, and a hand-edited roster
 * should be re-exported rather than guessed at. The reason tells staff exactly that.
 */
export function normalizeNoticeType(raw: string): NoticeTypeResult {
  // Return the literals, not `raw`: the ledger then shares two strings instead of keeping a
  // copy per row.
  if (raw === '通常') return { ok: true, value: '通常' };
  if (raw === '再発行') return { ok: true, value: '再発行' };
  const s = raw.normalize('NFKC').trim();
  if (s === '通常' || s === '再発行') return { ok: true, value: s };
  if (s === '') return { ok: false, reason: '通知種別が空です' };
  if (s === '再') {
    return { ok: false, reason: '通知種別は「通常」か「再発行」です（略記「再」は受け付けません。システムから出力し直してください）' };
  }
  return { ok: false, reason: '通知種別は「通常」か「再発行」です' };
}
