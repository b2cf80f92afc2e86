// The columns of the roster (名簿) CSV and the header spellings accepted for each.
// Different exports of the ward's progress-management system (and hand-made test files) label
// the same column differently, so headers are matched on a folded form: NFKC (全角/半角,
// 半角ｶﾀｶﾅ), no BOM, no whitespace anywhere, ASCII upper case.
import { RESERVATION_NUMBER_EXAMPLE, RESERVATION_NUMBER_SHAPE } from './reservation-number';

export const ROSTER_COLUMN_KEYS = ['reservationNo', 'name', 'kana', 'birthDate', 'address', 'noticeType', 'shippedOn'] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];

export interface RosterColumnSpec {
  readonly key: RosterColumnKey;
  /** The canonical Japanese column name, used in messages when the column is missing. */
  readonly label: string;
  /** Header spellings accepted (before folding; the first is the canonical one). */
  readonly headers: readonly string[];
  /** What the values must look like, for the README table. */
  readonly values: string;
}

export const ROSTER_COLUMNS: readonly RosterColumnSpec[] = [
  {
    key: 'reservationNo',
    label: '予約管理番号',
    headers: ['予約管理番号', '予約番号', '予約管理No', '予約管理No.', '予約管理NO', '予約管理ＮＯ'],
    values: `${RESERVATION_NUMBER_SHAPE}（${RESERVATION_NUMBER_EXAMPLE}）。全角・小文字・ハイフンなし・長音やダッシュ類も可。重複不可`,
  },
  {
    key: 'name',
    label: '氏名',
    headers: ['氏名', '氏名漢字', '氏名（漢字）'],
    values: '必須、100文字以内',
  },
  {
    key: 'kana',
    label: '氏名カナ',
    headers: ['氏名カナ', 'フリガナ', 'ふりがな', 'カナ氏名', '氏名（カナ）', '氏名フリガナ'],
    values: '必須、100文字以内。ひらがな・半角ｶﾀｶﾅは全角カタカナに変換',
  },
  {
    key: 'birthDate',
    label: '生年月日',
    headers: ['生年月日'],
    values:
      '西暦（1983-04-01、1983/4/1、1983.4.1、19830401、1983年4月1日）または和暦（昭和58年4月1日、S58.4.1、H元.1.8）。未来・1868年より前は不可',
  },
  {
    key: 'address',
    label: '住所',
    headers: ['住所'],
    values: '必須、200文字以内。前後の空白を除き、連続する空白・改行は1つの空白に',
  },
  {
    key: 'noticeType',
    label: '通知種別',
    headers: ['通知種別'],
    values: '「通常」または「再発行」（略記「再」は不可）',
  },
  {
    key: 'shippedOn',
    label: '発送日',
    headers: ['発送日', '発送年月日'],
    values: '生年月日と同じ書き方。2016-01-01〜基準日（未来の発送日は不可）',
  },
];

const WHITESPACE = /\s+/g;
const LOWER_ASCII = /[a-z]/g;

/** The folded form headers are compared in. Exported so tests and tools fold the same way. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\uFEFF/g, '')
    .replace(WHITESPACE, '')
    .replace(LOWER_ASCII, (c) => c.toUpperCase());
}

const KEY_BY_FOLDED_HEADER = new Map<string, RosterColumnKey>();
for (const col of ROSTER_COLUMNS) {
  for (const h of col.headers) KEY_BY_FOLDED_HEADER.set(foldHeader(h), col.key);
}

/** Which canonical column a header cell names, or null for a column the reader ignores. */
export function matchRosterColumn(header: string): RosterColumnKey | null {
  return KEY_BY_FOLDED_HEADER.get(foldHeader(header)) ?? null;
}

export function rosterColumnLabel(key: RosterColumnKey): string {
  return ROSTER_COLUMNS.find((c) => c.key === key)?.label ?? key;
}

/** Markdown table of the accepted columns, for the README and the HQ help screen. */
export function describeAcceptedColumns(): string {
  const escape = (s: string): string => s.replace(/\|/g, '\\|');
  const lines = [
    '| 列 | 受け付ける見出し | 値 |',
    '| --- | --- | --- |',
    ...ROSTER_COLUMNS.map((c) => `| ${escape(c.label)} | ${c.headers.map((h) => `「${escape(h)}」`).join(' ')} | ${escape(c.values)} |`),
  ];
  return `${lines.join('\n')}\n\n見出しは全角・半角、前後や途中の空白、先頭の BOM を区別しません。上記以外の列は無視します。\n`;
}
