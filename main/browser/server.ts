// Browser mode: the same services and contract the Electron window gets, served to a real browser over
// loopback, for Playwright tests and development. 127.0.0.1 only, a random port, and a one-time token in
// the first URL that is swapped for an HttpOnly session cookie, so no other local page can drive it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Invoke } from '../ipc/dispatch';
import { bridgeScript } from './bridge-script';
import { PushEvents, SMALL_BODY_BYTES, bodyCapOf, type PushEvent } from '../../shared/ipc/contract';
import { printDocumentCsp, type PrintJob } from '../print/printer';
import { RETRY_AFTER_SECONDS, declaredTooLarge, inFlightGate, isLargeCap, readCappedBody } from './limits';
import { MESSAGES, answerClientError, refuseCall, securityHeaders, send, sendText } from './replies';
import { describeUnexpected } from '../ipc/unexpected';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

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
  /** Extra POST endpoints behind the same session cookie (the fake scanner of `serve --fake-hid`). */
  readonly extraPosts?: Readonly<Record<string, (body: unknown) => unknown>>;
  /** Printed documents held for the window's print preview (GET /__print/<id>, same session cookie). */
  readonly printPreviews?: { get(id: string): PrintJob | undefined };
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { invoke, rendererDir } = options;
  let oneTimeToken: string | null = randomBytes(24).toString('base64url');
  const sessions = new Set<string>();
  const streams = new Set<ServerResponse>();
  const gate = inFlightGate();
  let port = 0;

  const sessionOf = (req: IncomingMessage): string | null => {
    const m = /(?:^|;\s*)madoguchi_session=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
    return m && sessions.has(m[1]!) ? m[1]! : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: only our own loopback origin may talk to us.
    if (req.headers.host !== `127.0.0.1:${port}`) return sendText(res, 421, MESSAGES.wrongHost);
    const headers = securityHeaders();
    // Decoded once, here: an address that does not decode (`/%E0%A4%A`) is the sender's mistake, said as such,
    // not an exception thrown from a route (it answered 500 before).
    const target = parseTarget(req.url ?? '/', port);
    if (!target) {
      if (req.method === 'POST') return refuseCall(req, res, 400, { code: 'bad-request', message: MESSAGES.badAddress }, headers);
      return sendText(res, 400, MESSAGES.badAddress, headers);
    }
    const { url, path } = target;

    if (req.method === 'GET' && path === '/' && url.searchParams.has('token')) {
      // The printed URL opened again in the browser that already used it (a reload, the link clicked twice): that
      // browser has its session, so it just goes to the screen. Anyone else gets no session from a used URL.
      if (sessionOf(req)) {
        res.writeHead(303, { ...headers, location: '/' });
        return void res.end();
      }
      if (oneTimeToken === null || url.searchParams.get('token') !== oneTimeToken)
        return sendText(
          res,
          403,
          'この URL は一度だけ使えます（使用済みか無効です）。最初に開いたブラウザーで開くか、サーバーを起動し直して新しい URL を使ってください',
          headers,
        );
      oneTimeToken = null;
      const sid = randomBytes(24).toString('base64url');
      sessions.add(sid);
      res.writeHead(303, { ...headers, location: '/', 'set-cookie': `madoguchi_session=${sid}; HttpOnly; SameSite=Strict; Path=/` });
      return void res.end();
    }
    const sid = sessionOf(req);
    if (!sid) return sendText(res, 403, '起動時に表示された URL から開いてください', headers);

    if (req.method === 'GET' && path === '/__events') {
      // A stream open as long as the window is: not a request in flight.
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const ipcChannel = req.method === 'POST' && path.startsWith('/__ipc/') ? path.slice('/__ipc/'.length) : null;
    const extra = req.method === 'POST' ? options.extraPosts?.[path] : undefined;
    if (ipcChannel !== null || extra) {
      if (req.headers.origin !== undefined && req.headers.origin !== `http://127.0.0.1:${port}`)
        return refuseCall(req, res, 403, { code: 'forbidden', message: MESSAGES.otherOrigin }, headers);
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
        const result = ipcChannel !== null ? await invoke(ipcChannel, input ?? undefined, `browser:${sid}`) : (extra!(input) ?? null);
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result), { ...headers, 'cache-control': 'no-store' });
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

  const serveGet = async (path: string, res: ServerResponse, headers: Record<string, string>): Promise<void> => {
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
    if (path === '/__bridge.js') return send(res, 200, TYPES['.js']!, bridgeScript(), headers);
    return serveStatic(path, res, headers);
  };

  const serveStatic = async (path: string, res: ServerResponse, headers: Record<string, string>): Promise<void> => {
    const rel = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(normalize(rendererDir) + sep)) return sendText(res, 404, MESSAGES.notFound, headers);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return sendText(res, 404, MESSAGES.notFound, headers);
    }
    if (rel === 'index.html') {
      // The bridge must exist before the app's own script runs, exactly as the preload does in Electron.
      data = Buffer.from(data.toString('utf8').replace('<head>', '<head><script src="/__bridge.js"></script>'));
    }
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

  return {
    url: `http://127.0.0.1:${port}/?token=${oneTimeToken}`,
    port,
    push(event, payload) {
      const parsed = PushEvents[event].parse(payload);
      for (const s of streams) s.write(`event: ${event}\ndata: ${JSON.stringify(parsed)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The request's address with its path decoded, or null when it does not parse or decode. */
function parseTarget(raw: string, port: number): { url: URL; path: string } | null {
  try {
    const url = new URL(raw, `http://127.0.0.1:${port}`);
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

/** The body as JSON, or null for anything else (the contract's schema then says what is missing). */
function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Which route failed, for the log: the route's own part of the path, never a token, a query or an id. */
function routeOf(raw: string | undefined): string {
  const path = (raw ?? '').split('?')[0]!;
  return /^\/__ipc\/[\w:%-]{1,64}$/.test(path) ? path : (/^\/__[a-z-]+/.exec(path)?.[0] ?? '(page)');
}
