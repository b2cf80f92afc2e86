// Checking and normalising one field of a roster row. Each check returns the ledger value or
// the problem code and a Japanese reason; read-roster adds line, column and value.
// No zod here on purpose: these run 7× per row for up to 200,000 rows, and plain functions with
// precompiled regexes keep a 100,000-row roster well inside its time budget.
import { parseBirthDate, parseJapaneseDate } from '../../shared/roster/japanese-date';
import { dayText } from '../../shared/tokyo-date';
import { normalizeNoticeType } from '../../shared/roster/notice-type';
import type { NoticeType } from '../../shared/roster/notice-type';
import { normalizeReservationNumber } from '../../shared/roster/reservation-number';
import {
  codePointLabel,
  codePointLength,
  collapseAddressWhitespace,
  findControlCharacter,
  findPrivateUseCharacter,
  hasReplacementCharacter,
  mayHoldBadCharacter,
  toFullWidthKatakana,
} from '../../shared/roster/text';
import type { RosterProblemCode } from './roster-types';

export type FieldCheck<T> = { ok: true; value: T } | { ok: false; code: RosterProblemCode; reason: string };

const MAX_NAME_LENGTH = 100;
const MAX_KANA_LENGTH = 100;
const MAX_ADDRESS_LENGTH = 200;

/** My Number Cards were first handed over in January 2016; an earlier 発送日 is a typo. */
const EARLIEST_SHIPPED_ON = '2016-01-01';

/** The checks every text field shares: invisible control characters, 外字, lost characters, emptiness. */
function precheck(raw: string, label: string, allowLineBreaks: boolean): FieldCheck<string> {
  // Checked after trimming: a tab or line break around a value is harmless spacing, one inside
  // it is not.
  const trimmed = raw.trim();
  if (mayHoldBadCharacter(trimmed)) {
    const bad = findBadCharacter(trimmed, label, allowLineBreaks);
    if (bad !== null) return bad;
  }
  if (trimmed === '') return { ok: false, code: 'missing-field', reason: `${label}が空です` };
  return { ok: true, value: trimmed };
}

function findBadCharacter(raw: string, label: string, allowLineBreaks: boolean): FieldCheck<string> | null {
  const control = findControlCharacter(raw, allowLineBreaks);
  if (control !== null) {
    const what = allowLineBreaks ? '制御文字' : '制御文字（改行・タブを含む）';
    return { ok: false, code: 'control-character', reason: `${label}に${what} ${codePointLabel(control)} が含まれています` };
  }
  const privateUse = findPrivateUseCharacter(raw);
  if (privateUse !== null) {
    // CP932 外字 decode into the private-use area and print as nothing or as another glyph,
    // so the ledger would show a wrong name; the ward has to substitute a standard character.
    return {
      ok: false,
      code: 'encoding',
      reason: `${label}に外字（私用領域の文字 ${codePointLabel(privateUse)}）が含まれています。標準の文字に置き換えてください`,
    };
  }
  if (hasReplacementCharacter(raw)) {
    return { ok: false, code: 'encoding', reason: `${label}に文字化けした文字（U+FFFD）が含まれています。元のデータを確認してください` };
  }
  return null;
}

export function checkReservationNo(raw: string): FieldCheck<string> {
  const pre = precheck(raw, '予約管理番号', false);
  if (!pre.ok) return pre;
  const r = normalizeReservationNumber(pre.value);
  return r.ok ? r : { ok: false, code: 'bad-reservation-number', reason: r.reason };
}

export function checkName(raw: string): FieldCheck<string> {
  const pre = precheck(raw, '氏名', false);
  if (!pre.ok) return pre;
  const value = pre.value.normalize('NFC');
  return withinLength(value, '氏名', MAX_NAME_LENGTH);
}

export function checkKana(raw: string): FieldCheck<string> {
  const pre = precheck(raw, '氏名カナ', false);
  if (!pre.ok) return pre;
  return withinLength(toFullWidthKatakana(pre.value), '氏名カナ', MAX_KANA_LENGTH);
}

export function checkAddress(raw: string): FieldCheck<string> {
  const pre = precheck(raw, '住所', true);
  if (!pre.ok) return pre;
  return withinLength(collapseAddressWhitespace(pre.value), '住所', MAX_ADDRESS_LENGTH);
}

export function checkBirthDate(raw: string, today: string): FieldCheck<string> {
  const pre = precheck(raw, '生年月日', false);
  if (!pre.ok) return pre;
  const r = parseBirthDate(pre.value, today);
  return r.ok ? r : { ok: false, code: 'bad-date', reason: `生年月日: ${r.reason}` };
}

export function checkShippedOn(raw: string, today: string): FieldCheck<string> {
  const pre = precheck(raw, '発送日', false);
  if (!pre.ok) return pre;
  const r = parseJapaneseDate(pre.value);
  if (!r.ok) return { ok: false, code: 'bad-date', reason: `発送日: ${r.reason}` };
  // A card cannot have been shipped after the day the roster is read; a later date is a typo
  // (or a schedule, which is not a shipment ledger).
  if (r.value > today)
    return { ok: false, code: 'bad-date', reason: `発送日が未来の日付です（${dayText(r.value)}、基準日 ${dayText(today)}）` };
  if (r.value < EARLIEST_SHIPPED_ON) {
    return { ok: false, code: 'bad-date', reason: `発送日がマイナンバーカード交付開始（2016年1月）より前です（${dayText(r.value)}）` };
  }
  return r;
}

export function checkNoticeType(raw: string): FieldCheck<NoticeType> {
  const pre = precheck(raw, '通知種別', false);
  if (!pre.ok) return pre;
  const r = normalizeNoticeType(pre.value);
  return r.ok ? r : { ok: false, code: 'bad-notice-type', reason: r.reason };
}

function withinLength(value: string, label: string, max: number): FieldCheck<string> {
  // value.length is an upper bound on code points, so most values skip the count.
  if (value.length <= max) return { ok: true, value };
  const length = codePointLength(value);
  if (length <= max) return { ok: true, value };
  return { ok: false, code: 'too-long', reason: `${label}が長すぎます（${length}文字。${max}文字まで）` };
}
