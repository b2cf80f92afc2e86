// The synthetic roster written as the ward's systems write a roster CSV: the Japanese header, CRLF,
// quoting only where needed, dates in 西暦 or 和暦 (or a mix), and UTF-8, UTF-8 with BOM or CP932.
import iconv from 'iconv-lite';
import { formatWareki, isIsoDate } from '../../shared/roster/japanese-date';
import { mulberry32, seedState } from './prng';
import type { SyntheticResident } from './synthetic-roster';

type RosterCsvEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';
type RosterDateStyle = 'seireki' | 'wareki' | 'mixed';

export interface RosterCsvOptions {
  encoding?: RosterCsvEncoding;
  dateStyle?: RosterDateStyle;
  /** Seeds the per-field choice when dateStyle is 'mixed'. */
  seed?: number;
}

/** 和暦 for a roster; before 1873 Japan used the lunisolar calendar, so no Gregorian mapping is offered. */
function warekiOf(iso: string, form: 'long' | 'short'): string {
  const text = iso >= '1873-01-01' ? formatWareki(iso, form) : null;
  if (text === null) throw new RangeError(`no 和暦 for '${iso}' (a real date from 1873 on is needed)`);
  return text;
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const DATE_STYLES: readonly string[] = ['seireki', 'wareki', 'mixed'] satisfies RosterDateStyle[];
const ENCODINGS: readonly string[] = ['utf-8', 'utf-8-bom', 'cp932'] satisfies RosterCsvEncoding[];

const ROSTER_CSV_HEADER = ['予約管理番号', '氏名', '氏名カナ', '生年月日', '住所', '通知種別', '発送日'] as const;

/** Rows per chunk: big enough to amortise per-chunk work, small enough that row strings die young in the GC. */
const CHUNK_ROWS = 2000;

/**
 * The CSV as chunks of whole lines (CRLF, last line terminated; the first chunk starts with the
 * header). Chunking keeps 100k rows from living as 100k cons strings until one giant join, which
 * made old-generation GC the largest cost; each chunk is joined flat while its rows are still young.
 */
function csvChunks(residents: readonly SyntheticResident[], options: Omit<RosterCsvOptions, 'encoding'>): string[] {
  const style = options.dateStyle ?? 'seireki';
  if (!DATE_STYLES.includes(style)) throw new RangeError(`unknown dateStyle '${style}'`);
  const rng = mulberry32(seedState(options.seed ?? 0, 2));
  // Memoised: a roster repeats its few shipment dates and many birth dates.
  const memo = { long: new Map<string, string>(), short: new Map<string, string>() };
  const wareki = (iso: string, form: 'long' | 'short'): string => {
    let text = memo[form].get(iso);
    if (text === undefined) memo[form].set(iso, (text = warekiOf(iso, form)));
    return text;
  };
  const date = (iso: string): string => {
    // 'mixed': half 西暦, 30% long 和暦, 20% short 和暦, as rosters merged from several systems look.
    const x = style === 'mixed' ? rng() : -1;
    if (style === 'wareki' || (x >= 0.5 && x < 0.8)) return wareki(iso, 'long');
    if (x >= 0.8) return wareki(iso, 'short');
    // A malformed date must fail here too rather than pass through as text.
    if (!isIsoDate(iso)) throw new RangeError(`date must be 'YYYY-MM-DD', got '${iso}'`);
    return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8)}`;
  };
  const plain = (s: string): string => s;
  const chunks: string[] = [];
  for (let start = 0; start === 0 || start < residents.length; start += CHUNK_ROWS) {
    const slice = residents.slice(start, start + CHUNK_ROWS);
    const dates: string[] = []; // [birth, shipped] per row, drawn once so a quoting rebuild sees the same forms
    for (const r of slice) dates.push(date(r.birthDate), date(r.shippedOn));
    const build = (f: (s: string) => string): string => {
      const lines = start === 0 ? [ROSTER_CSV_HEADER.join(',')] : [];
      slice.forEach((r, i) => {
        const birth = dates[2 * i] as string;
        const shipped = dates[2 * i + 1] as string;
        lines.push(`${f(r.reservationNo)},${f(r.name)},${f(r.kana)},${f(birth)},${f(r.address)},${f(r.noticeType)},${f(shipped)}`);
      });
      return `${lines.join('\r\n')}\r\n`;
    };
    // Fast path: join unquoted, then prove no field needed quoting by counting separators over the
    // flat chunk (native indexOf). A regex per field or row forced a flattening per row and cost more
    // than everything else together; only a chunk that fails the count is rebuilt with quoting.
    const chunk = build(plain);
    const lineCount = slice.length + (start === 0 ? 1 : 0);
    const clean =
      chunk.indexOf('"') === -1 &&
      count(chunk, ',') === 6 * lineCount &&
      count(chunk, '\n') === lineCount &&
      count(chunk, '\r') === lineCount;
    chunks.push(clean ? chunk : build(csvField));
  }
  return chunks;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** The CSV as text: what every encoding of rosterToCsv encodes. */
export function rosterToCsvText(residents: readonly SyntheticResident[], options: Omit<RosterCsvOptions, 'encoding'> = {}): string {
  return csvChunks(residents, options).join('');
}

export function rosterToCsv(residents: readonly SyntheticResident[], options: RosterCsvOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'utf-8';
  if (!ENCODINGS.includes(encoding)) throw new RangeError(`unknown encoding '${encoding}'`);
  const parts: Uint8Array[] = encoding === 'utf-8-bom' ? [Uint8Array.of(0xef, 0xbb, 0xbf)] : [];
  for (const chunk of csvChunks(residents, options)) {
    if (encoding !== 'cp932') {
      parts.push(Buffer.from(chunk, 'utf8'));
      continue;
    }
    const bytes = iconv.encode(chunk, 'cp932');
    // iconv-lite silently writes '?' for characters CP932 lacks. 0x3F is never a trail byte in CP932,
    // so a surplus of 0x3F bytes over '?' in the text means something was lost: fail instead.
    let surplus = 0;
    for (let i = bytes.indexOf(0x3f); i !== -1; i = bytes.indexOf(0x3f, i + 1)) surplus++;
    if (surplus !== count(chunk, '?')) throw new Error('roster contains characters CP932 cannot encode');
    parts.push(bytes);
  }
  const out = Buffer.concat(parts);
  // A plain Uint8Array view, so callers comparing bytes are not surprised by Buffer's own methods.
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
