// Text a person types that goes into the record (a reason, a memo): it is read later by other people, printed,
// and sent to HQ, so it must be text they can see. Refused: control characters (NUL, escape, the C1 block),
// bidirectional overrides and isolates (an RLO mark turns the rest of a printed line around), lone surrogates
// (half a character, which no font draws and some exports choke on), and text with nothing visible in it.
import { z } from 'zod';

// Line breaks and tabs are how people write a longer reason; every other control character is refused.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
// Without the u flag, so it sees the halves: a high surrogate not followed by a low one, or a low one alone.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with the text, in words, or null when it may be recorded. */
function personTextProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return '読み取れない文字（壊れた文字）が含まれています';
  if (CONTROL.test(text)) return '制御文字が含まれています';
  if (BIDI_CONTROL.test(text)) return '文字の向きを変える書式文字が含まれています';
  return null;
}

/**
 * A reason or memo as typed: trimmed, NFC, at most `max` characters, free of invisible and control characters.
 * `required`: it must say something visible (a lone space or zero-width character is not a reason).
 */
export function personText(field: string, max: number, required: boolean) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    .superRefine((s, ctx) => {
      const problem = personTextProblem(s);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: `${field}に${problem}` });
      else if (required && !VISIBLE.test(s)) ctx.addIssue({ code: 'custom', message: `${field}を入力してください` });
      else if ([...s].length > max) ctx.addIssue({ code: 'custom', message: `${field}は${max}文字以内で入力してください` });
    });
}
