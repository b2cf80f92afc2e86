// The preload: exposes `window.madoguchi`, one named function per contract channel, and `on` for pushes.
// Never ipcRenderer itself. Runs sandboxed, so it is bundled into one CommonJS file with no other imports:
// the channel names come from main, which has the contract, in one synchronous call before the page runs.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_NAMES_CHANNEL, type ApiNames } from '../shared/ipc/channels';

const { channels, pushEvents } = ipcRenderer.sendSync(API_NAMES_CHANNEL) as ApiNames;

const api: Record<string, unknown> = {};
for (const channel of channels) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(`madoguchi:${channel}`, input ?? {});
}
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!pushEvents.includes(event)) throw new Error(`unknown event ${event}`);
  const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(`madoguchi:${event}`, wrapped);
  return () => ipcRenderer.removeListener(`madoguchi:${event}`, wrapped);
};

contextBridge.exposeInMainWorld('madoguchi', Object.freeze(api));
