// A JSON document signed with a station's Ed25519 key: { body, signature } where the signature covers a domain
// string and the body's canonical JSON. The backup's manifest and the 消去報告書 are such documents; each names
// its own words for what is wrong with a file that is not one.
import { sign, verify, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { canonicalJson } from '../files/canonical-json';

export interface SignedDocumentWords {
  /** Not JSON at all (cut short, damaged). */
  readonly unreadable: string;
  readonly unsigned: string;
  /** JSON, but not this kind of document; `at` names the first field that does not fit. */
  readonly notOurs: (at: string) => string;
}

export type ParsedSigned<B> = { ok: true; body: B; signature: string } | { ok: false; why: string };

export function signedDocument<S extends z.ZodType>(body: S, domain: string, words: SignedDocumentWords) {
  type B = z.infer<S>;
  const bytes = (b: B) => Buffer.from(domain + canonicalJson(b));
  return {
    text(b: B, privateKey: KeyObject): string {
      return JSON.stringify({ body: b, signature: sign(null, bytes(b), privateKey).toString('base64') }, null, 2) + '\n';
    },
    /** The document as written, or why it cannot be read as one (in words for the person holding it). */
    parse(text: string): ParsedSigned<B> {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, why: words.unreadable };
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, why: words.notOurs('形式') };
      const { body: b, signature, ...rest } = json as Record<string, unknown>;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) return { ok: false, why: words.notOurs(extra) };
      const parsed = body.safeParse(b);
      if (!parsed.success) return { ok: false, why: words.notOurs(['body', ...parsed.error.issues[0]!.path].join('.')) };
      if (typeof signature !== 'string' || signature === '') return { ok: false, why: words.unsigned };
      return { ok: true, body: parsed.data as B, signature };
    },
    signed(b: B, signature: string, publicKey: KeyObject): boolean {
      try {
        return verify(null, bytes(b), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}
