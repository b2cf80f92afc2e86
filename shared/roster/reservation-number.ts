// 予約管理番号: 3 alphanumerics, a hyphen, 6 digits (A1B-123456). This file is the one statement of that
// shape: the event log, the ledger file, the IPC contract, the roster reader, the scanner and the screens
// all take their pattern, schema or wording from here.
// Rosters and counter staff write it many ways (全角, lower case, no hyphen, a dash look-alike
// from the IME); everything downstream keys on the one canonical upper-case form.
import { z } from 'zod';
import { toHalfWidthAscii, unifyDashes } from './text';

/** Letters or digits before the hyphen. */
export const RESERVATION_NUMBER_PREFIX_LENGTH = 3;
/** Digits after the hyphen. */
export const RESERVATION_NUMBER_DIGITS = 6;
/** The shape and an example, as people are told it (error messages, the roster column guide). */
export const RESERVATION_NUMBER_SHAPE = `英数字${RESERVATION_NUMBER_PREFIX_LENGTH}桁-数字${RESERVATION_NUMBER_DIGITS}桁`;
export const RESERVATION_NUMBER_EXAMPLE = 'A1B-123456';
const RESERVATION_NUMBER_MESSAGE = `予約管理番号は「${RESERVATION_NUMBER_SHAPE}」の形式です（例: ${RESERVATION_NUMBER_EXAMPLE}）`;

/** Canonical form: upper-case A–Z/0–9 ×3, '-', 0–9 ×6. */
export const RESERVATION_NUMBER_PATTERN = new RegExp(`^[0-9A-Z]{${RESERVATION_NUMBER_PREFIX_LENGTH}}-[0-9]{${RESERVATION_NUMBER_DIGITS}}$`);

/** A canonical 予約管理番号 (what normalizeReservationNumber returns). */
export const ReservationNumber = z.string().regex(RESERVATION_NUMBER_PATTERN, RESERVATION_NUMBER_MESSAGE);
export type ReservationNumber = z.infer<typeof ReservationNumber>;

// ASCII-only classes on purpose: toUpperCase() on arbitrary input would turn ı into I or ﬀ into
// FF and let look-alikes through, so only [a-z] is folded, after the pattern has matched.
const LOOSE_PATTERN = new RegExp(`^([0-9A-Za-z]{${RESERVATION_NUMBER_PREFIX_LENGTH}})-?([0-9]{${RESERVATION_NUMBER_DIGITS}})$`);

export type ReservationNumberResult = { ok: true; value: string } | { ok: false; reason: string };

export function normalizeReservationNumber(raw: string): ReservationNumberResult {
  // Most rosters already hold the canonical form; skip the rewriting for them.
  if (RESERVATION_NUMBER_PATTERN.test(raw)) return { ok: true, value: raw };
  const s = unifyDashes(toHalfWidthAscii(raw)).trim();
  if (s === '') return { ok: false, reason: '予約管理番号が空です' };
  const m = LOOSE_PATTERN.exec(s);
  if (!m || m[1] === undefined || m[2] === undefined) {
    return { ok: false, reason: RESERVATION_NUMBER_MESSAGE };
  }
  return { ok: true, value: `${m[1].toUpperCase()}-${m[2]}` };
}
