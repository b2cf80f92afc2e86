// Splitting roster text into CSV records (RFC 4180: ',' separator, '"' quoting, '""' escape).
//
// Why two implementations: csv-parse/sync is the reference, but it walks the input byte by
// byte through several method calls per byte and takes ~0.85–1.1 s for 100,000 realistic roster
// rows on a 2-core machine, on its own — more than the whole read is allowed. splitCsvRecords is
// a small index-based scanner with exactly csv-parse's semantics for the options used here
// (see splitCsvRecordsWithCsvParse); csv-records.test.ts checks the two agree on generated
// input. To go back to csv-parse, readRoster can feed the records of
// splitCsvRecordsWithCsvParse to the same visitor.
//
// Both work on text whose line breaks are already LF only (see normalizeLineBreaks): the roster
// counts CR, LF and CRLF each as one physical line break, and csv-parse miscounts `info.lines`
// after a CRLF inside a quoted field.
import { parse } from 'csv-parse/sync';

interface CsvRecord {
  /** Physical 1-based line where the record starts. */
  line: number;
  fields: string[];
}

export type CsvSplitResult =
  | { ok: true; records: CsvRecord[]; /** stopped at maxRecords with more text left */ truncated: boolean }
  | { ok: false; line: number; /** the physical line, for the problem's value */ text: string; reason: string };

export interface CsvSplitOptions {
  /** Stop after this many records (bounds the work on an oversized file). */
  maxRecords?: number;
}

const CRLF_OR_CR = /\r\n?/g;

export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(CRLF_OR_CR, '\n') : text;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;

export type CsvVisitResult =
  | { ok: true; /** the visitor asked to stop before the end of the text */ stopped: boolean }
  | { ok: false; line: number; /** the physical line, for the problem's value */ text: string; reason: string };

/**
 * Calls `visit` for each record in order; `visit` returns false to stop. Streaming rather than
 * returning an array lets a 100,000-row roster become rows without first holding 100,000
 * intermediate record objects (garbage-collector time was a third of the read). For the same
 * reason the `fields` array is reused for every record: `visit` must copy it to keep it.
 * Blank lines are skipped, as are records whose every field is empty or whitespace (spreadsheet
 * exports write ",,,,,," for an empty row). `text` must be LF-only.
 */
export function forEachCsvRecord(text: string, visit: (line: number, fields: readonly string[]) => boolean | void): CsvVisitResult {
  const n = text.length;
  let i = 0;
  let line = 1;
  // Position of the next LF at or after the current quoted field, found once per line instead
  // of searching to the end of the line for every quoted field.
  let nextLf = -2;
  const fields: string[] = [];
  while (i < n) {
    if (text.charCodeAt(i) === LF) {
      i++;
      line++;
      continue;
    }
    const startLine = line;
    fields.length = 0;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            return fail(text, openLine, `引用符（"）が閉じられていません（${openLine}行目で始まる値がファイルの最後まで続いています）`);
          }
          if (nextLf !== -1 && nextLf < j) nextLf = text.indexOf('\n', j);
          while (nextLf !== -1 && nextLf < q) {
            line++;
            nextLf = text.indexOf('\n', nextLf + 1);
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          i = q + 1;
          break;
        }
        const after = text.charCodeAt(i);
        if (i < n && after !== COMMA && after !== LF) {
          return fail(text, line, '引用符（"）で囲んだ値の直後に、区切りのカンマ以外の文字があります');
        }
        fields.push(value);
      } else {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF) break;
          if (c === QUOTE) {
            return fail(
              text,
              line,
              '引用符（"）で囲まれていない値の途中に引用符があります（値の中の " は "" と書き、値全体を " で囲みます）',
            );
          }
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      if (text.charCodeAt(i) === COMMA) {
        // A comma at the very end of the text: the next pass reads the empty last field.
        i++;
        continue;
      }
      // LF: end of record.
      i++;
      line++;
      break;
    }
    if (!isBlankRecord(fields) && visit(startLine, fields) === false) return { ok: true, stopped: i < n };
  }
  return { ok: true, stopped: false };
}

/** All records as an array (up to maxRecords). */
export function splitCsvRecords(text: string, options: CsvSplitOptions = {}): CsvSplitResult {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  const records: CsvRecord[] = [];
  if (maxRecords <= 0) return { ok: true, records, truncated: text.trim() !== '' };
  const r = forEachCsvRecord(text, (line, fields) => {
    records.push({ line, fields: [...fields] });
    return records.length < maxRecords;
  });
  return r.ok ? { ok: true, records, truncated: r.stopped } : r;
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  let k = text.indexOf('\n', from);
  while (k !== -1 && k < to) {
    count++;
    k = text.indexOf('\n', k + 1);
  }
  return count;
}

function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

function fail(text: string, line: number, reason: string): { ok: false; line: number; text: string; reason: string } {
  return { ok: false, line, text: physicalLine(text, line), reason };
}

/** The text of a 1-based physical line of LF-only text ('' past the end). */
export function physicalLine(text: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const k = text.indexOf('\n', start);
    if (k === -1) return '';
    start = k + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * The same split done by csv-parse/sync: the reference the fast scanner is tested against, and a
 * drop-in replacement if the scanner is ever in doubt (at csv-parse's speed). Line numbers come
 * from csv-parse's `info.lines` (the line a record ends on) minus the line feeds inside it.
 * Error lines are csv-parse's (for an unclosed quote: the last line, not where it opened).
 */
export function splitCsvRecordsWithCsvParse(text: string, options: CsvSplitOptions = {}): CsvSplitResult {
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      info: true,
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    return fail(text, line, `CSV として読み取れません（${(err as Error).message}）`);
  }
  const records: CsvRecord[] = [];
  for (const { record, info } of parsed) {
    if (isBlankRecord(record)) continue;
    let feeds = 0;
    for (const f of record) feeds += countLineFeeds(f, 0, f.length);
    records.push({ line: info.lines - feeds, fields: record });
    if (records.length >= maxRecords) return { ok: true, records, truncated: true };
  }
  return { ok: true, records, truncated: false };
}
