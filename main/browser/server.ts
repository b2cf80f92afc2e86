// Browser mode: the same services and contract the Electron window gets, served to a real browser over
// loopback, for Playwright tests and development. 127.0.0.1 only, a random port, and a one-time token in
// the first URL that is swapped for an HttpOnly session cookie, so no other local page can drive it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Invoke } from '../ipc/dispatch';
import { bridgeScript } from './bridge-script';
import { PushEvents, type PushEvent } from '../../shared/ipc/contract';
import { printDocumentCsp, type PrintJob } from '../print/printer';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

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
const MAX_BODY = 96 * 1024 * 1024; // a ledger upload from the lead's import screen

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
  let port = 0;

  const sessionOf = (req: IncomingMessage): string | null => {
    const m = /(?:^|;\s*)madoguchi_session=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
    return m && sessions.has(m[1]!) ? m[1]! : null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: only our own loopback origin may talk to us.
    if (req.headers.host !== `127.0.0.1:${port}`) return send(res, 421, 'text/plain', 'wrong host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const headers = securityHeaders();

    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      // The printed URL opened again in the browser that already used it (a reload, the link clicked twice): that
      // browser has its session, so it just goes to the screen. Anyone else gets no session from a used URL.
      if (sessionOf(req)) {
        res.writeHead(303, { ...headers, location: '/' });
        return void res.end();
      }
      if (oneTimeToken === null || url.searchParams.get('token') !== oneTimeToken)
        return send(
          res,
          403,
          'text/plain; charset=utf-8',
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
    if (!sid) return send(res, 403, 'text/plain; charset=utf-8', '起動時に表示された URL から開いてください', headers);

    if (req.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
      if (req.headers.origin !== undefined && req.headers.origin !== `http://127.0.0.1:${port}`)
        return send(res, 403, 'text/plain', 'origin', headers);
      const body = await readBody(req);
      let input: unknown;
      try {
        input = body === null ? undefined : JSON.parse(body);
      } catch {
        input = undefined;
      }
      const result =
        body === null
          ? { ok: false, error: { code: 'invalid-input', message: '入力が大きすぎます' } }
          : await invoke(decodeURIComponent(url.pathname.slice('/__ipc/'.length)), input, `browser:${sid}`);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(result), { ...headers, 'cache-control': 'no-store' });
    }
    const extra = options.extraPosts?.[url.pathname];
    if (req.method === 'POST' && extra) {
      if (req.headers.origin !== undefined && req.headers.origin !== `http://127.0.0.1:${port}`)
        return send(res, 403, 'text/plain', 'origin', headers);
      const body = await readBody(req);
      let input: unknown = null;
      try {
        input = body ? JSON.parse(body) : null;
      } catch {
        input = null;
      }
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(extra(input) ?? null), headers);
    }
    if (req.method === 'GET' && url.pathname === '/__events') {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const printId = /^\/__print\/([0-9a-f]{32})$/.exec(url.pathname)?.[1];
    if (req.method === 'GET' && printId) {
      const job = options.printPreviews?.get(printId);
      if (!job) return send(res, 404, 'text/plain; charset=utf-8', '印刷プレビューの期限が切れました。もう一度印刷してください', headers);
      return send(res, 200, TYPES['.html']!, job.html, {
        ...headers,
        'content-security-policy': printDocumentCsp(job.html),
        'cache-control': 'no-store',
      });
    }
    if (req.method === 'GET' && url.pathname === '/__bridge.js') return send(res, 200, TYPES['.js']!, bridgeScript(), headers);
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method', headers);
    return serveStatic(url.pathname, res, headers);
  };

  const serveStatic = async (pathname: string, res: ServerResponse, headers: Record<string, string>): Promise<void> => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(normalize(rendererDir) + sep)) return send(res, 404, 'text/plain', 'not found', headers);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain', 'not found', headers);
    }
    if (rel === 'index.html') {
      // The bridge must exist before the app's own script runs, exactly as the preload does in Electron.
      data = Buffer.from(data.toString('utf8').replace('<head>', '<head><script src="/__bridge.js"></script>'));
    }
    return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data, headers);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      options.log?.(`browser server: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });
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

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': type });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
