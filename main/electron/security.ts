// Window and session hardening, in one place: no navigation but to our own page, no new windows, no permissions,
// strict CSP, and IPC accepted only from our own page.
import type { App, Session, WebContents, WebFrameMain } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { APP_PAGE } from './app-protocol';

/** The app's page, app://madoguchi/index.html, whatever its query or fragment. */
function isAppPage(href: string): boolean {
  try {
    const url = new URL(href);
    const ours = new URL(APP_PAGE);
    return url.protocol === ours.protocol && url.host === ours.host && url.pathname === ours.pathname;
  } catch {
    return false;
  }
}

/** A frame may call main only if it is our renderer's top-level page (not a print preview's frame, not a file://). */
export function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppPage(frame.url);
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
    // The recover page's button goes back to the app's page; nothing else is ever navigated to.
    contents.on('will-navigate', (e, url) => {
      if (!isAppPage(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Our app:// answers carry their own CSP (a print document's, the recover page's); anything else gets the window's.
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const has = Object.keys(headers).some((h) => h.toLowerCase() === 'content-security-policy');
    callback({ responseHeaders: has ? headers : { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
