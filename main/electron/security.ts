// Window and session hardening, in one place: no navigation, no new windows, no permissions, strict CSP,
// and IPC accepted only from our own page.
import type { App, Session, WebContents, WebFrameMain } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export function rendererUrl(rendererDir: string): string {
  return pathToFileURL(`${rendererDir}/index.html`).href;
}

/** A frame may call main only if it is our renderer's top-level page. */
export function isTrustedSender(frame: WebFrameMain | null, rendererDir: string): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    const ours = new URL(rendererUrl(rendererDir));
    return url.protocol === 'file:' && url.pathname === ours.pathname;
  } catch {
    return false;
  }
}

/** The one set of webPreferences every window gets (tested without Electron). */
export function secureWebPreferences(preload: string, isPackaged: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
    devTools: !isPackaged,
  } as const;
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
