// Browser mode's server as node tests talk to it: plain HTTP requests with exactly the headers a test gives, and
// the one-time URL opened as the window opens it (the cookie it sets and the secret its page carries).
import { request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request to 127.0.0.1:port; `headers` go as given (Host is ours unless given). */
export function httpRequest(
  port: number,
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = {
      host: `127.0.0.1:${port}`,
      ...(o.body !== undefined ? { 'content-length': String(Buffer.byteLength(o.body)) } : {}),
      ...o.headers,
    };
    const req = request({ host: '127.0.0.1', port, path, method: o.method ?? 'GET', headers }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

export interface OpenedSession {
  /** The `name=value` of the session cookie, as the browser sends it back. */
  readonly cookie: string;
  /** The secret the first page carried. */
  readonly secret: string;
  /** Our page's origin, as a browser sends it with a POST. */
  readonly origin: string;
  /** The first page itself. */
  readonly page: Answer;
  /** What the window's bridge sends with a call: the cookie, the Origin and the secret. */
  readonly call: Record<string, string>;
}

export const SECRET_IN_PAGE = /<meta name="madoguchi-session" content="([^"]+)">/;

/** Opens the one-time URL once, as the window does. */
export async function openSession(server: { readonly url: string; readonly port: number }): Promise<OpenedSession> {
  const url = new URL(server.url);
  const page = await httpRequest(server.port, url.pathname + url.search);
  const cookie = /madoguchi_session_\d+=[A-Za-z0-9_-]+/.exec(String(page.headers['set-cookie']))?.[0];
  const secret = SECRET_IN_PAGE.exec(page.body)?.[1];
  if (page.status !== 200 || !cookie || !secret) throw new Error(`the one-time URL gave ${page.status} and no session`);
  return { cookie, secret, origin: url.origin, page, call: { cookie, origin: url.origin, 'x-madoguchi-session': secret } };
}
