// Browser mode: the same services and contract the Electron window gets, served to a real browser over
// loopback, for Playwright tests and development. 127.0.0.1 only, a random port, and a one-time token in the
// first URL that is swapped for a session: an HttpOnly cookie and a secret the tab holds and sends with every
// call (./session.ts says why the cookie alone is not enough), so no other local page or program can drive it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Invoke } from '../ipc/dispatch';
import { bridgeScript } from './bridge-script';
import { PushEvents, SMALL_BODY_BYTES, bodyCapOf, type IpcError, type IpcResult, type PushEvent } from '../../shared/ipc/contract';
import { printDocumentCsp, type PrintJob } from '../print/printer';
import { RETRY_AFTER_SECONDS, declaredTooLarge, inFlightGate, isLargeCap, readCappedBody } from './limits';
import { MESSAGES, answerClientError, refuseCall, securityHeaders, send, sendText } from './replies';
import { describeUnexpected } from '../ipc/unexpected';
import { CONTENT_TYPES as TYPES } from '../files/content-types';
import { parseJson, parseTarget, routeOf, withBridge } from './requests';
import { ROTATE_AFTER, SECRET_HEADER, SECRET_PARAM, sessionKeeper } from './session';

export interface BrowserServer {
  /** The one-time URL to open; it works once. */
  readonly url: string;
  readonly port: number;
  push<E extends PushEvent>(event: E, payload: unknown): void;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  readonly invoke: Invoke;
  readonly rendererDir: string;
  readonly log?: (line: string) => void;
  /** Extra POST endpoints behind the same session (the fake scanner of `serve --fake-hid`). */
  readonly extraPosts?: Readonly<Record<string, (body: unknown) => unknown>>;
  /** Printed documents held for the window's print preview (GET /__print/<id>, the session's cookie and the id). */
  readonly printPreviews?: { get(id: string): PrintJob | undefined };
  /** The clock the session's time limits are read from (milliseconds; tests move it). */
  readonly now?: () => number;
}

