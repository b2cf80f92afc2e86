// Test support: writing roster CSV bytes the way the ward's systems (or a spreadsheet) would,
// so tests generate their inputs in code instead of keeping large fixture files.
// Imported only by *.test.ts.
import iconv from 'iconv-lite';
import type { RosterEncoding } from '../roster/roster-types';

export const STANDARD_HEADER = ['予約管理番号', '氏名', '氏名カナ', '生年月日', '住所', '通知種別', '発送日'] as const;

export interface WriteCsvOptions {
  lineBreak?: '\r\n' | '\n';
  /** Quote every field (as many Japanese systems do) rather than only where needed. */
  quoteAll?: boolean;
  /** Line break after the last record. Default true. */
  finalLineBreak?: boolean;
}

function csvField(value: string, quoteAll = false): string {
  return quoteAll || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(records: readonly (readonly string[])[], options: WriteCsvOptions = {}): string {
  const lb = options.lineBreak ?? '\r\n';
  const body = records.map((r) => r.map((f) => csvField(f, options.quoteAll)).join(',')).join(lb);
  return options.finalLineBreak === false ? body : body + lb;
}

export function encodeRoster(text: string, encoding: RosterEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'cp932':
      return new Uint8Array(iconv.encode(text, 'cp932'));
  }
}

/** Physical line numbers of each record of `records` (header first) as written by writeCsv. */
export function recordLines(records: readonly (readonly string[])[]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const r of records) {
    lines.push(line);
    for (const f of r) line += (f.match(/\r\n|\r|\n/g) ?? []).length;
    line++;
  }
  return lines;
}
