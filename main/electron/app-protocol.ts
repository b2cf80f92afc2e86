// The installed app's window is served from app://madoguchi/, a privileged scheme of our own, not from file://:
// the page has a real origin (its CSP's 'self' means the renderer folder and nothing else on the disk), file://
// keeps no extra powers (the grantFileProtocolExtraPrivileges fuse is off), and IPC is accepted only from this
// origin's page. Plain Node (Request → Response), so it is tested without Electron; main.ts hands it to
// protocol.handle.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { CONTENT_TYPES } from '../files/content-types';
import { isWithin } from '../files/within';
import { printDocumentCsp, type PrintJob } from '../print/printer';
import { RECOVER_CSP, recoverPage } from './recover-page';

export const APP_SCHEME = 'app';
const APP_HOST = 'madoguchi';
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** Where the window goes after its renderer crashed (main.ts): what happened, and 画面を開き直す. */
export const RECOVER_PAGE = `${APP_SCHEME}://${APP_HOST}/__recover`;

/** The scheme's privileges, registered before the app is ready: a standard, secure origin that may fetch its own files. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** The printed documents held for the window's print preview (createPreviewPrinter). */
interface HeldPrints {
  get(id: string): PrintJob | undefined;
}

/** Answers one app:// request: a file of the renderer folder, a held print document, or the recover page. */
export function appProtocolHandler(rendererDir: string, prints: HeldPrints): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || request.method !== 'GET') return notFound();
    const path = decodePath(url.pathname);
    if (path === null) return notFound();
    // The id is a capability (128 random bits, given only in the answer to a call), held minutes.
    const printId = /^\/__print\/([0-9a-f]{32})$/.exec(path)?.[1];
    if (printId !== undefined) {
      const job = prints.get(printId);
      if (!job) return text(404, '印刷プレビューの期限が切れました。もう一度印刷してください');
      return html(job.html, printDocumentCsp(job.html));
    }
    if (path === '/__recover') return html(recoverPage(), RECOVER_CSP);
    const file = resolve(join(root, path === '/' ? 'index.html' : path));
    if (file === root || !isWithin(file, root)) return notFound();
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return notFound();
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
    if (extname(file) === '.html') {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['cache-control'] = 'no-store';
    }
    return new Response(new Uint8Array(data), { status: 200, headers });
  };
}

/** The URL's path, percent-decoded, or null when it holds what no file name of ours does (.., \, NUL, bad escapes). */
function decodePath(pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..' || part.startsWith('.'))) return null;
  return path;
}

function html(body: string, csp: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': CONTENT_TYPES['.html']!, 'content-security-policy': csp, 'cache-control': 'no-store' },
  });
}

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function notFound(): Response {
  return text(404, 'ページが見つかりません');
}