/** How long a stream opened with a replaced secret may go on, at most, while the window opens its new one. */
const STREAM_HANDOVER_MS = 5_000;

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { invoke, rendererDir } = options;
  /** Each open event stream and the secret's generation it was opened with. */
  const streams = new Map<ServerResponse, number>();
  const gate = inFlightGate();
  let port = 0;
  const sessions = sessionKeeper(() => port, options.now);
  let ownOrigin = '';

  /** Streams opened with a secret older than `generation` end (their window has opened, or will open, its new one). */
  const retireStreams = (generation: number): void => {
    for (const [s, g] of streams) if (g < generation) endStream(s);
  };
  const endAllStreams = (): void => {
    for (const s of streams.keys()) endStream(s);
  };
  /** Out of the map first: nothing is written to a stream once it is ended. */
  const endStream = (s: ServerResponse): void => {
    streams.delete(s);
    s.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: only our own loopback origin may talk to us.
    if (req.headers.host !== `127.0.0.1:${port}`) return sendText(res, 421, MESSAGES.wrongHost);
    const headers = securityHeaders();
    const refuse = (status: number, error: IpcError): void =>
      req.method === 'POST' ? refuseCall(req, res, status, error, headers) : sendText(res, status, error.message, headers);
    // Decoded once, here: an address that does not decode (`/%E0%A4%A`) is the sender's mistake, said as such,
    // not an exception thrown from a route (it answered 500 before).
    const target = parseTarget(req.url ?? '/', port);
    if (!target) return refuse(400, { code: 'bad-request', message: MESSAGES.badAddress });
    const { url, path } = target;
    // A page of another port of this machine is the same site to a browser: its fetches, scripts, frames and
    // streams are refused before anything else (the browser says where they come from). Only a top-level
    // navigation may come from elsewhere, and without this tab's secret it gets nothing.
    if (fromAnotherPage(req)) return refuse(403, { code: 'forbidden', message: MESSAGES.otherOrigin });

    if (req.method === 'GET' && path === '/' && url.searchParams.has('token')) return openSession(req, res, url, headers);

    const browser = sessions.browser(req.headers.cookie);
    if (browser === 'ended') endAllStreams();
    if (browser !== 'live') return refuse(403, { code: 'no-session', message: refusalOf(browser) });

    if (req.method === 'GET' && path === '/__events') {
      if (req.headers.origin !== undefined && req.headers.origin !== ownOrigin)
        return refuse(403, { code: 'forbidden', message: MESSAGES.otherOrigin });
      const who = sessions.check(req.headers.cookie, url.searchParams.get(SECRET_PARAM));
      if (!who.ok) return refuse(403, { code: 'no-session', message: refusalOf(who.why) });
      const generation = sessions.generation()!;
      // The window's new stream after a rotation: the one it opened with the old secret is let go now, not before,
      // so no push falls between the two (each push goes to the streams open at that moment).
      retireStreams(generation);
      // A stream open as long as the window is: not a request in flight.
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.set(res, generation);
      req.on('close', () => streams.delete(res));
      return;
    }
    const ipcChannel = req.method === 'POST' && path.startsWith('/__ipc/') ? path.slice('/__ipc/'.length) : null;
    const extra = req.method === 'POST' ? options.extraPosts?.[path] : undefined;
    if (ipcChannel !== null || extra) {
      // Every browser sends Origin with a POST; a call without it is not from our page.
      if (req.headers.origin !== ownOrigin) return refuse(403, { code: 'forbidden', message: MESSAGES.otherOrigin });
      const secret = req.headers[SECRET_HEADER];
      const who = sessions.check(req.headers.cookie, typeof secret === 'string' ? secret : null);
      if (!who.ok) return refuse(403, { code: 'no-session', message: refusalOf(who.why) });
      const cap = ipcChannel !== null ? bodyCapOf(ipcChannel) : SMALL_BODY_BYTES;
      const tooLarge = { code: 'too-large', message: MESSAGES.tooLarge(cap) } as const;
      // Said from the declared length, before a byte of the body is read.
      if (declaredTooLarge(req, cap)) return refuseCall(req, res, 413, tooLarge, headers);
      const slot = gate.enter(isLargeCap(cap));
      if (!slot) return refuseCall(req, res, 503, { code: 'busy', message: MESSAGES.busy }, headers);
      try {
        const body = await readCappedBody(req, cap);
        if (!body.ok) return body.why === 'too-large' ? refuseCall(req, res, 413, tooLarge, headers) : void res.destroy();
        const input = parseJson(body.text);
        const result = ipcChannel !== null ? await invoke(ipcChannel, input ?? undefined, who.caller) : (extra!(input) ?? null);
        const answer: Record<string, string> = { ...headers, 'cache-control': 'no-store' };
        if (ipcChannel !== null && ROTATE_AFTER.has(ipcChannel) && (result as IpcResult<unknown>).ok) {
          // Signed in (or the PIN given again): a new secret, to this answer only; the old one is refused from now on.
          const next = sessions.rotate();
          if (next) {
            answer[SECRET_HEADER] = next.secret;
            setTimeout(() => retireStreams(next.generation), STREAM_HANDOVER_MS).unref();
          }
        }
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result), answer);
      } finally {
        // Held until the handler is done, not until the caller hangs up: a caller that disconnects cannot start more.
        slot();
      }
    }
    if (req.method !== 'GET') return sendText(res, 405, MESSAGES.method, headers);
    const slot = gate.enter(false);
    if (!slot) return sendText(res, 503, MESSAGES.busy, { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) });
    try {
      return await serveGet(path, res, headers);
    } finally {
      slot();
    }
  };

  /**
   * The one-time URL. Its first opening starts the session: the cookie, and the page carrying the secret once (the
   * bridge takes it into the tab's sessionStorage and the address bar loses the token). Opened again in the browser
   * that has the session (a reload, the link clicked twice), it goes to the screen, which works in the tab that
   * holds the secret and says what to do in any other. Anyone else gets nothing from a used URL.
   */
  const openSession = async (req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>): Promise<void> => {
    const slot = gate.enter(false);
    if (!slot) return sendText(res, 503, MESSAGES.busy, { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) });
    try {
      // Read before the token is spent: a renderer that is not there does not use up the URL.
      const page = await readIndex();
      if (page === null) return sendText(res, 404, MESSAGES.notFound, headers);
      const opened = sessions.open(url.searchParams.get('token') ?? '');
      if (!opened) {
        const browser = sessions.browser(req.headers.cookie);
        if (browser === 'live') {
          res.writeHead(303, { ...headers, location: '/' });
          return void res.end();
        }
        return sendText(res, 403, browser === 'ended' ? MESSAGES.ended : MESSAGES.tokenSpent, headers);
      }
      return send(res, 200, TYPES['.html']!, withBridge(page, opened.secret), {
        ...headers,
        'set-cookie': opened.setCookie,
        // The secret is in this page: never kept by the browser's cache, never shown again.
        'cache-control': 'no-store',
      });
    } finally {
      slot();
    }
  };

  const readIndex = async (): Promise<string | null> => {
    try {
      return await readFile(join(rendererDir, 'index.html'), 'utf8');
    } catch {
      return null;
    }
  };

  const serveGet = async (path: string, res: ServerResponse, headers: Record<string, string>): Promise<void> => {
    // The id is a capability: 128 random bits, given only in the answer to a call (which needed the secret), held
    // minutes. The cookie is asked too; the secret cannot be, as the window shows it in an iframe.
    const printId = /^\/__print\/([0-9a-f]{32})$/.exec(path)?.[1];
    if (printId) {
      const job = options.printPreviews?.get(printId);
      if (!job) return sendText(res, 404, '印刷プレビューの期限が切れました。もう一度印刷してください', headers);
      return send(res, 200, TYPES['.html']!, job.html, {
        ...headers,
        'content-security-policy': printDocumentCsp(job.html),
        'cache-control': 'no-store',
      });
    }
    // The same for everyone: it holds no secret (a page of another port could include it).
    if (path === '/__bridge.js') return send(res, 200, TYPES['.js']!, bridgeScript(), headers);
    if (path === '/') {
      // The screen again (a reload): the bridge, never the secret; the tab that holds it still has it.
      const page = await readIndex();
      if (page === null) return sendText(res, 404, MESSAGES.notFound, headers);
      return send(res, 200, TYPES['.html']!, withBridge(page, null), { ...headers, 'cache-control': 'no-store' });
    }
    return serveStatic(path, res, headers);
  };

  const serveStatic = async (path: string, res: ServerResponse, headers: Record<string, string>): Promise<void> => {
    const rel = path.replace(/^\/+/, '');
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(normalize(rendererDir) + sep)) return sendText(res, 404, MESSAGES.notFound, headers);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return sendText(res, 404, MESSAGES.notFound, headers);
    }
    if (rel === 'index.html') data = Buffer.from(withBridge(data.toString('utf8'), null));
    return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data, headers);
  };

  // A request must arrive whole within 30 s (a 64 MiB ledger takes under a second over loopback): a caller that
  // sends its headers and then stalls holds a slot in flight only that long (Node's default was 5 minutes).
  const server: Server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      // Our bug, not the caller's: its kind and where, to the local log (describeUnexpected keeps out the message,
      // which can quote what was sent); to the caller, what to do. A call gets the contract's shape.
      options.log?.(`browser server: ${req.method} ${routeOf(req.url)}: ${describeUnexpected(e)}`);
      if (res.headersSent) return void res.destroy();
      if (req.method === 'POST') refuseCall(req, res, 500, { code: 'internal', message: MESSAGES.internal });
      else sendText(res, 500, MESSAGES.internal);
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  ownOrigin = `http://127.0.0.1:${port}`;

  return {
    url: `${ownOrigin}/?token=${sessions.token}`,
    port,
    push(event, payload) {
      const parsed = PushEvents[event].parse(payload);
      // A session whose time is up hears nothing more, even on a stream opened while it was live.
      if (!sessions.live()) return endAllStreams();
      for (const s of streams.keys()) s.write(`event: ${event}\ndata: ${JSON.stringify(parsed)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        endAllStreams();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function refusalOf(why: 'none' | 'ended' | 'no-secret'): string {
  return why === 'ended' ? MESSAGES.ended : why === 'none' ? MESSAGES.notOpened : MESSAGES.noSecret;
}

/**
 * A request a page of another origin made (Sec-Fetch-Site, sent by every current browser: another port of
 * 127.0.0.1 is "same-site"), other than a top-level navigation. Not the defence (a local program can send any
 * header it likes; the secret is the defence), but it keeps other pages' scripts, frames and streams out early.
 */
function fromAnotherPage(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return false;
  return !(req.method === 'GET' && req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document');
}
