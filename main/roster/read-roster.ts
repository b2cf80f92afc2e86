// Reading the roster (名簿) CSV from the ward's progress-management system into rows for the
// shipment ledger. The roster must be read exactly as the ward's systems write it, and one bad
// row must stop the build — so this never throws on file content and never stops at the first
// problem: it returns every problem (line, column, value, reason), sorted by line.
//
// Stages: bytes → text (decode-roster: the encoding rule) → records (csv-records) → header →
// rows (roster-fields). A failure in an earlier stage makes later ones meaningless (a garbled
// encoding turns into bogus header or date errors; after a stray quote the record boundaries
// are guesses), so such a failure is reported alone. Within the rows stage everything is
// reported.
import { isIsoDate } from '../../shared/roster/japanese-date';
import { matchRosterColumn, ROSTER_COLUMN_KEYS, rosterColumnLabel } from '../../shared/roster/roster-columns';
import type { RosterColumnKey } from '../../shared/roster/roster-columns';
import { forEachCsvRecord, normalizeLineBreaks } from './csv-records';
import { decodeRosterBytes } from './decode-roster';
import { checkAddress, checkBirthDate, checkKana, checkName, checkNoticeType, checkReservationNo, checkShippedOn } from './roster-fields';
import type { FieldCheck } from './roster-fields';
import type { ReadRosterOptions, RosterProblem, RosterReadResult, RosterRow } from './roster-types';
import { excerpt } from './roster-types';

export type { ReadRosterOptions, RosterEncoding, RosterProblem, RosterProblemCode, RosterReadResult, RosterRow } from './roster-types';

const DEFAULT_MAX_ROWS = 200_000;

export function readRoster(bytes: Uint8Array, options: ReadRosterOptions): RosterReadResult {
  // Bad options are a programming error in the caller, not a problem with the file.
  if (!isIsoDate(options.today)) {
    throw new RangeError(`readRoster: today must be YYYY-MM-DD, got ${JSON.stringify(options.today)}`);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 0) {
    throw new RangeError(`readRoster: maxRows must be a non-negative integer, got ${maxRows}`);
  }

  const decoded = decodeRosterBytes(bytes);
  if (!decoded.ok) return decoded;
  const { encoding } = decoded;
  const fail = (problems: RosterProblem[]): RosterReadResult => ({ ok: false, encoding, problems: sortByLine(problems) });

  const reader = new RowReader(options.today, maxRows);
  const csv = forEachCsvRecord(normalizeLineBreaks(decoded.text), (line, fields) => reader.visit(line, fields));
  if (!csv.ok) return fail([{ line: csv.line, column: '', value: excerpt(csv.text), code: 'not-csv', reason: csv.reason }]);
  if (reader.headerProblems.length > 0) return fail(reader.headerProblems);
  if (reader.header === null) {
    return fail([{ line: 1, column: '', value: '', code: 'not-csv', reason: 'ファイルが空です（見出し行がありません）' }]);
  }
  if (reader.problems.length > 0) return fail(reader.problems);
  return { ok: true, encoding, rows: reader.rows };
}

interface Header {
  /** Field index of each canonical column. */
  index: Record<RosterColumnKey, number>;
  /** Header cells as written (trimmed), for problem reports. */
  written: string[];
  /** Columns up to the last named one; a data row needs this many fields. */
  fieldCount: number;
}

/** Receives the records one by one (first the header) and keeps rows and problems. */
class RowReader {
  header: Header | null = null;
  headerProblems: RosterProblem[] = [];
  readonly problems: RosterProblem[] = [];
  readonly rows: RosterRow[] = [];
  private dataRows = 0;
  private readonly firstLineOf = new Map<string, number>();

  constructor(
    private readonly today: string,
    private readonly maxRows: number,
  ) {}

  /** false stops the CSV scan. */
  visit(line: number, fields: readonly string[]): boolean {
    if (this.header === null) {
      const h = readHeader(line, fields);
      if (!h.ok) {
        this.headerProblems = h.problems;
        return false;
      }
      this.header = h.header;
      return true;
    }
    if (this.dataRows === this.maxRows) {
      // Stop here rather than check the rest of an oversized file.
      this.problems.push({
        line,
        column: '',
        value: '',
        code: 'too-many-rows',
        reason: `行数が上限（${this.maxRows.toLocaleString('ja-JP')}行）を超えています。ファイルを分けてください`,
      });
      return false;
    }
    this.dataRows++;
    this.readRow(line, fields, this.header);
    return true;
  }

