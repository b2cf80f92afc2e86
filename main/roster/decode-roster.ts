// Turning roster bytes into text. The ward's systems write either UTF-8 (with or without BOM)
// or Shift_JIS, which on Windows means CP932 (NEC/IBM extensions such as ① ㍻ 髙 﨑).
//
// Rule, in order:
//   1. EF BB BF (UTF-8 BOM)          → 'utf-8-bom'; the rest must be valid UTF-8.
//   2. FF FE / FE FF (UTF-16 BOM)    → refused: no ward system is known to write it, and
//                                       reading it as CP932 would only produce noise.
//   3. the bytes are valid UTF-8     → 'utf-8'.
//   4. otherwise                     → 'cp932' via iconv-lite; any byte sequence CP932 does not
//                                       define decodes to U+FFFD and is reported on its line.
// Japanese text in CP932 is practically never valid UTF-8 (lead bytes 0x81–0x9F are UTF-8
// continuation bytes), so step 3 does not mistake a CP932 file for UTF-8; a pure-ASCII file
// is identical in both, so calling it 'utf-8' is harmless.
import iconv from 'iconv-lite';
import type { RosterEncoding, RosterProblem } from './roster-types';
import { excerpt } from './roster-types';

export type DecodeResult =
  { ok: true; encoding: RosterEncoding; text: string } | { ok: false; encoding: RosterEncoding | null; problems: RosterProblem[] };

// One decoder each, reused: constructing TextDecoder per call is measurable on big files.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeRosterBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    const text = tryStrictUtf8(body);
    if (text !== null) return { ok: true, encoding: 'utf-8-bom', text };
    return {
      ok: false,
      encoding: 'utf-8-bom',
      problems: replacementProblems(
        lenientUtf8.decode(body),
        'BOM付きUTF-8として読めない文字があります（ファイルが壊れているか、別の文字コードです）',
      ),
    };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      encoding: null,
      problems: [
        {
          line: 1,
          column: '',
          value: '',
          code: 'encoding',
          reason: 'UTF-16 のファイルは読めません。UTF-8 または Shift_JIS（CP932）で保存し直してください',
        },
      ],
    };
  }
  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== null) return { ok: true, encoding: 'utf-8', text: utf8 };

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buffer, 'cp932');
  if (!text.includes('\uFFFD')) return { ok: true, encoding: 'cp932', text };
  return {
    ok: false,
    encoding: 'cp932',
    problems: replacementProblems(
      text,
      'UTF-8 としても Shift_JIS（CP932）としても読めない文字があります（ファイルが壊れているか、別の文字コードです）',
    ),
  };
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** One problem per physical line holding a U+FFFD; the value shows the line with the marks. */
function replacementProblems(text: string, reason: string): RosterProblem[] {
  const problems: RosterProblem[] = [];
  let line = 1;
  let lineStart = 0;
  let lastReported = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // CR, LF and CRLF are each one line break, as everywhere in the roster reader.
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    } else if (c === 0xfffd && lastReported !== line) {
      lastReported = line;
      problems.push({
        line,
        column: '',
        value: excerpt(text.slice(lineStart, lineEnd(text, i))),
        code: 'encoding',
        reason,
      });
    }
  }
  return problems;
}

// A plain scan rather than indexOf('\r'): in an LF file that would search to the end for every
// bad line, quadratic on a badly garbled file.
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    i++;
  }
  return i;
}
