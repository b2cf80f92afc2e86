// The browser-mode stand-in for the Electron preload: defines `window.madoguchi` with the same named
// functions, each a POST to the loopback server, plus `on(event, fn)` over server-sent events.
import { CHANNELS, PUSH_EVENTS, UNREACHABLE } from '../../shared/ipc/contract';

export function bridgeScript(): string {
  return `(() => {
  'use strict';
  const channels = ${JSON.stringify(CHANNELS)};
  const pushEvents = ${JSON.stringify(PUSH_EVENTS)};
  const api = {};
  for (const channel of channels) {
    api[channel] = async (input) => {
      try {
        const res = await fetch('/__ipc/' + encodeURIComponent(channel), {
          method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input === undefined ? {} : input),
        });
        return await res.json();
      } catch (e) {
        // No answer, or not the server's (a page from something else on the port): main did nothing.
        return { ok: false, error: ${JSON.stringify(UNREACHABLE)} };
      }
    };
  }
  const listeners = new Map(pushEvents.map((e) => [e, new Set()]));
  let source = null;
  const connect = () => {
    if (source) return;
    source = new EventSource('/__events');
    for (const e of pushEvents) source.addEventListener(e, (m) => { for (const l of listeners.get(e)) l(JSON.parse(m.data)); });
  };
  api.on = (event, listener) => {
    if (!listeners.has(event)) throw new Error('unknown event ' + event);
    connect();
    listeners.get(event).add(listener);
    return () => listeners.get(event).delete(listener);
  };
  Object.defineProperty(window, 'madoguchi', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
