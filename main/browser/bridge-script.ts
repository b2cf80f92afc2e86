// The browser-mode stand-in for the Electron preload: defines `window.madoguchi` with the same named
// functions, each a POST to the loopback server, plus `on(event, fn)` over server-sent events.
//
// It holds the tab's secret (./session.ts): read once from the <meta> of the page that started the session, kept in
// the tab's sessionStorage (our origin, port included; a reload of the tab keeps it, another tab has none), sent
// with every call, and replaced by the one a sign-in's answer brings. The script itself is the same for everyone and
// holds no secret: a page of another port may include it and gets nothing from it.
import { CHANNELS, PUSH_EVENTS, UNREACHABLE } from '../../shared/ipc/contract';
import { MESSAGES } from './replies';
import { ROTATE_AFTER, SECRET_HEADER, SECRET_META, SECRET_PARAM } from './session';

export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const channels = ${JSON.stringify(CHANNELS)};
  const pushEvents = ${JSON.stringify(PUSH_EVENTS)};
  const HEADER = ${JSON.stringify(SECRET_HEADER)};
  const KEY = ${JSON.stringify(SECRET_META)};
  const NO_SECRET = ${JSON.stringify({ code: 'no-session', message: MESSAGES.noSecret })};
  const UNREACHABLE = ${JSON.stringify(UNREACHABLE)};
  const stored = {
    get() { try { return window.sessionStorage.getItem(KEY); } catch (e) { return null; } },
    set(v) { try { if (v === null) window.sessionStorage.removeItem(KEY); else window.sessionStorage.setItem(KEY, v); } catch (e) { /* kept in memory only */ } },
  };
  let secret = stored.get();
  const meta = document.querySelector('meta[name="' + KEY + '"]');
  if (meta) {
    // The one page that carries it: kept for this tab, taken out of the page, and the spent token out of the
    // address bar and the history (a reload asks for the screen, not for the used URL).
    secret = meta.getAttribute('content');
    meta.remove();
    stored.set(secret);
    history.replaceState(null, '', '/');
  }
  const generationOf = (s) => Number(String(s).split('.')[0]) || 0;

  const listeners = new Map(pushEvents.map((e) => [e, new Set()]));
  let wanted = false;
  let source = null;
  const connect = () => {
    if (!wanted || secret === null) return;
    const next = new EventSource('/__events?${SECRET_PARAM}=' + encodeURIComponent(secret));
    source = next;
    for (const e of pushEvents) next.addEventListener(e, (m) => { for (const l of listeners.get(e)) l(JSON.parse(m.data)); });
    // A stream opened with a secret since replaced: the server ends it once the new one is open (what it carried
    // until then is heard); it is not opened again.
    next.addEventListener('error', () => { if (source !== next) next.close(); });
  };
  /** A new secret (a sign-in's answer): kept, and the event stream opened again with it. Never an older one. */
  const adopt = (next) => {
    if (!next || (secret !== null && generationOf(next) <= generationOf(secret))) return;
    secret = next;
    stored.set(next);
    if (source) connect();
  };
  /**
   * The server holds no session for this tab's secret (expired, or replaced in another tab): forgotten, and the
   * screen loaded again, where the server or the sign-in gate says what to do. Nothing is kept on screen meanwhile.
   */
  const end = () => {
    secret = null;
    stored.set(null);
    if (source) source.close();
    source = null;
    location.reload();
  };

  /** Calls whose answer brings a new secret, while they are on their way. */
  const ROTATING = new Set(${JSON.stringify([...ROTATE_AFTER])});
  const rotating = new Set();
  const api = {};
  for (const channel of channels) {
    api[channel] = async (input) => {
      const body = JSON.stringify(input === undefined ? {} : input);
      for (let attempt = 0; ; attempt++) {
        // This tab never had the secret (a second tab, a link opened elsewhere): said, and nothing is sent.
        if (secret === null) return { ok: false, error: NO_SECRET };
        const sent = secret;
        let out;
        try {
          const answer = fetch('/__ipc/' + encodeURIComponent(channel), {
            method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', [HEADER]: sent }, body,
          }).then((res) => {
            adopt(res.headers.get(HEADER));
            return res;
          });
          if (ROTATING.has(channel)) {
            rotating.add(answer);
            answer.finally(() => rotating.delete(answer)).catch(() => {});
          }
          out = await (await answer).json();
        } catch (e) {
          // No answer, or not the server's (a page from something else on the port): main did nothing.
          return { ok: false, error: UNREACHABLE };
        }
        if (out && out.ok === false && out.error && out.error.code === 'no-session') {
          // Refused before anything was done. A sign-in's answer may be on its way with the new secret (this call
          // crossed it): that is waited for, and the call sent again with it. Otherwise this tab's session is over.
          while (rotating.size > 0) await Promise.allSettled([...rotating]);
          if (secret !== sent && attempt < 2) continue;
          if (secret === sent) end();
        }
        return out;
      }
    };
  }
  api.on = (event, listener) => {
    if (!listeners.has(event)) throw new Error('unknown event ' + event);
    wanted = true;
    if (!source) connect();
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  Object.defineProperty(window, 'madoguchi', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