  private readRow(line: number, fields: readonly string[], header: Header): void {
    if (!fieldCountFits(fields, header.fieldCount)) {
      // With a column added or lost (typically an unquoted comma in an address) every later
      // value sits under the wrong header, so checking them would only bury this real problem.
      const hint = fields.length > header.fieldCount ? '住所などの値にカンマがあるなら、値全体を " で囲んでください' : '値が足りません';
      this.problems.push({
        line,
        column: '',
        value: `${fields.length}列`,
        code: 'wrong-field-count',
        reason: `列の数が見出し行（${header.fieldCount}列）と違います（${fields.length}列）。${hint}`,
      });
      return;
    }
    // Plain locals rather than a record keyed by column: this runs for every row, and a
    // per-row object with computed keys was a measurable share of the read.
    const at = header.index;
    const reservationNo = checkReservationNo(fields[at.reservationNo] ?? '');
    const name = checkName(fields[at.name] ?? '');
    const kana = checkKana(fields[at.kana] ?? '');
    const birthDate = checkBirthDate(fields[at.birthDate] ?? '', this.today);
    const address = checkAddress(fields[at.address] ?? '');
    const noticeType = checkNoticeType(fields[at.noticeType] ?? '');
    const shippedOn = checkShippedOn(fields[at.shippedOn] ?? '', this.today);

    // Duplicates are checked whenever the number itself is readable, even if other fields of
    // the row are bad, so fixing those does not reveal a new problem on the next run.
    let duplicateOf: number | undefined;
    if (reservationNo.ok) {
      duplicateOf = this.firstLineOf.get(reservationNo.value);
      if (duplicateOf === undefined) this.firstLineOf.set(reservationNo.value, line);
    }

    if (
      reservationNo.ok &&
      duplicateOf === undefined &&
      name.ok &&
      kana.ok &&
      birthDate.ok &&
      address.ok &&
      noticeType.ok &&
      shippedOn.ok
    ) {
      this.rows.push({
        line,
        reservationNo: reservationNo.value,
        name: name.value,
        kana: kana.value,
        birthDate: birthDate.value,
        address: address.value,
        noticeType: noticeType.value,
        shippedOn: shippedOn.value,
      });
      return;
    }

    // The rare path: report in file column order so a line's problems read left to right.
    const checks: [RosterColumnKey, FieldCheck<string>][] = [
      ['reservationNo', reservationNo],
      ['name', name],
      ['kana', kana],
      ['birthDate', birthDate],
      ['address', address],
      ['noticeType', noticeType],
      ['shippedOn', shippedOn],
    ];
    checks.sort((a, b) => at[a[0]] - at[b[0]]);
    for (const [key, r] of checks) {
      if (r.ok) continue;
      this.problems.push({ line, column: columnName(header, key), value: excerpt(fields[at[key]] ?? ''), code: r.code, reason: r.reason });
    }
    if (duplicateOf !== undefined && reservationNo.ok) {
      this.problems.push({
        line,
        column: columnName(header, 'reservationNo'),
        value: excerpt(fields[at.reservationNo] ?? ''),
        code: 'duplicate-reservation-number',
        reason: `予約管理番号 ${reservationNo.value} が${duplicateOf}行目と重複しています`,
      });
    }
  }
}

function columnName(header: Header, key: RosterColumnKey): string {
  return header.written[header.index[key]] ?? rosterColumnLabel(key);
}

function readHeader(line: number, fields: readonly string[]): { ok: true; header: Header } | { ok: false; problems: RosterProblem[] } {
  const written = fields.map((f) => f.replace(/\uFEFF/g, '').trim());
  const found = new Map<RosterColumnKey, number>();
  const problems: RosterProblem[] = [];
  written.forEach((cell, at) => {
    const key = matchRosterColumn(cell);
    if (key === null) return; // Unknown columns are the ward's business, not ours.
    const first = found.get(key);
    if (first !== undefined) {
      problems.push({
        line,
        column: cell,
        value: cell,
        code: 'duplicate-column',
        reason: `「${rosterColumnLabel(key)}」にあたる列が2つあります（${first + 1}列目「${written[first] ?? ''}」と${at + 1}列目「${cell}」）`,
      });
      return;
    }
    found.set(key, at);
  });
  for (const key of ROSTER_COLUMN_KEYS) {
    if (found.has(key)) continue;
    const label = rosterColumnLabel(key);
    problems.push({
      line,
      column: label,
      value: '',
      code: 'missing-column',
      reason: `「${label}」の列がありません（見出し行: ${excerpt(written.join(','))}）`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const index = Object.fromEntries(found) as Record<RosterColumnKey, number>;
  // Trailing empty header cells (a spreadsheet's stray commas) do not count, so data rows
  // with or without those commas both fit.
  let fieldCount = written.length;
  while (fieldCount > 0 && written[fieldCount - 1] === '') fieldCount--;
  return { ok: true, header: { index, written, fieldCount } };
}

/** As many fields as the header names; extra trailing empty fields (stray commas) are fine. */
function fieldCountFits(fields: readonly string[], expected: number): boolean {
  if (fields.length === expected) return true;
  if (fields.length < expected) return false;
  for (let i = expected; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

/** Stable, so problems of one line keep the order they were found in (file column order). */
function sortByLine(problems: RosterProblem[]): RosterProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p);
}
