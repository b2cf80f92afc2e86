// The preload: exposes `window.madoguchi`, one named function per contract channel, and `on` for pushes.
// Never ipcRenderer itself. Runs sandboxed, so it is bundled into one CommonJS file with no other imports.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, PUSH_EVENT_NAMES } from '../shared/ipc/channels';

const api: Record<string, unknown> = {};
for (const channel of CHANNEL_NAMES) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(`madoguchi:${channel}`, input ?? {});
}
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!(PUSH_EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(`madoguchi:${event}`, wrapped);
  return () => ipcRenderer.removeListener(`madoguchi:${event}`, wrapped);
};

contextBridge.exposeInMainWorld('madoguchi', Object.freeze(api));
