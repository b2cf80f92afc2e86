// 予約管理番号: 3 alphanumerics, a hyphen, 6 digits (A1B-123456).
// Rosters and counter staff write it many ways (全角, lower case, no hyphen, a dash look-alike
// from the IME); everything downstream keys on the one canonical upper-case form.
import { z } from 'zod';
import { toHalfWidthAscii, unifyDashes } from './text';

/** Canonical form: upper-case A–Z/0–9 ×3, '-', 0–9 ×6. */
export const RESERVATION_NUMBER_PATTERN = /^[0-9A-Z]{3}-[0-9]{6}$/;

/** A canonical 予約管理番号 (what normalizeReservationNumber returns). */
export const ReservationNumber = z
  .string()
  .regex(RESERVATION_NUMBER_PATTERN, '予約管理番号は「英数字3桁-数字6桁」の形式です（例: A1B-123456）');
export type ReservationNumber = z.infer<typeof ReservationNumber>;

// ASCII-only classes on purpose: toUpperCase() on arbitrary input would turn ı into I or ﬀ into
// FF and let look-alikes through, so only [a-z] is folded, after the pattern has matched.
const LOOSE_PATTERN = /^([0-9A-Za-z]{3})-?([0-9]{6})$/;

export type ReservationNumberResult = { ok: true; value: string } | { ok: false; reason: string };

export function normalizeReservationNumber(raw: string): ReservationNumberResult {
  // Most rosters already hold the canonical form; skip the rewriting for them.
  if (RESERVATION_NUMBER_PATTERN.test(raw)) return { ok: true, value: raw };
  const s = unifyDashes(toHalfWidthAscii(raw)).trim();
  if (s === '') return { ok: false, reason: '予約管理番号が空です' };
  const m = LOOSE_PATTERN.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) {
    return {
      ok: false,
      reason: '予約管理番号は「英数字3桁-数字6桁」の形式です（例: A1B-123456）',
    };
  }
  return { ok: true, value: `${m[1].toUpperCase()}-${m[2]}` };
}
