// The only module that touches window.madoguchi (the preload API in Electron, the bridge in browser mode).
import type { MadoguchiApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    readonly madoguchi?: MadoguchiApi;
  }
}

export function api(): MadoguchiApi {
  const a = window.madoguchi;
  if (!a) throw new Error('window.madoguchi is missing: the preload (or browser bridge) did not load');
  return a;
}
