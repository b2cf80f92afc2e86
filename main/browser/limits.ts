// What browser mode's server holds at once: each request body up to its channel's cap (declared in the
// contract), a bounded number of requests in flight, and one large body at a time. Found in an outside trial:
// every body was buffered up to 96 MiB and nothing bounded how many, so eight parallel 90 MiB uploads took the
// server to ~1 GB. Everything here refuses before reading, or stops reading at the cap, never buffering the rest.
import type { IncomingMessage } from 'node:http';
import { SMALL_BODY_BYTES } from '../../shared/ipc/contract';

/**
 * Requests being answered at once. A browser opens at most 6 connections to a host, so one window never meets it;
 * each small request holds at most SMALL_BODY_BYTES, so all of them together hold a few MiB.
 */
export const MAX_IN_FLIGHT = 32;
/**
 * Requests with a body cap above the small one (a ledger upload, a receipt check's close, a return batch) at once.
 * A ledger upload is held up to four times over while it is parsed and decoded (chunks, text, JSON, bytes), ~260 MB
 * at its cap; a venue has one lead, who imports one ledger at a time.
 */
const MAX_LARGE_IN_FLIGHT = 1;
/** What a refused caller is told to wait (Retry-After, seconds): a request in flight takes well under that. */
export const RETRY_AFTER_SECONDS = 2;

export type Slot = () => void;

/** Counts requests in flight; `enter` gives a slot to release when the answer is done, or null when full. */
export function inFlightGate(): { enter(large: boolean): Slot | null } {
  let all = 0;
  let large = 0;
  return {
    enter(isLarge) {
      if (all >= MAX_IN_FLIGHT || (isLarge && large >= MAX_LARGE_IN_FLIGHT)) return null;
      all++;
      if (isLarge) large++;
      let released = false;
      return () => {
        // Released once, however many ways a request ends (answered, failed, its socket closed).
        if (released) return;
        released = true;
        all--;
        if (isLarge) large--;
      };
    },
  };
}

export const isLargeCap = (cap: number): boolean => cap > SMALL_BODY_BYTES;

/** The cap as people read it: 64 KiB, 16 MiB, 64.3 MiB. */
export function bytesLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/** The declared length is over the cap: refused before a byte of the body is read. */
export function declaredTooLarge(req: IncomingMessage, cap: number): boolean {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > cap;
}

export type BodyRead = { ok: true; text: string } | { ok: false; why: 'too-large' | 'aborted' };

/**
 * The body as text, or 'too-large' as soon as the bytes read pass the cap (a chunked body, a length not declared):
 * what was read is dropped and the rest is left to the server, which discards it unread into memory.
 */
export function readCappedBody(req: IncomingMessage, cap: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (result: BodyRead) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      chunks.length = 0;
      resolve(result);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > cap) stop({ ok: false, why: 'too-large' });
      else chunks.push(c);
    };
    const onEnd = () => stop({ ok: true, text: Buffer.concat(chunks, size).toString('utf8') });
    // The caller went away mid-body: nobody to answer.
    const onAbort = () => stop({ ok: false, why: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
