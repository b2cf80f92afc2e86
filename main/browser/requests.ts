// What browser mode reads from a request and puts in a page: pure helpers of ./server.ts.
import { SECRET_META } from './session';

/**
 * The page with the bridge before the app's own script, exactly as the preload comes first in Electron; on the one
 * answer that starts the session, the secret's <meta> before the bridge, which reads it (and takes it out).
 */
export function withBridge(html: string, secret: string | null): string {
  const tags = (secret === null ? '' : `<meta name="${SECRET_META}" content="${secret}">`) + '<script src="/__bridge.js"></script>';
  if (html.includes('<head>')) return html.replace('<head>', () => `<head>${tags}`);
  const doctype = /^<!doctype html>/i.exec(html)?.[0] ?? '';
  return doctype + tags + html.slice(doctype.length);
}

/** The request's address with its path decoded, or null when it does not parse or decode. */
export function parseTarget(raw: string, port: number): { url: URL; path: string } | null {
  try {
    const url = new URL(raw, `http://127.0.0.1:${port}`);
    return { url, path: decodeURIComponent(url.pathname) };
  } catch {
    return null;
  }
}

/** The body as JSON, or null for anything else (the contract's schema then says what is missing). */
export function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Which route failed, for the log: the route's own part of the path, never a token, a query or an id. */
export function routeOf(raw: string | undefined): string {
  const path = (raw ?? '').split('?')[0]!;
  return /^\/__ipc\/[\w:%-]{1,64}$/.test(path) ? path : (/^\/__[a-z-]+/.exec(path)?.[0] ?? '(page)');
}
