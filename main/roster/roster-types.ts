// Types of the roster (名簿) reader, in their own file so the decoder, the row checks and
// read-roster can share them without importing each other. read-roster re-exports them.
import type { NoticeType } from '../../shared/roster/notice-type';

export type RosterEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';

export interface RosterRow {
  /** Physical 1-based line where the record starts (the header is line 1). */
  line: number;
  /** 予約管理番号, canonical upper case XXX-NNNNNN. */
  reservationNo: string;
  /** 氏名: trimmed, NFC. */
  name: string;
  /** 氏名カナ: 全角カタカナ, family and given name separated by one 全角スペース. */
  kana: string;
  /** 生年月日, YYYY-MM-DD. */
  birthDate: string;
  /** 住所 as written, trimmed, whitespace runs collapsed. */
  address: string;
  /** 通知種別. */
  noticeType: NoticeType;
  /** 発送日, YYYY-MM-DD. */
  shippedOn: string;
}

export type RosterProblemCode =
  | 'encoding'
  | 'not-csv'
  | 'missing-column'
  | 'duplicate-column'
  | 'missing-field'
  | 'bad-reservation-number'
  | 'duplicate-reservation-number'
  | 'bad-date'
  | 'bad-notice-type'
  | 'too-long'
  | 'control-character'
  | 'too-many-rows'
  | 'wrong-field-count';

export interface RosterProblem {
  /** Physical 1-based line (where the record starts). */
  line: number;
  /**
   * The header as written in the file; the canonical Japanese name for a missing column;
   * '' for problems that concern the whole line or file (encoding, not-csv, wrong-field-count,
   * too-many-rows).
   */
  column: string;
  /** The offending value as written (long values cut at 100 characters with …). */
  value: string;
  code: RosterProblemCode;
  /** Japanese, for HQ staff. */
  reason: string;
}

export type RosterReadResult =
  { ok: true; encoding: RosterEncoding; rows: RosterRow[] } | { ok: false; encoding: RosterEncoding | null; problems: RosterProblem[] };

export interface ReadRosterOptions {
  /** The local date the roster is checked against (future birth / shipped dates), YYYY-MM-DD. */
  today: string;
  /** Data rows allowed (header not counted). Default 200,000. */
  maxRows?: number;
}

/** Values shown in problems are cut so one runaway cell cannot flood the report. */
const PROBLEM_VALUE_MAX = 100;

export function excerpt(value: string): string {
  return value.length > PROBLEM_VALUE_MAX ? `${value.slice(0, PROBLEM_VALUE_MAX)}…` : value;
}
