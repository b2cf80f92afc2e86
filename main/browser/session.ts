// Browser mode's one session: what a request must carry to be answered, and for how long.
//
// A cookie alone is never enough. Browsers send a cookie for 127.0.0.1 to every port of 127.0.0.1 (cookies are
// not port-isolated, and SameSite ignores ports), so any page served from another local port (a dev server, a
// test fixture, a tool's web UI) receives it, and could replay it. So the one-time URL gives two things:
//   - the cookie (HttpOnly, SameSite=Strict, named with our port): says "this browser", needed for pages
//     (a print preview in an iframe can send nothing else);
//   - the secret: handed to the page once, in the answer to the one-time URL (a <meta> the bridge reads and keeps in
//     the tab's sessionStorage, scoped to our origin, port included), and sent by the bridge as a header on every call
//     (the event stream, which cannot set headers, sends it as a query parameter). Nothing else ever contains it:
//     not a later page, not the bridge script, not a cookie.
// Both are compared in constant time (digests of equal length, crypto.timingSafeEqual). The secret is replaced at
// sign-in and at the PIN unlock, the old one refused at once; the session ends after SESSION_IDLE_MS without a call or
// SESSION_MAX_MS after the URL was opened, whichever comes first.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A session without a call this long has ended. The open window asks main every 3 s (renderer/app/heartbeat.ts), at
 * least once a minute in a hidden tab, so an hour of silence means the tab was closed or the machine slept.
 */
export const SESSION_IDLE_MS = 60 * 60_000;
/**
 * However busy, a session ends this long after the one-time URL was opened: a counter day (opening to 日締め) with
 * room to spare, and never into the next day, so a server left running overnight does not keep yesterday's session.
 */
export const SESSION_MAX_MS = 12 * 60 * 60_000;

/**
 * The calls after which the person at the screen has just proved who they are (a PIN at sign-in, or again at the
 * idle lock): the secret is replaced, so one seen before (left in a tab, read off a screen) no longer works.
 */
export const ROTATE_AFTER: ReadonlySet<string> = new Set(['session:signIn', 'session:unlock']);

/** The header every call carries the secret in; the server's answer carries the next one in it after a rotation. */
export const SECRET_HEADER = 'x-madoguchi-session';
/** The event stream's query parameter for the secret (EventSource cannot set headers). */
export const SECRET_PARAM = 's';
/** The <meta> the one-time URL's page carries the secret in, once. */
export const SECRET_META = 'madoguchi-session';

/** What a request carried: no session of ours, a session that has ended, or a live one (and whether its secret was right). */
type SessionCheck = { readonly ok: true; readonly caller: string } | { readonly ok: false; readonly why: 'none' | 'ended' | 'no-secret' };

export interface SessionKeeper {
  /** The one-time token of the URL to print, until it is spent. */
  readonly token: string;
  /**
   * Spends the one-time token: a new session, its cookie (the Set-Cookie value) and first secret; null when the
   * token is wrong or already spent.
   */
  open(token: string): { setCookie: string; secret: string } | null;
  /** The cookie alone, for pages: 'live', 'ended' (it was ours, now expired), or 'none'. */
  browser(cookieHeader: string | undefined): 'live' | 'ended' | 'none';
  /** A call: the cookie and the current secret, both. A call that passes keeps the session alive. */
  check(cookieHeader: string | undefined, secret: string | null | undefined): SessionCheck;
  /** A new secret for the live session (the old one is refused from now on), and its generation. */
  rotate(): { secret: string; generation: number } | null;
  /** The live session's current generation (streams opened with an older one are let go), or null. */
  generation(): number | null;
  /** Whether the session is still live (ended here if its time is up). */
  live(): boolean;
}

interface Live {
  readonly cookie: Buffer;
  secret: Buffer;
  generation: number;
  /** Who the app sees calling (its staff sessions are keyed by it): random, never sent, stable across rotations. */
  readonly caller: string;
  readonly openedAt: number;
  lastCall: number;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Constant time whatever was given: both sides are 32-byte digests. */
const same = (given: string, expected: Buffer): boolean => timingSafeEqual(digest(given), expected);

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * `port` is read when a cookie is made or read (the server knows it once it listens): the cookie is named with it, so
 * another server on another port of 127.0.0.1 (a second station served beside this one) has its own.
 */
export function sessionKeeper(port: () => number, now: () => number = Date.now): SessionKeeper {
  const cookieName = (): string => `madoguchi_session_${port()}`;
  const token = random(24);
  const tokenDigest = digest(token);
  let spent = false;
  let session: Live | null = null;
  /** The cookie of a session that ended, so its browser is told so rather than "open the URL". */
  let ended: Buffer | null = null;

  const cookieOf = (header: string | undefined): string | null => {
    // Ours by its name (cookies of other servers of 127.0.0.1 come along too); the value's alphabet only.
    for (const part of (header ?? '').split(';')) {
      const m = /^\s*([^=\s]+)=([A-Za-z0-9_-]{1,128})\s*$/.exec(part);
      if (m && m[1] === cookieName()) return m[2]!;
    }
    return null;
  };

  const expire = (): void => {
    if (!session) return;
    const t = now();
    if (t - session.lastCall > SESSION_IDLE_MS || t - session.openedAt > SESSION_MAX_MS) {
      ended = session.cookie;
      session = null;
    }
  };

  const secretOf = (s: Live): string => {
    const value = `${s.generation}.${random(32)}`;
    s.secret = digest(value);
    return value;
  };

  const browser = (header: string | undefined): 'live' | 'ended' | 'none' => {
    expire();
    const cookie = cookieOf(header);
    if (cookie === null) return 'none';
    if (session && same(cookie, session.cookie)) return 'live';
    if (ended && same(cookie, ended)) return 'ended';
    return 'none';
  };

  return {
    token,
    open(given) {
      if (spent || !same(given, tokenDigest)) return null;
      spent = true;
      const cookie = random(24);
      const t = now();
      const s: Live = { cookie: digest(cookie), secret: Buffer.alloc(32), generation: 1, caller: random(18), openedAt: t, lastCall: t };
      session = s;
      const secret = secretOf(s);
      return {
        // Gone from the browser when the session would end anyway.
        setCookie: `${cookieName()}=${cookie}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_MAX_MS / 1000}`,
        secret,
      };
    },
    browser,
    check(header, secret) {
      const state = browser(header);
      if (state !== 'live') return { ok: false, why: state };
      const s = session!;
      if (typeof secret !== 'string' || secret.length === 0 || !same(secret, s.secret)) return { ok: false, why: 'no-secret' };
      s.lastCall = now();
      return { ok: true, caller: `browser:${s.caller}` };
    },
    rotate() {
      expire();
      if (!session) return null;
      session.generation++;
      return { secret: secretOf(session), generation: session.generation };
    },
    generation() {
      expire();
      return session?.generation ?? null;
    },
    live() {
      expire();
      return session !== null;
    },
  };
}
